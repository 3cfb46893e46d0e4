using System.Globalization;
using System.Text.RegularExpressions;
using QNetLang.Core;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// One `--set TARGET=VALUES`: `A..B:K` (K points, linear), `A..B:K:log`, or a list `a,b,c`;
/// each value a number with an optional unit, as in `.qn` (`10km..90km:5`, `1ms,10ms`).
/// </summary>
public sealed record SweepParameter(string Target, IReadOnlyList<ParameterOverride> Values)
{
    /// <summary>Points one parameter may have (and the whole grid): a sweep is meant to be plotted.</summary>
    public const int MaxPoints = 1000;

    private static readonly Regex Number = new(@"^\s*([-+]?(?:\d[\d_]*)(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*([A-Za-z][A-Za-z/]*)?\s*$", RegexOptions.CultureInvariant);

    /// <summary>The SI value of a point (what sweep.csv and sweep.json report).</summary>
    public static double SiValue(ParameterOverride value) =>
        value.Unit is { } unit && Units.TryConvert(unit, value.Value, out _, out double si) ? si : value.Value;

    public static SweepParameter? Parse(string setting, out string? error)
    {
        error = null;
        int equals = setting.IndexOf('=');
        if (equals <= 0 || equals == setting.Length - 1)
        {
            error = $"--set needs TARGET=VALUES, as in alice--bob.length=10km..90km:5; found '{setting}'";
            return null;
        }
        string target = setting[..equals].Trim(), values = setting[(equals + 1)..].Trim();
        var points = new List<ParameterOverride>();
        if (values.Contains("..", StringComparison.Ordinal))
        {
            var parts = values.Split(':');
            var ends = parts[0].Split("..");
            if (parts.Length is < 2 or > 3 || ends.Length != 2 || parts.Length == 3 && parts[2] != "log"
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 2 || count > MaxPoints)
            {
                error = $"'{values}' is not A..B:K or A..B:K:log with 2 <= K <= {MaxPoints}";
                return null;
            }
            if (Value(target, ends[0], out error) is not { } a || Value(target, ends[1], out error) is not { } b) return null;
            if (a.Unit != b.Unit)
            {
                error = $"both ends of '{values}' need the same unit";
                return null;
            }
            bool log = parts.Length == 3;
            if (log && !(a.Value > 0 && b.Value > 0))
            {
                error = $"a :log range needs positive ends, not '{values}'";
                return null;
            }
            for (int k = 0; k < count; k++)
            {
                double t = k / (double)(count - 1);
                double v = log ? a.Value * Math.Pow(b.Value / a.Value, t) : a.Value + (b.Value - a.Value) * t;
                // The ends exactly as written; integral points stay integers (a constant `n`).
                if (k == 0) v = a.Value;
                if (k == count - 1) v = b.Value;
                bool integer = a.IsInteger && b.IsInteger && v == Math.Round(v);
                points.Add(new ParameterOverride(target, v, integer, a.Unit));
            }
        }
        else
        {
            foreach (string item in values.Split(','))
            {
                if (Value(target, item, out error) is not { } v) return null;
                points.Add(v);
            }
            if (points.Count > MaxPoints)
            {
                error = $"--set {target} lists {points.Count} values; at most {MaxPoints}";
                return null;
            }
        }
        return new SweepParameter(target, points);
    }

    /// <summary>`NAME=VALUE` (one number with an optional unit), as `--input` takes it.</summary>
    public static ParameterOverride? Single(string assignment, string option, out string? error)
    {
        int equals = assignment.IndexOf('=');
        if (equals <= 0)
        {
            error = $"{option} takes NAME=VALUE, not '{assignment}'";
            return null;
        }
        var value = Value(assignment[..equals].Trim(), assignment[(equals + 1)..].Trim(), out error);
        if (error is not null) error = error.Replace("--set", option, StringComparison.Ordinal);
        return value;
    }

    private static ParameterOverride? Value(string target, string text, out string? error)
    {
        error = null;
        var match = Number.Match(text);
        if (!match.Success || !double.TryParse(match.Groups[1].Value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            error = $"'{text}' in --set {target} is not a number with an optional unit";
            return null;
        }
        string? unit = match.Groups[2].Success ? match.Groups[2].Value : null;
        if (unit is not null && !Units.TryConvert(unit, value, out _, out _))
        {
            error = $"'{unit}' in --set {target} is not a unit (units: {string.Join(", ", Units.Names)})";
            return null;
        }
        bool integer = !match.Groups[1].Value.Contains('.') && !match.Groups[1].Value.Contains('e', StringComparison.OrdinalIgnoreCase);
        return new ParameterOverride(target, value, integer, unit);
    }
}
