using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using QNetLang.Cluster.Grains;
using QNetLang.Core;
using QNetLang.Simulation.Blocks;

namespace QNetLang.Cluster.Client;

/// <summary>
/// Runs jobs on a cluster and gives exactly the results of <c>Simulator.Run</c>: each job is
/// cut into the same groups (<see cref="PreparedRun"/>), items of whole groups run on the
/// workers, and the client merges every group in order. A program travels to each worker once,
/// named by its hash: with the first of its items that worker gets (the worker answers
/// <see cref="WorkStatus.ProgramMissing"/>, the item goes again with the program). No worker
/// holds anything another needs, so any of them may leave. An item whose worker fails or leaves runs again under a new grain
/// name (so on any live worker); completed items go to the checkpoint directory, if any, and
/// are read from it instead of run when the same command runs again.
/// </summary>
public sealed class ClusterRunner(IClusterClient client, ClusterRunSettings settings)
{
    private sealed record Item(int Job, int Index, int FirstGroup, int EndGroup, long Shots);

    private sealed class JobState(ClusterJob job, PreparedRun run, ProgramBundle bundle, string options, string key)
    {
        public ClusterJob Job { get; } = job;
        public PreparedRun Run { get; } = run;
        public ProgramBundle Bundle { get; } = bundle;
        public string Options { get; } = options;
        /// <summary>Names the run in grain keys and checkpoints: program, options and version.</summary>
        public string Key { get; } = key;
        public GroupResult?[] Groups { get; } = new GroupResult?[run.Groups];
        public Diagnostic? Problem { get; set; }
    }

    public ClusterProgress Progress { get; } = new();

