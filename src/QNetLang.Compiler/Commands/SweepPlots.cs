using QNetLang.Ir;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// One plot per figure against the first swept parameter (PNG and SVG): the value with error
/// bars of one standard error, one series per combination of the other parameters. When the
/// figure is a rate (its name contains "rate") and the first parameter is a link's length,
/// the repeaterless (PLOB) bound −log2(1 − η) per channel use is drawn beside it, η the
/// link's transmissivity at each point: no protocol over that link can beat it. A rate per
/// second (a figure that divides by shot_time, directly or through earlier figures) gets the
/// bound times the link's source rate instead, and none when the link has no rate. A stream
/// sweep's rates (`--stream`) are drawn on a log axis, where a rate of 0 has no place.
/// </summary>
public static class SweepPlots
{
    public static bool Write(string directory, IReadOnlyList<SweepParameter> parameters, IReadOnlyList<SweepPoint> points, out string? error)
    {
        error = null;
        try
        {
            Directory.CreateDirectory(directory);
            foreach (string figure in points[0].Result.Figures.Select(f => f.Name))
            {
                var plot = Plot(parameters, points, figure);
                string stem = Path.Combine(directory, figure);
                plot.SavePng(stem + ".png", 900, 600);
                plot.SaveSvg(stem + ".svg", 900, 600);
            }
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = ex.Message;
            return false;
        }
    }

    private static ScottPlot.Plot Plot(IReadOnlyList<SweepParameter> parameters, IReadOnlyList<SweepPoint> points, string figure)
    {
        var plot = new ScottPlot.Plot();
        var palette = new ScottPlot.Palettes.Category10();
        string first = parameters[0].Target;
        // A stream sweep's rates span decades (generations, distances): they get a log axis, without their zeros.
        bool log = points[0].Program is null && figure.Contains("rate", StringComparison.Ordinal);
        // Points of one series share the values of every parameter but the first.
        var series = points.GroupBy(p => string.Join(", ", p.Values.Skip(1).Select(v => $"{v.Target} = {v.Text}"))).ToList();
        for (int s = 0; s < series.Count; s++)
        {
            var members = series[s].Where(p => p.Result.Figures.Single(f => f.Name == figure).Value is var v && double.IsFinite(v) && (!log || v > 0)).ToList();
            if (members.Count == 0) continue;
            double[] xs = [.. members.Select(p => SweepParameter.SiValue(p.Values[0]))];
            double[] ys = [.. members.Select(p => p.Result.Figures.Single(f => f.Name == figure).Value)];
            double[] errors = [.. members.Select(p => p.Result.Figures.Single(f => f.Name == figure).StdErr).Select(e => double.IsFinite(e) ? e : 0)];
            if (log)
            {
                // On a log axis an error e of a value v spans about e/(v·ln 10) decades.
                errors = [.. errors.Zip(ys, (e, v) => e / (v * Math.Log(10)))];
                ys = [.. ys.Select(Math.Log10)];
            }
            var color = palette.GetColor(s);
            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.LegendText = series[s].Key.Length == 0 ? figure : series[s].Key;
            var bars = plot.Add.ErrorBar(xs, ys, errors);
            bars.LineColor = color;
        }
        // A stream sweep measures routes, not one link: the one link's bound is not theirs.
        if (figure.Contains("rate", StringComparison.Ordinal) && IsLinkLength(first) && points[0].Program is not null)
        {
            var (a, b) = LinkEnds(first);
            var bound = points.Where(p => p.Values.Skip(1).SequenceEqual(points[0].Values.Skip(1))).ToList();
            bool perSecond = PerSecond(points[0].Program!.Figures, figure);
            double[] xs = [.. bound.Select(p => SweepParameter.SiValue(p.Values[0]))];
            double[] ys = [.. bound.Select(p => Plob(p.Network, a, b) * (perSecond ? SourceRate(p.Network, a, b) : 1))];
            if (ys.All(double.IsFinite))
            {
                var line = plot.Add.Scatter(xs, ys, ScottPlot.Colors.Black);
                line.LinePattern = ScottPlot.LinePattern.Dashed;
                line.MarkerSize = 0;
                line.LegendText = perSecond ? "PLOB bound -log2(1 - η) × source rate, bits/s" : "PLOB bound -log2(1 - η) per channel use";
            }
        }
        plot.Title(figure);
        var unit = parameters[0].Values[0].Unit is { } u && QNetLang.Core.Units.TryConvert(u, 1, out var dimension, out _) ? QNetLang.Core.Units.CanonicalUnitName(dimension) : null;
        plot.XLabel(unit is null ? first : $"{first} ({unit})");
        plot.YLabel(figure + (log ? " (log scale)" : "") + " ± 1 standard error");
        if (log)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = y => Math.Pow(10, y).ToString(y >= 0 ? "#,0" : "0.###", System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        // Below the data area, so that it never covers a point.
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        return plot;
    }

    private static bool IsLinkLength(string target) => ParameterOverrides.Split(target) is (string owner, "length") && owner != ParameterOverrides.EveryLink && owner.Split("--").Length == 2;

    private static (string, string) LinkEnds(string target)
    {
        var ends = ParameterOverrides.Split(target)!.Value.Owner.Split("--");
        return (ends[0], ends[1]);
    }

    /// <summary>Whether the figure is per second: it divides by shot_time, directly or through an earlier figure.</summary>
    public static bool PerSecond(IReadOnlyList<FigureDefinition> figures, string name)
    {
        bool Uses(FigureExpression e) => e switch
        {
            FigureShotTime => true,
            FigureReference r => PerSecond(figures, r.Name),
            FigureUnary u => Uses(u.Operand),
            FigureBinary b => Uses(b.Left) || Uses(b.Right),
            FigureCall c => c.Arguments.Any(Uses),
            _ => false,
        };
        return figures.FirstOrDefault(f => f.Name == name) is { } figure && Uses(figure.Expression);
    }

    /// <summary>The link's source rate (1/rate or 1/attempt_time) in Hz; NaN when it has neither.</summary>
    public static double SourceRate(Network network, string a, string b) =>
        network.FindLink(a, b) is { } link && LinkPhysics.Of(link, network).SetupSeconds is > 0 and var setup ? 1 / setup : double.NaN;

    /// <summary>The repeaterless bound of a pure-loss channel of transmissivity η, in bits per channel use.</summary>
    public static double Plob(Network network, string a, string b) =>
        network.FindLink(a, b) is { } link ? -Math.Log2(1 - LinkPhysics.Of(link, network).Transmissivity) : double.NaN;
}
