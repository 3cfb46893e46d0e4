using System.Globalization;
using System.Text;
using System.Text.Json;
using QNetLang.Simulation.Engines;

namespace QNetLang.Simulation;

/// <summary>The two forms of a run's report: the JSON object (docs/simulator.md §14) and a readable summary.</summary>
public static class RunReport
{
    /// <summary>Counts listed in the text summary (all of them are in the JSON).</summary>
    public const int TextCountLimit = 16;

    /// <summary>
    /// Outcomes listed in the JSON unless `--counts all`: a protocol with random settings has
    /// as many distinct outcomes as shots, and listing them all made a million-shot report 65 MB.
    /// </summary>
    public const int DefaultJsonCountLimit = 64;

    /// <summary>Writes the report; <paramref name="countLimit"/> keeps the most frequent outcomes (null: all).</summary>
    public static void WriteJson(Utf8JsonWriter json, RunResult result, int? countLimit = DefaultJsonCountLimit)
    {
        json.WriteStartObject();
        json.WriteString("program", result.Program);
        json.WriteString("network", result.Network);
        json.WriteNumber("shots", result.Shots);
        json.WriteNumber("seed", result.Seed);
        json.WriteString("engine", EngineSelector.Name(result.Engine));
        json.WriteStartArray("registers");
        foreach (var (name, size) in result.Registers)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteNumber("size", size);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        // The most frequent outcomes (ties by key), written in key order as before.
        var kept = countLimit is { } limit && result.Counts.Count > limit
            ? result.Counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(limit).OrderBy(c => c.Key, StringComparer.Ordinal).ToList()
            : result.Counts.ToList();
        json.WriteStartObject("counts");
        foreach (var (key, count) in kept) json.WriteNumber(key, count);
        json.WriteEndObject();
        json.WriteStartObject("countsOmitted");
        json.WriteNumber("outcomes", result.Counts.Count - kept.Count);
        json.WriteNumber("shots", result.Shots - kept.Sum(c => c.Value));
        json.WriteEndObject();
        json.WriteStartObject("figures");
        foreach (var figure in result.Figures)
        {
            json.WriteStartObject(figure.Name);
            WriteNumberOrNull(json, "value", figure.Value);
            WriteNumberOrNull(json, "stderr", figure.StdErr);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteNumber("ebits", result.Ebits);
        json.WriteNumber("meanTimePs", result.MeanTimePs);
        json.WriteNumber("meanPeriodPs", result.MeanPeriodPs);
        json.WriteStartArray("pairs");
        foreach (var pair in result.Pairs)
        {
            json.WriteStartObject();
            json.WriteStartArray("nodes");
            json.WriteStringValue(pair.NodeA);
            json.WriteStringValue(pair.NodeB);
            json.WriteEndArray();
            json.WriteNumber("count", pair.Count);
            json.WriteNumber("meanFidelity", pair.MeanFidelity);
            json.WriteNumber("meanWaitPs", pair.MeanWaitPs);
            json.WriteNumber("meanAttempts", pair.MeanAttempts);
            json.WriteStartArray("route");
            foreach (string hop in pair.Route) json.WriteStringValue(hop);
            json.WriteEndArray();
            if (pair.Distillation is { } d)
            {
                json.WriteStartObject("distillation");
                json.WriteString("protocol", d.Protocol);
                json.WriteNumber("targetFidelity", d.TargetFidelity);
                json.WriteNumber("rounds", d.Rounds);
                json.WriteNumber("rawPairsPerPair", d.RawPairsPerPair);
                WriteNumberOrNull(json, "successProbability", d.SuccessProbability);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (var note in result.Notes) json.WriteStringValue(note);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Distilled(DistillationStatistics? d) => d is null ? "" : string.Format(System.Globalization.CultureInfo.InvariantCulture,
        "; distilled by {0} to {1:0.####}: {2:0.##} round(s), {3:0.###} raw pairs per pair, success probability {4}",
        d.Protocol.ToUpperInvariant(), d.TargetFidelity, d.Rounds, d.RawPairsPerPair, double.IsNaN(d.SuccessProbability) ? "— (none needed)" : d.SuccessProbability.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>JSON has no NaN: a figure whose selection was empty in every shot (or in every group) is null.</summary>
    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    public static string ToJson(IReadOnlyList<RunResult> results, int? countLimit = DefaultJsonCountLimit)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            if (results.Count == 1) WriteJson(json, results[0], countLimit);
            else
            {
                json.WriteStartArray();
                foreach (var r in results) WriteJson(json, r, countLimit);
                json.WriteEndArray();
            }
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    public static string ToText(RunResult result)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"program {result.Program} on {result.Network}: {result.Shots} shot(s), seed {result.Seed}, engine {EngineSelector.Name(result.Engine)}\n");
        if (result.Figures.Count > 0)
        {
            sb.Append("figures:\n");
            int nameWidth = result.Figures.Max(f => f.Name.Length);
            foreach (var figure in result.Figures)
                sb.Append(inv, $"  {figure.Name.PadRight(nameWidth)}  {FormatFigure(figure.Value),12} ± {FormatFigure(figure.StdErr)}\n");
        }
        string registers = string.Join(" ", result.Registers.Select(r => r.Size == 1 ? r.Name : $"{r.Name}[{r.Size - 1}..0]"));
        sb.Append(inv, $"counts ({result.Counts.Count} distinct; columns: {(registers.Length == 0 ? "no bits" : registers)}):\n");
        var top = result.Counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(TextCountLimit).ToList();
        int width = top.Count == 0 ? 0 : top.Max(c => c.Key.Length);
        foreach (var (key, count) in top)
            sb.Append(inv, $"  {(key.Length == 0 ? "(none)" : key).PadRight(width)}  {count,8}  {count / (double)result.Shots,7:P2}\n");
        if (result.Counts.Count > top.Count) sb.Append(inv, $"  ... {result.Counts.Count - top.Count} more (--json --counts all lists every outcome)\n");
        sb.Append(inv, $"ebits per shot: {result.Ebits:0.###}\n");
        sb.Append(inv, $"simulated time per shot: {FormatTime(result.MeanTimePs)}\n");
        if (result.MeanPeriodPs != result.MeanTimePs)
            sb.Append(inv, $"shots pipelined behind the sources: one every {FormatTime(result.MeanPeriodPs)}\n");
        if (result.Pairs.Count > 0)
        {
            sb.Append("pairs:\n");
            foreach (var p in result.Pairs)
                sb.Append(inv, $"  {p.NodeA}–{p.NodeB}: {p.Count} pair(s), mean fidelity {p.MeanFidelity:0.0000}, mean wait {FormatTime(p.MeanWaitPs)}, mean attempts {p.MeanAttempts:0.##}{(p.Route.Count > 2 ? ", via " + string.Join(" -- ", p.Route) : "")}{Distilled(p.Distillation)}\n");
        }
        foreach (var note in result.Notes) sb.Append(inv, $"note: {note}\n");
        return sb.ToString();
    }

    /// <summary>Five significant digits: figures range from a QBER of 0.01 to key rates of 1e6 bits/s.</summary>
    private static string FormatFigure(double value) =>
        double.IsFinite(value) ? value.ToString("G5", CultureInfo.InvariantCulture) : "undefined (no round selected)";

    /// <summary>A time in picoseconds in the largest unit that keeps it ≥ 1.</summary>
    public static string FormatTime(double ps)
    {
        var inv = CultureInfo.InvariantCulture;
        double abs = Math.Abs(ps);
        if (abs >= 1e12) return (ps / 1e12).ToString("0.####", inv) + " s";
        if (abs >= 1e9) return (ps / 1e9).ToString("0.####", inv) + " ms";
        if (abs >= 1e6) return (ps / 1e6).ToString("0.####", inv) + " us";
        if (abs >= 1e3) return (ps / 1e3).ToString("0.####", inv) + " ns";
        return ps.ToString("0.####", inv) + " ps";
    }
}
