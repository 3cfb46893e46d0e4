using System.Diagnostics;
using QNetLang.Cluster.Worker;
using QNetLang.Simulation;
using QNetLang.Simulation.Blocks;

namespace QNetLang.Cluster.Grains;

/// <summary>
/// Runs the groups of one work item on a thread-pool thread (not the grain scheduler), one item
/// per worker thread (<see cref="WorkerSlots"/>), and answers with their encoded results. A
/// limit the user can fix is an answer, not an exception: it would be the same on any worker.
/// </summary>
[AvoidSuspectsPlacement]
public sealed class ShotWorkerGrain(ILocalSiloDetails silo, PreparedRunCache runs, WorkerSlots slots) : Grain, IShotWorkerGrain
{
    public async Task<WorkReply> Run(WorkItem item)
    {
        string worker = silo.SiloAddress.ToParsableString();
        // One attempt, one activation: nothing stays behind once it has answered.
        DeactivateOnIdle();
        if (item.ClientVersion != ClusterVersion.Current) return new WorkReply(WorkStatus.VersionMismatch, [], worker, null, ClusterVersion.Current, 0);
        var run = await runs.GetAsync(item.ProgramHash, item.Options, () => Task.FromResult(item.Program));
        if (run is null) return new WorkReply(WorkStatus.ProgramMissing, [], worker, null, null, 0);

        await slots.Gate.WaitAsync();
        try
        {
            return await Task.Run(() =>
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    var groups = new List<byte[]>(item.EndGroup - item.FirstGroup);
                    for (int group = item.FirstGroup; group < item.EndGroup; group++) groups.Add(PreparedRun.Encode(run.RunGroup(group)));
                    return new WorkReply(WorkStatus.Done, groups, worker, null, null, clock.Elapsed.TotalSeconds);
                }
                catch (SimulationLimitException ex)
                {
                    return new WorkReply(WorkStatus.SimulationLimit, [], worker, ex.Descriptor.Code, ex.Message, clock.Elapsed.TotalSeconds);
                }
            });
        }
        finally
        {
            slots.Gate.Release();
        }
    }
}
