using System.Globalization;
using QNetLang.Simulation;
using QNetLang.Simulation.Engines;
using QNetLang.Simulation.Network;
using QNetLang.Simulation.Noise;

namespace QNetLang.Cluster;

/// <summary>
/// The run options that decide a run's numbers, as one line of text: sent with every work item
/// (it is short) and part of a checkpoint's key. Threads and progress are the worker's own
/// business and do not travel.
/// </summary>
public static class WorkOptions
{
    public static string Format(RunOptions options) => string.Join(';',
        $"shots={options.Shots}",
        $"seed={options.Seed}",
        $"engine={(int)options.Engine}",
        $"maxQubits={options.MaxQubits?.ToString(CultureInfo.InvariantCulture) ?? ""}",
        $"maxTime={options.MaxTimeSeconds.ToString("R", CultureInfo.InvariantCulture)}",
        $"distill={(int)options.Distillation.Protocol}:{options.Distillation.TargetFidelity.ToString("R", CultureInfo.InvariantCulture)}",
        $"share={(options.ShareBranches ? 1 : 0)}",
        $"timeline={(options.RecordTimeline ? 1 : 0)}",
        $"records={(options.RecordShots ? 1 : 0)}");

    public static RunOptions Parse(string text)
    {
        var fields = text.Split(';').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var distill = fields["distill"].Split(':');
        return new RunOptions
        {
            Shots = int.Parse(fields["shots"], CultureInfo.InvariantCulture),
            Seed = long.Parse(fields["seed"], CultureInfo.InvariantCulture),
            Engine = (EngineKind)int.Parse(fields["engine"], CultureInfo.InvariantCulture),
            MaxQubits = fields["maxQubits"].Length == 0 ? null : int.Parse(fields["maxQubits"], CultureInfo.InvariantCulture),
            MaxTimeSeconds = double.Parse(fields["maxTime"], CultureInfo.InvariantCulture),
            Distillation = int.Parse(distill[0], CultureInfo.InvariantCulture) == (int)DistillationProtocol.None
                ? DistillationPolicy.None
                : new DistillationPolicy((DistillationProtocol)int.Parse(distill[0], CultureInfo.InvariantCulture), double.Parse(distill[1], CultureInfo.InvariantCulture)),
            ShareBranches = fields["share"] == "1",
            RecordTimeline = fields["timeline"] == "1",
            RecordShots = fields["records"] == "1",
            Threads = 1,
        };
    }
}
