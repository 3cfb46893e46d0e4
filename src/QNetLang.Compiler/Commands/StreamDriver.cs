using System.Globalization;
using System.Text;
using System.Text.Json;
using QNetLang.Core;
using QNetLang.Simulation;
using QNetLang.Simulation.Network;

namespace QNetLang.Compiler.Commands;

/// <summary>`qnlc run NET.qn --stream A,B (--pairs N | --duration S)`: the pair-stream workload on the file's network.</summary>
public static class StreamDriver
{
    public static int Run(RunRequest request, DistillationPolicy distillation, CompilationResult result, Location fileLocation, TextWriter stdout, TextWriter stderr)
    {
        var networks = result.Circuits.Count > 0 ? result.Circuits.Select(c => c.Network).Distinct().ToList() : result.Networks;
        if (networks.Count != 1)
        {
            stderr.WriteLine(new Diagnostic(Diagnostics.BadStreamRequest.Code, DiagnosticSeverity.Error, fileLocation,
                Diagnostics.BadStreamRequest.Format($"the file must declare exactly one network, not {networks.Count}")));
            return ExitCodes.InputErrors;
        }
        var ends = request.Stream!.Split(',', StringSplitOptions.TrimEntries);
        try
        {
            var stream = PairStream.Execute(networks[0], new PairStream.Options
            {
                From = ends[0],
                To = ends[1],
                Pairs = request.StreamPairs,
                DurationSeconds = request.StreamSeconds,
                Seed = request.Seed,
                Runs = request.Shots,
                MaxTimeSeconds = request.MaxTimeSeconds,
                Location = fileLocation,
                Distillation = distillation,
            });
            stdout.Write(request.Json ? Json(stream, request) : Text(stream, request));
            return ExitCodes.Ok;
        }
        catch (SimulationLimitException ex)
        {
            stderr.WriteLine(ex.ToDiagnostic().ToString());
            return ExitCodes.InputErrors;
        }
    }

    private static string Text(PairStream.Result r, RunRequest request)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"pair stream {r.From}–{r.To}: {r.Runs.Count} run(s), seed {request.Seed}, {r.InFlight} request(s) in flight\n");
        sb.Append(inv, $"route: {string.Join(" -- ", r.Route)}\n");
        sb.Append(inv, $"pairs per run: {r.MeanPairs:0.###}\n");
        sb.Append(inv, $"mean fidelity: {r.MeanFidelity:0.0000}\n");
        sb.Append(inv, $"simulated time per run: {r.MeanEndSeconds:0.######} s\n");
        sb.Append(inv, $"mean wait per pair: {RunReport.FormatTime(r.Runs.Average(x => x.MeanWaitPs))}, mean attempts {r.Runs.Average(x => x.MeanAttempts):0.##}\n");
        return sb.ToString();
    }

    private static string Json(PairStream.Result r, RunRequest request)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("nodes");
            json.WriteStringValue(r.From);
            json.WriteStringValue(r.To);
            json.WriteEndArray();
            json.WriteStartArray("route");
            foreach (string hop in r.Route) json.WriteStringValue(hop);
            json.WriteEndArray();
            json.WriteNumber("runs", r.Runs.Count);
            json.WriteNumber("seed", request.Seed);
            json.WriteNumber("inFlight", r.InFlight);
            json.WriteNumber("meanPairs", r.MeanPairs);
            json.WriteNumber("meanFidelity", r.MeanFidelity);
            json.WriteNumber("meanTimePs", r.Runs.Average(x => (double)x.EndPs));
            json.WriteNumber("meanWaitPs", r.Runs.Average(x => x.MeanWaitPs));
            json.WriteNumber("meanAttempts", r.Runs.Average(x => x.MeanAttempts));
            json.WriteStartArray("perRun");
            foreach (var run in r.Runs)
            {
                json.WriteStartObject();
                json.WriteNumber("pairs", run.Pairs);
                json.WriteNumber("timePs", run.EndPs);
                json.WriteNumber("meanFidelity", run.MeanFidelity);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
