using QNetLang.Ir;

namespace QNetLang.Simulation.Figures;

/// <summary>The distinct reductions of a program's figures, numbered in declaration order: one pair of sums each.</summary>
internal sealed class FigureLayout
{
    private readonly Dictionary<FigureReduction, int> _index = new(ReferenceEqualityComparer.Instance);

    public FigureLayout(IEnumerable<FigureDefinition> figures)
    {
        foreach (var figure in figures) Collect(figure.Expression);
    }

    public List<FigureReduction> Reductions { get; } = [];

    public int IndexOf(FigureReduction reduction) => _index[reduction];

    private void Collect(FigureExpression expression)
    {
        switch (expression)
        {
            case FigureReduction r:
                if (_index.TryAdd(r, Reductions.Count)) Reductions.Add(r);
                break;
            case FigureUnary u:
                Collect(u.Operand);
                break;
            case FigureBinary b:
                Collect(b.Left);
                Collect(b.Right);
                break;
            case FigureCall c:
                foreach (var argument in c.Arguments) Collect(argument);
                break;
        }
    }
}
