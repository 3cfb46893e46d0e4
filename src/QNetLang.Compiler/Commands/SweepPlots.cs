using QNetLang.Ir;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// One plot per figure against the first swept parameter (PNG and SVG): the value with error
/// bars of one standard error, one series per combination of the other parameters. When the
/// figure is a rate (its name contains "rate") and the first parameter is a link's length,
/// the repeaterless (PLOB) bound −log2(1 − η) per channel use is drawn beside it, η the
/// link's transmissivity at each point: no protocol over that link can beat it. A rate per
/// second (a figure that divides by shot_time, directly or through earlier figures) gets the
/// bound times the link's source rate instead, and none when the link has no rate. Values
/// spanning more than three decades are drawn on a logarithmic axis.
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
        // Points of one series share the values of every parameter but the first.
        var series = points.GroupBy(p => string.Join(", ", p.Values.Skip(1).Select(v => $"{v.Target} = {v.Text}"))).ToList();
        double[]? boundXs = null, boundYs = null;
        bool perSecond = false;
        // A stream sweep (no program) measures routes, not one link: the one link's bound is not theirs.
        if (figure.Contains("rate", StringComparison.Ordinal) && IsLinkLength(first) && points[0].Program is not null)
        {
            var (a, b) = LinkEnds(first);
            var bound = points.Where(p => p.Values.Skip(1).SequenceEqual(points[0].Values.Skip(1))).ToList();
            perSecond = PerSecond(points[0].Program!.Figures, figure);
            // At length 0 the bound is infinite, and per second it is NaN without a source rate: such points are left out.
            var drawn = bound.Select(p => (X: SweepParameter.SiValue(p.Values[0]), Y: Plob(p.Network, a, b) * (perSecond ? SourceRate(p.Network, a, b) : 1)))
                .Where(p => double.IsFinite(p.Y)).ToList();
            if (drawn.Count > 0)
            {
                boundXs = [.. drawn.Select(p => p.X)];
                boundYs = [.. drawn.Select(p => p.Y)];
            }
        }
        var values = points.Select(p => p.Result.Figures.Single(f => f.Name == figure).Value).Where(double.IsFinite).ToList();
        bool log = LogScale(values.Concat(boundYs ?? []));
        for (int s = 0; s < series.Count; s++)
        {
            // On a log axis a value ≤ 0 (a key rate past its cut-off) has no place: it is left out.
            var members = series[s].Where(p => p.Result.Figures.Single(f => f.Name == figure).Value is var v && double.IsFinite(v) && (!log || v > 0)).ToList();
            if (members.Count == 0) continue;
            double[] xs = [.. members.Select(p => SweepParameter.SiValue(p.Values[0]))];
            double[] ys = [.. members.Select(p => p.Result.Figures.Single(f => f.Name == figure).Value)];
            double[] errors = [.. members.Select(p => p.Result.Figures.Single(f => f.Name == figure).StdErr).Select(e => double.IsFinite(e) ? e : 0)];
            if (log)
            {
                // The error bar of log10 y to first order: σ/(y·ln 10).
                errors = [.. errors.Select((e, i) => e / (ys[i] * Math.Log(10)))];
                ys = [.. ys.Select(Math.Log10)];
            }
            var color = palette.GetColor(s);
            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.LegendText = series[s].Key.Length == 0 ? figure : series[s].Key;
            var bars = plot.Add.ErrorBar(xs, ys, errors);
            bars.LineColor = color;
        }
        if (boundXs is not null && boundYs is not null)
        {
            var line = plot.Add.Scatter(boundXs, log ? [.. boundYs.Select(Math.Log10)] : boundYs, ScottPlot.Colors.Black);
            line.LinePattern = ScottPlot.LinePattern.Dashed;
            line.MarkerSize = 0;
            line.LegendText = perSecond ? "PLOB bound -log2(1 - η) × source rate, bits/s" : "PLOB bound -log2(1 - η) per channel use";
        }
        if (log)
        {
            var ticks = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = y => $"1e{y:0}",
            };
            plot.Axes.Left.TickGenerator = ticks;
        }
        plot.Title(figure);
        var unit = parameters[0].Values[0].Unit is { } u && QNetLang.Core.Units.TryConvert(u, 1, out var dimension, out _) ? QNetLang.Core.Units.CanonicalUnitName(dimension) : null;
        plot.XLabel(unit is null ? first : $"{first} ({unit})");
        plot.YLabel(figure + " ± 1 standard error" + (log ? " (log scale)" : ""));
        // Below the data area, so that it never covers a point.
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        return plot;
    }

    /// <summary>
    /// A logarithmic value axis when the positive values span more than three decades (a key
    /// rate that falls exponentially with distance, beside its bound); values ≤ 0 are then left out.
    /// </summary>
    private static bool LogScale(IEnumerable<double> values)
    {
        var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToList();
        return positive.Count >= 2 && positive.Max() / positive.Min() > 1000;
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
