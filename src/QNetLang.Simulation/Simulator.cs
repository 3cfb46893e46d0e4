using System.Diagnostics;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation.Blocks;

namespace QNetLang.Simulation;

/// <summary>
/// The simulator behind `qnlc run`. Its input is the distributed program exactly as the
/// compiler produced it (or as `qnlc run manifest.json` read it back from the emitted files):
/// each node's instruction stream runs as a process of the discrete-event engine
/// (<see cref="Execution.ShotExecutor"/>). The shots are cut into work units
/// (<see cref="PreparedRun"/>) that run in parallel, each shot with its own random stream
/// derived from the seed, and are aggregated in shot order, so a seed gives the same result on
/// any number of cores — or machines: the cluster runs the same units elsewhere.
/// </summary>
public static class Simulator
{
    /// <summary>Runs a distributed circuit; on a user-fixable problem returns diagnostics instead of a result.</summary>
    public static (RunResult? Result, IReadOnlyList<Diagnostic> Diagnostics) Run(DistributedProgram distributed, RunOptions options)
    {
        try
        {
            return (RunOrThrow(distributed, options), []);
        }
        catch (SimulationLimitException ex)
        {
            return (null, [ex.ToDiagnostic()]);
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.OfType<SimulationLimitException>().FirstOrDefault() is { } limit)
        {
            return (null, [limit.ToDiagnostic()]);
        }
    }

    /// <summary>Runs every work unit on local threads and merges them in order.</summary>
    public static RunResult RunOrThrow(DistributedProgram distributed, RunOptions options)
    {
        var clock = Stopwatch.StartNew();
        var run = new PreparedRun(distributed, options);
        var groups = new GroupResult[run.Groups];
        Parallel.For(0, run.Groups, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads) }, group => groups[group] = run.RunGroup(group));
        return run.Finish(groups, clock.Elapsed.TotalSeconds);
    }
}
