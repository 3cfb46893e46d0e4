using System.Text;
using System.Text.Json;
using QNetLang.Cluster;
using QNetLang.Cluster.Client;
using QNetLang.Cluster.Worker;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// The commands' way onto a cluster (`--cluster`, `qnlc worker`). Only this class touches the
/// cluster project, and only when asked: a local run never loads Orleans. Its signatures use
/// the simulator's types alone, so the local commands that call it compile without Orleans.
/// </summary>
public static class ClusterDriver
{
    /// <summary>What the cluster gave: per job its result or diagnostics, and the report `--json` adds (null after a cluster failure).</summary>
    public sealed record Outcome(IReadOnlyList<(RunResult? Result, IReadOnlyList<Diagnostic> Problems)> Jobs, string? ReportJson, Diagnostic? Failure);

    /// <summary>Null when the options are valid; otherwise the command-line problem (code, message).</summary>
    public static (string Code, string Message)? Validate(ClusterRequest request)
    {
        if (ClusterAddress.Parse(request.Address, out string? problem) is null)
            return (Diagnostics.InvalidClusterAddress.Code, Diagnostics.InvalidClusterAddress.Format(request.Address, problem));
        if (!(request.TimeoutSeconds > 0) || request.TimeoutSeconds > 30 * 86_400) return (Diagnostics.InvalidOption.Code, $"--timeout must be between 0 and {30 * 86_400} seconds, not {request.TimeoutSeconds}");
        return null;
    }

    /// <summary>Runs the jobs on the cluster, with progress bars (items across the cluster, shots) when <paramref name="showProgress"/>.</summary>
    public static Outcome Run(ClusterRequest request, IReadOnlyList<(DistributedProgram Program, RunOptions Options)> jobs, bool showProgress, string label)
    {
        var address = ClusterAddress.Parse(request.Address, out _)!;
        var settings = new ClusterRunSettings
        {
            Timeout = TimeSpan.FromSeconds(request.TimeoutSeconds),
            Checkpoint = request.CheckpointDirectory is { } dir ? new CheckpointDirectory(dir) : null,
        };
        long shots = jobs.Sum(j => (long)j.Options.Shots);
        ClusterRunner? runner = null;
        var work = Task.Run(async () =>
        {
            var connectTimeout = TimeSpan.FromSeconds(Math.Min(request.ConnectTimeoutSeconds, request.TimeoutSeconds));
            await using var connection = await ClusterConnection.ConnectAsync(address, connectTimeout, TimeSpan.FromMinutes(30), request.Verbose, CancellationToken.None);
            var local = new ClusterRunner(connection.Client, settings);
            Volatile.Write(ref runner, local);
            return await local.RunAsync([.. jobs.Select(j => new ClusterJob(j.Program, j.Options))]);
        });
        ProgressDisplay.WaitFor(work, showProgress,
            new ProgressDisplay.Bar($"{label}: work items on the cluster", 1, () => Volatile.Read(ref runner) is { Progress.ItemsTotal: > 0 } r ? r.Progress.Items / (double)r.Progress.ItemsTotal : 0),
            new ProgressDisplay.Bar($"{shots} shot(s)", shots, () => Volatile.Read(ref runner)?.Progress.Shots ?? 0));
        try
        {
            var (outcomes, report) = work.GetAwaiter().GetResult();
            return new Outcome([.. outcomes.Select(o => (o.Result, o.Problems))], ReportJson(report), null);
        }
        catch (ClusterFailure failure)
        {
            return new Outcome([], null, failure.Problem);
        }
    }

    /// <summary>`qnlc worker --cluster URI`: serves work until Ctrl+C or SIGTERM.</summary>
    public static int Worker(string address, int? threads, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        if (ClusterAddress.Parse(address, out string? problem) is not { } parsed)
            return Driver.BadCommandLine(stderr, Diagnostics.InvalidClusterAddress.Format(address, problem), Diagnostics.InvalidClusterAddress.Code);
        if (threads is { } t && (t < 1 || t > 1024)) return Driver.BadCommandLine(stderr, $"--threads must be between 1 and 1024, not {t}");
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return WorkerHost.RunAsync(parsed, threads ?? Environment.ProcessorCount, verbose, stdout, stderr, stop.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Prints a cluster failure as `qnlc: error QN44xx: message`.</summary>
    public static void Print(TextWriter stderr, Diagnostic failure) => stderr.WriteLine($"qnlc: error {failure.Code}: {failure.Message}");

    /// <summary>
    /// Adds the cluster report as the last property of a JSON object (the rest stays byte for
    /// byte what the local command prints); an array (several programs) is left as it is.
    /// </summary>
    public static string WithReport(string json, string? report)
    {
        string trimmed = json.TrimEnd();
        if (report is null || !trimmed.EndsWith('}')) return json;
        string indented = report.TrimEnd().Replace("\n", "\n  ");
        return trimmed[..^1].TrimEnd() + ",\n  \"cluster\": " + indented + "\n}\n";
    }

    private static string ReportJson(ClusterRunReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("items", report.Items);
            json.WriteNumber("fromCheckpoint", report.FromCheckpoint);
            json.WriteNumber("retries", report.Retries);
            json.WriteNumber("wallSeconds", Math.Round(report.WallSeconds, 3));
            json.WriteStartArray("workers");
            foreach (var worker in report.Workers)
            {
                json.WriteStartObject();
                json.WriteString("worker", worker.Worker);
                json.WriteNumber("items", worker.Items);
                json.WriteNumber("seconds", Math.Round(worker.Seconds, 3));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n");
    }
}
