using QNetLang.Ir;

namespace QNetLang.Simulation.Figures;

/// <summary>
/// Per-shot sums behind a program's figures, kept in <see cref="Groups"/> consecutive groups
/// of shots so that the standard error can be estimated by the grouped jackknife
/// (<see cref="FigureEstimator"/>). Shot s falls in group ⌊s·G/shots⌋, whatever block or thread
/// ran it; blocks are merged in shot order, so the sums are the same on any number of cores.
/// </summary>
internal sealed class FigureSums
{
    /// <summary>Groups for the jackknife: enough for a stable error, few enough to stay cheap.</summary>
    public const int MaxGroups = 64;

    private readonly FigureLayout _layout;
    private readonly int _shots;

    public FigureSums(FigureLayout layout, int shots)
    {
        _layout = layout;
        _shots = shots;
        Groups = Math.Min(MaxGroups, shots);
        Numerators = new double[Groups, layout.Reductions.Count];
        Denominators = new double[Groups, layout.Reductions.Count];
        Shots = new double[Groups];
        Time = new double[Groups];
    }

    public int Groups { get; }

    /// <summary>Σ of selected round values, per group and reduction.</summary>
    public double[,] Numerators { get; }

    /// <summary>Σ of selected rounds (for a mean) per group and reduction.</summary>
    public double[,] Denominators { get; }

    public double[] Shots { get; }

    /// <summary>Σ of shot times, seconds.</summary>
    public double[] Time { get; }

    public void Add(int shot, int[] bits, long timePs)
    {
        int g = (int)((long)shot * Groups / _shots);
        Shots[g]++;
        Time[g] += timePs * 1e-12;
        for (int r = 0; r < _layout.Reductions.Count; r++)
        {
            foreach (var term in _layout.Reductions[r].Terms)
            {
                if (term.Condition is { } condition && ShotValue(condition, bits) == 0) continue;
                Numerators[g, r] += ShotValue(term.Value, bits);
                Denominators[g, r]++;
            }
        }
    }

    public void Merge(FigureSums other)
    {
        for (int g = 0; g < Groups; g++)
        {
            Shots[g] += other.Shots[g];
            Time[g] += other.Time[g];
            for (int r = 0; r < _layout.Reductions.Count; r++)
            {
                Numerators[g, r] += other.Numerators[g, r];
                Denominators[g, r] += other.Denominators[g, r];
            }
        }
    }

    /// <summary>A round's value: bits, constants and operators (the binder admits nothing else here).</summary>
    private static double ShotValue(FigureExpression expression, int[] bits) => expression switch
    {
        FigureConstant c => c.Value,
        FigureBit b => bits[b.Bit] == 1 ? 1 : 0,
        FigureUnary u => FigureFunctions.Apply(u.Operator, ShotValue(u.Operand, bits)),
        FigureBinary b => FigureFunctions.Apply(b.Operator, ShotValue(b.Left, bits), ShotValue(b.Right, bits)),
        FigureCall c => FigureFunctions.Apply(c.Function, [.. c.Arguments.Select(a => ShotValue(a, bits))]),
        _ => throw new InvalidOperationException($"{expression.GetType().Name} cannot be evaluated per round"),
    };
}
