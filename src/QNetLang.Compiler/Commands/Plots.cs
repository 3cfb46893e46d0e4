using QNetLang.Simulation;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// `qnlc run --plot DIR`: the counts histogram and a per-node timeline of the first shot
/// (entanglement generation, gates, measurements, sends), each as PNG and SVG (ScottPlot,
/// rendered with SkiaSharp's self-contained Linux assets, so it works headless).
/// </summary>
public static class Plots
{
    private const int MaxBars = 32;

    /// <param name="nodes">Every node of the network, in declaration order: the timeline has a row for each, idle or not.</param>
    public static bool Write(string directory, RunResult result, IReadOnlyList<string> nodes, out string? error)
    {
        error = null;
        try
        {
            Directory.CreateDirectory(directory);
            string stem = Path.Combine(directory, result.Program);
            var counts = Counts(result);
            counts.SavePng(stem + ".counts.png", 1000, 600);
            counts.SaveSvg(stem + ".counts.svg", 1000, 600);
            if (result.Timeline is { Count: > 0 } timeline)
            {
                var plot = Timeline(result, timeline, nodes);
                plot.SavePng(stem + ".timeline.png", 1200, 500);
                plot.SaveSvg(stem + ".timeline.svg", 1200, 500);
            }
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = ex.Message;
            return false;
        }
    }

    private static ScottPlot.Plot Counts(RunResult result)
    {
        var plot = new ScottPlot.Plot();
        var top = result.Counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxBars).ToList();
        var bars = plot.Add.Bars(top.Select(c => c.Value / (double)result.Shots).ToArray());
        bars.Color = ScottPlot.Color.FromHex("#1f77b4");
        var ticks = top.Select((c, i) => new ScottPlot.Tick(i, c.Key.Length == 0 ? "(none)" : c.Key)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 60;
        plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 120;
        plot.Axes.Margins(bottom: 0);
        plot.Title($"{result.Program}: {result.Shots} shots, engine {QNetLang.Simulation.Engines.EngineSelector.Name(result.Engine)}" + (result.Counts.Count > MaxBars ? $" (top {MaxBars} of {result.Counts.Count})" : ""));
        plot.YLabel("probability");
        // Name the columns of a key, as the text report does: which register is where, and its bit order.
        string registers = string.Join(" ", result.Registers.Select(r => r.Size == 1 ? r.Name : $"{r.Name}[{r.Size - 1}..0]"));
        plot.XLabel(registers.Length == 0 ? "outcome (no bits)" : $"outcome: {registers} (element 0 rightmost)");
        return plot;
    }

    private static ScottPlot.Plot Timeline(RunResult result, IReadOnlyList<QNetLang.Simulation.Execution.TimelineEntry> timeline, IReadOnlyList<string> networkNodes)
    {
        var plot = new ScottPlot.Plot();
        var nodes = networkNodes.Concat(timeline.Select(e => e.Node).Where(n => !networkNodes.Contains(n)).Distinct().Order(StringComparer.Ordinal)).ToList();
        var kinds = timeline.Select(e => Kind(e.What)).Distinct().Order(StringComparer.Ordinal).ToList();
        double scale = (double)timeline.Max(e => e.EndPs) switch
        {
            >= 1e12 => 1e12,
            >= 1e9 => 1e9,
            >= 1e6 => 1e6,
            _ => 1e3,
        };
        string unit = scale switch { 1e12 => "s", 1e9 => "ms", 1e6 => "us", _ => "ns" };
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var entry in timeline)
        {
            int row = nodes.IndexOf(entry.Node);
            var color = palette.GetColor(kinds.IndexOf(Kind(entry.What)));
            double left = entry.StartPs / scale, right = entry.EndPs / scale;
            if (right > left)
            {
                var rect = plot.Add.Rectangle(left, right, row - 0.35, row + 0.35);
                rect.FillStyle.Color = color.WithAlpha(0.6);
                rect.LineStyle.Color = color;
            }
            else
            {
                var marker = plot.Add.Marker(left, row);
                marker.Color = color;
            }
        }
        foreach (var kind in kinds)
        {
            var legend = plot.Add.Marker(double.NaN, double.NaN);
            legend.Color = palette.GetColor(kinds.IndexOf(kind));
            legend.LegendText = kind;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(nodes.Select((n, i) => new ScottPlot.Tick(i, n)).ToArray());
        plot.XLabel($"simulated time ({unit})");
        plot.Title($"{result.Program}: timeline of shot 0");
        plot.YLabel("node");
        // Outside the data area, so that it never covers a node's row.
        plot.ShowLegend(ScottPlot.Edge.Right);
        return plot;
    }

    /// <summary>The legend group of a timeline entry (the labels the executor and the entanglement service record).</summary>
    private static string Kind(string what) => what switch
    {
        "epr" => "entanglement (end to end)",
        "measure" => "measurement",
        "send bit" or "receive bit" => "classical message",
        "send" or "send (lost)" or "receive qubit" => "photon sent",
        "swap" or "swap (failed)" => "swap",
        _ when what.StartsWith("link pair", StringComparison.Ordinal) => "link attempts",
        _ => "gate",
    };
}
