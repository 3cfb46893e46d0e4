using System.Collections.Frozen;

namespace QNetLang.Ir;

/// <summary>
/// The functions a figure of merit may call, and the operators on its values. One table, read
/// by the binder (names and arities), the simulator (values) and docs/language.md.
/// </summary>
public static class FigureFunctions
{
    private static readonly FrozenDictionary<string, (int Arity, Func<double[], double> Apply)> Table =
        new Dictionary<string, (int, Func<double[], double>)>(StringComparer.Ordinal)
        {
            ["h"] = (1, a => BinaryEntropy(a[0])),
            ["log2"] = (1, a => Math.Log2(a[0])),
            ["ln"] = (1, a => Math.Log(a[0])),
            ["exp"] = (1, a => Math.Exp(a[0])),
            ["sqrt"] = (1, a => Math.Sqrt(a[0])),
            ["abs"] = (1, a => Math.Abs(a[0])),
            ["cos"] = (1, a => Math.Cos(a[0])),
            ["sin"] = (1, a => Math.Sin(a[0])),
            ["arccos"] = (1, a => Math.Acos(a[0])),
            ["arcsin"] = (1, a => Math.Asin(a[0])),
            ["min"] = (2, a => Math.Min(a[0], a[1])),
            ["max"] = (2, a => Math.Max(a[0], a[1])),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> Names => Table.Keys.Order(StringComparer.Ordinal);

    public static bool TryGetArity(string name, out int arity)
    {
        bool found = Table.TryGetValue(name, out var entry);
        arity = entry.Arity;
        return found;
    }

    public static double Apply(string name, double[] arguments) => Table[name].Apply(arguments);

    /// <summary>h(p) = −p log2 p − (1−p) log2(1−p), with h(0) = h(1) = 0 (the limit); NaN outside [0, 1].</summary>
    public static double BinaryEntropy(double p) =>
        p is < 0 or > 1 or double.NaN ? double.NaN
        : p == 0 || p == 1 ? 0
        : -p * Math.Log2(p) - (1 - p) * Math.Log2(1 - p);

    /// <summary>Comparisons and logic give 1 or 0, as bits do.</summary>
    public static double Apply(FigureOperator op, double left, double right) => op switch
    {
        FigureOperator.Add => left + right,
        FigureOperator.Subtract => left - right,
        FigureOperator.Multiply => left * right,
        FigureOperator.Divide => left / right,
        FigureOperator.Modulo => left % right,
        FigureOperator.Power => Math.Pow(left, right),
        FigureOperator.Less => left < right ? 1 : 0,
        FigureOperator.Greater => left > right ? 1 : 0,
        FigureOperator.LessOrEqual => left <= right ? 1 : 0,
        FigureOperator.GreaterOrEqual => left >= right ? 1 : 0,
        FigureOperator.Equal => left == right ? 1 : 0,
        FigureOperator.NotEqual => left != right ? 1 : 0,
        FigureOperator.And => left != 0 && right != 0 ? 1 : 0,
        FigureOperator.Or => left != 0 || right != 0 ? 1 : 0,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a binary operator"),
    };

    public static double Apply(FigureOperator op, double operand) => op switch
    {
        FigureOperator.Negate => -operand,
        FigureOperator.Not => operand == 0 ? 1 : 0,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a unary operator"),
    };
}
