using System.Globalization;

namespace QNetLang.Ir;

/// <summary>
/// A figure's resolved tree in one line, for the bind and IR dumps: bits as <c>#index</c>,
/// reductions as <c>mean[rounds](value | condition; …)</c> with every unrolled round.
/// </summary>
public static class FigurePrinter
{
    public static string Print(FigureExpression expression) => expression switch
    {
        FigureConstant c => c.Value.ToString("R", CultureInfo.InvariantCulture),
        FigureBit b => "#" + b.Bit.ToString(CultureInfo.InvariantCulture),
        FigureReference r => r.Name,
        FigureShotTime => "shot_time",
        FigureUnary u => $"{u.Operator}({Print(u.Operand)})",
        FigureBinary b => $"{b.Operator}({Print(b.Left)}, {Print(b.Right)})",
        FigureCall c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Print))})",
        FigureReduction r => $"{(r.Kind == ReductionKind.Mean ? "mean" : "sum")}[{r.Terms.Length}](" +
            string.Join("; ", r.Terms.Select(t => t.Condition is null ? Print(t.Value) : $"{Print(t.Value)} | {Print(t.Condition)}")) + ")",
        _ => throw new InvalidOperationException($"unknown figure expression {expression.GetType().Name}"),
    };
}