    public async Task<(IReadOnlyList<JobOutcome> Outcomes, ClusterRunReport Report)> RunAsync(IReadOnlyList<ClusterJob> jobs, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var states = jobs.Select(Prepare).ToList();
        var items = new List<Item>();
        for (int j = 0; j < states.Count; j++)
        {
            var run = states[j].Run;
            int perItem = Math.Max(1, settings.ItemShots / Math.Max(1, run.ShotsIn(0)));
            for (int first = 0, index = 0; first < run.Groups; first += perItem, index++)
            {
                int end = Math.Min(run.Groups, first + perItem);
                items.Add(new Item(j, index, first, end, Enumerable.Range(first, end - first).Sum(run.ShotsIn)));
            }
        }
        Progress.ItemsTotal = items.Count;

        int fromCheckpoint = 0;
        var pending = new List<Item>();
        foreach (var item in items)
        {
            if (settings.Checkpoint?.TryRead(states[item.Job].Key, item.FirstGroup, item.EndGroup) is { } saved && TryStore(states[item.Job], item, saved))
            {
                fromCheckpoint++;
                Progress.Add(item.Shots);
            }
            else pending.Add(item);
        }

        var usage = new ConcurrentDictionary<string, (int Items, double Seconds)>();
        int retries = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(settings.Timeout);
        await using var watch = new ClusterWatch(client, settings.LostClusterAfter);
        try
        {
            await watch.StartAsync(timeout.Token);
            using var inFlight = new SemaphoreSlim(Math.Max(1, watch.Workers) * settings.InFlightPerWorker);
            var tasks = pending.Select(async item =>
            {
                await inFlight.WaitAsync(timeout.Token);
                try
                {
                    int tries = await RunItem(states[item.Job], item, usage, watch, timeout.Token);
                    Interlocked.Add(ref retries, tries);
                }
                finally
                {
                    inFlight.Release();
                }
            }).ToList();
            var all = Task.WhenAll(tasks);
            if (await Task.WhenAny(all, watch.Gone) != all)
                throw ClusterFailure.Of(Diagnostics.ClusterLost, settings.LostClusterAfter.TotalSeconds, Progress.Items, items.Count,
                    settings.Checkpoint is null ? "" : $"; the finished items are in {settings.Checkpoint.Directory}, and the same command resumes from them");
            await all;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            throw ClusterFailure.Of(Diagnostics.ClusterTimeout, settings.Timeout.TotalSeconds, Progress.Items, items.Count,
                settings.Checkpoint is null ? "" : $"; the finished items are in {settings.Checkpoint.Directory}, and the same command resumes from them");
        }

        var outcomes = states.Select(s => s.Problem is { } problem
            ? new JobOutcome(null, [problem])
            : new JobOutcome(s.Run.Finish(s.Groups.Select(g => g!).ToList(), clock.Elapsed.TotalSeconds), [])).ToList();
        var workersUsed = usage.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new WorkerUsage(u.Key, u.Value.Items, u.Value.Seconds)).ToList();
        return (outcomes, new ClusterRunReport(workersUsed, items.Count, fromCheckpoint, retries, clock.Elapsed.TotalSeconds));
    }

    private static JobState Prepare(ClusterJob job)
    {
        var options = job.Options with { Progress = null };
        var bundle = ProgramBundle.Pack(job.Program);
        string text = WorkOptions.Format(options);
        string key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ClusterVersion.Current}\n{bundle.Hash}\n{text}")))[..32];
        return new JobState(job, new PreparedRun(job.Program, options), bundle, text, key);
    }

    /// <summary>Runs one item until it is done, retrying elsewhere when a worker fails; returns the retries it took.</summary>
    private async Task<int> RunItem(JobState state, Item item, ConcurrentDictionary<string, (int Items, double Seconds)> usage, ClusterWatch watch, CancellationToken cancel)
    {
        var request = new WorkItem(ClusterVersion.Current, state.Bundle.Hash, state.Options, item.FirstGroup, item.EndGroup);
        Exception? last = null;
        int missing = 0;
        var clock = Stopwatch.StartNew();
        // An item gives up after MaxAttempts and RetryWindow both: until the cluster declares a
        // killed worker dead, every attempt placed on it fails at once, which must not use up
        // the item's attempts.
        for (int attempt = 0; attempt < settings.MaxAttempts || clock.Elapsed < settings.RetryWindow; attempt++)
        {
            if (state.Problem is not null) return attempt;
            cancel.ThrowIfCancellationRequested();
            // Back off: until the cluster declares a killed worker dead (seconds), new grains may still be placed on it.
            if (attempt > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 500 << Math.Min(attempt - 1, 4))), cancel);
            WorkReply reply;
            try
            {
                var lost = watch.WorkerLost;
                // Placement skips the workers that stopped answering (AvoidSuspectsPlacement).
                RequestContext.Set(AvoidSuspectsPlacement.SuspectsKey, watch.Suspects);
                var call = client.GetGrain<IShotWorkerGrain>($"{state.Key}/{item.FirstGroup}/{attempt}/{Guid.NewGuid():N}").Run(request);
                RequestContext.Remove(AvoidSuspectsPlacement.SuspectsKey);
                using var overdue = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                var first = await Task.WhenAny(call, lost, Task.Delay(settings.ItemTimeout, overdue.Token));
                overdue.Cancel();
                if (first != call)
                {
                    cancel.ThrowIfCancellationRequested();
                    // A worker left (this item may have been on it) or the item is overdue: send it again.
                    _ = call.ContinueWith(t => t.Exception, TaskScheduler.Default);
                    last = new TimeoutException(lost.IsCompleted ? "a worker left the cluster while the item ran" : $"no answer within {settings.ItemTimeout.TotalSeconds} s");
                    continue;
                }
                reply = await call;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                // A worker that left, a lost connection, a call that timed out: the item runs again.
                last = ex;
                continue;
            }
            switch (reply.Status)
            {
                case WorkStatus.Done:
                    if (!TryStore(state, item, reply.Groups)) throw new InvalidDataException($"worker {reply.Worker} answered item {item.Index} with groups of another run");
                    settings.Checkpoint?.Write(state.Key, item.FirstGroup, item.EndGroup, reply.Groups);
                    usage.AddOrUpdate(reply.Worker, (1, reply.Seconds), (_, u) => (u.Items + 1, u.Seconds + reply.Seconds));
                    Progress.Add(item.Shots);
                    return attempt;
                case WorkStatus.ProgramMissing when missing++ < settings.MaxAttempts:
                    // That worker has not seen the program: the item goes again with it (this
                    // item keeps it, as its next attempt may land on another new worker).
                    request = request with { Program = new ProgramPayload(state.Bundle.Hash, state.Bundle.Files.ToDictionary()) };
                    attempt--;
                    continue;
                case WorkStatus.VersionMismatch:
                    throw ClusterFailure.Of(Diagnostics.WorkerVersionMismatch, reply.Worker, reply.Message, ClusterVersion.Current);
                case WorkStatus.SimulationLimit:
                    state.Problem ??= new Diagnostic(reply.Code!, DiagnosticSeverity.Error, default, reply.Message!);
                    return attempt;
                default:
                    last = new InvalidOperationException($"worker {reply.Worker} could not get program {state.Bundle.Hash}");
                    break;
            }
        }
        throw ClusterFailure.Of(Diagnostics.WorkItemFailed, $"{item.Index} of point {item.Job}", $"{settings.MaxAttempts}+ attempts over {clock.Elapsed.TotalSeconds:0}", last is null ? "unknown" : $"{last.GetType().Name}: {last.Message.Split('\n')[0]}");
    }

    /// <summary>Decodes an item's groups into the job; false when they are not the item's (a stale or foreign checkpoint).</summary>
    private static bool TryStore(JobState state, Item item, IReadOnlyList<byte[]> groups)
    {
        if (groups.Count != item.EndGroup - item.FirstGroup) return false;
        var decoded = new GroupResult[groups.Count];
        try
        {
            for (int i = 0; i < groups.Count; i++)
            {
                decoded[i] = state.Run.Decode(groups[i]);
                if (decoded[i].Group != item.FirstGroup + i) return false;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            return false;
        }
        for (int i = 0; i < decoded.Length; i++) state.Groups[item.FirstGroup + i] = decoded[i];
        return true;
    }
}
