using System.Diagnostics;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation.Engines;
using QNetLang.Simulation.Execution;
using QNetLang.Simulation.Figures;
using QNetLang.Simulation.Network;

namespace QNetLang.Simulation;

/// <summary>
/// The simulator behind `qnlc run`. Its input is the distributed program exactly as the
/// compiler produced it (or as `qnlc run manifest.json` read it back from the emitted files):
/// each node's instruction stream runs as a process of the discrete-event engine
/// (<see cref="ShotExecutor"/>). Shots run in parallel, each with its own random stream
/// derived from the seed, and are aggregated in shot order, so a seed gives the same result on
/// any number of cores.
/// </summary>
public static class Simulator
{
    /// <summary>Shots are aggregated in fixed blocks, whatever the thread count (determinism).</summary>
    private const int BlockSize = 64;

    /// <summary>
    /// Blocks that share one branch cache (2 048 shots). A cache's first shots pay for its states
    /// (a full simulation each), the others mostly walk the tree, so few large caches beat many
    /// small ones; 2 048 still spreads the usual thousands of shots over a few cores.
    /// </summary>
    private const int BlocksPerCache = 32;

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

    public static RunResult RunOrThrow(DistributedProgram distributed, RunOptions options)
    {
        if (options.Shots < 1) throw new ArgumentOutOfRangeException(nameof(options), "at least one shot");
        var clock = Stopwatch.StartNew();
        var network = new NetworkModel(distributed.Network);
        var plan = ExecutionPlan.Build(distributed, network);
        var engine = EngineSelector.Choose(plan.Traits, options.Engine);
        int limit = options.MaxQubits ?? EngineSelector.DefaultLimit(engine);
        long maxTime = SimTime.FromSeconds(options.MaxTimeSeconds);
        var key = new CountKey(distributed.Bits);
        var figures = new FigureLayout(distributed.Figures);

        int blocks = (options.Shots + BlockSize - 1) / BlockSize;
        var partials = new BlockAggregate[blocks];
        IReadOnlyList<TimelineEntry>? timeline = null;
        // Shots that share a branch cache run in order on one thread, in groups fixed by the shot
        // numbers alone: what a shot finds in the cache never depends on the thread count.
        bool share = options.ShareBranches && engine is EngineKind.StateVector or EngineKind.Trajectories;
        int groupBlocks = share ? BlocksPerCache : 1;
        int groups = (blocks + groupBlocks - 1) / groupBlocks;
        Parallel.For(0, groups, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads) }, group =>
        {
            var cache = share ? new BranchCache(limit, engine) : null;
            for (int block = group * groupBlocks; block < Math.Min(blocks, (group + 1) * groupBlocks); block++)
            {
                var aggregate = new BlockAggregate(distributed.Figures.IsEmpty ? null : new FigureSums(figures, options.Shots));
                int first = block * BlockSize, last = Math.Min(options.Shots, first + BlockSize);
                for (int shot = first; shot < last; shot++)
                {
                    var random = new ShotRandom(options.Seed, shot);
                    IStateEngine state = cache is null ? EngineSelector.Create(engine, limit) : new BranchingStateEngine(cache);
                    var executor = new ShotExecutor(plan, state, random, maxTime, options.RecordTimeline && shot == 0, options.Distillation);
                    var outcome = executor.Run();
                    if (shot == 0) timeline = outcome.Timeline;
                    string formatted = key.Format(outcome.Bits);
                    aggregate.Add(shot, formatted, outcome, network);
                    if (options.RecordShots) aggregate.Records.Add(new ShotRecord(shot, outcome.TimePs, formatted));
                }
                partials[block] = aggregate;
                options.Progress?.Add(last - first);
            }
        });

        var total = new BlockAggregate(distributed.Figures.IsEmpty ? null : new FigureSums(figures, options.Shots));
        foreach (var partial in partials) total.Merge(partial);
        // Blocks in order, shots in order within a block: the records are in shot order.
        var records = options.RecordShots ? partials.SelectMany(p => p.Records).ToList() : null;
        return new RunResult
        {
            Program = distributed.Name,
            Network = distributed.Network.Name,
            Shots = options.Shots,
            Seed = options.Seed,
            Engine = engine,
            Registers = key.Registers,
            Counts = total.Counts,
            Ebits = total.PairsDelivered / (double)options.Shots,
            MeanTimePs = total.TimeSum / options.Shots,
            MeanPeriodPs = total.PeriodSum / options.Shots,
            Pairs = WithRoutes(total.PairStatistics(), distributed),
            Figures = total.Figures is null ? [] : FigureEstimator.Estimate(distributed.Figures, figures, total.Figures),
            Notes = Notes(engine, plan.Traits),
            Timeline = timeline,
            Records = records,
            WallSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>Each pair of nodes with the route its pairs took (the compiler's, read off the node programs).</summary>
    private static IReadOnlyList<PairStatistics> WithRoutes(IReadOnlyList<PairStatistics> pairs, DistributedProgram program)
    {
        var routes = new Dictionary<(string, string), IReadOnlyList<string>>();
        foreach (var node in program.Nodes)
            foreach (var entangle in NodeInstructions.Flatten(node.Instructions).OfType<EntangleInstruction>())
            {
                var path = entangle.Path;
                var ends = string.CompareOrdinal(path[0], path[^1]) <= 0 ? (path[0], path[^1]) : (path[^1], path[0]);
                routes.TryAdd(ends, path[0] == ends.Item1 ? [.. path] : [.. path.Reverse()]);
            }
        return pairs.Select(p => p with { Route = routes.GetValueOrDefault((p.NodeA, p.NodeB)) ?? [] }).ToList();
    }

    private static IReadOnlyList<string> Notes(EngineKind engine, ProgramTraits traits)
    {
        var notes = new List<string>();
        if (engine is EngineKind.Stabilizer or EngineKind.Trajectories && traits.AmplitudeDamping)
            notes.Add("memory T1/T2 decay is applied as its Pauli twirl (use --engine density or statevector for exact amplitude damping)");
        return notes;
    }

    /// <summary>Sums over a block of shots, merged in block order so floating-point sums are reproducible.</summary>
    private sealed class BlockAggregate(FigureSums? figures)
    {
        public FigureSums? Figures { get; } = figures;

        /// <summary>The block's shots, when they are recorded.</summary>
        public List<ShotRecord> Records { get; } = [];
        public SortedDictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);
        public double TimeSum;
        public double PeriodSum;
        public long PairsDelivered;
        private readonly SortedDictionary<(string, string), PairSums> _pairs = new();

        public void Add(int shot, string key, ShotOutcome outcome, NetworkModel network)
        {
            Figures?.Add(shot, outcome.Bits, outcome.PeriodPs);
            Counts[key] = Counts.GetValueOrDefault(key) + 1;
            TimeSum += outcome.TimePs;
            PeriodSum += outcome.PeriodPs;
            foreach (var pair in outcome.Pairs)
            {
                string a = network.Nodes[pair.From].Name, b = network.Nodes[pair.To].Name;
                var k = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
                var s = _pairs.GetValueOrDefault(k);
                var policy = pair.Policy is { Active: true } p ? p : null;
                _pairs[k] = new PairSums(s.Count + 1, s.Fidelity + pair.State.Fidelity, s.Wait + (pair.DeliveredAt - pair.RequestedAt), s.Attempts + pair.Attempts,
                    s.Rounds + pair.Rounds, s.RawPairs + pair.RawPairs, s.Tried + pair.RoundsTried, s.Passed + pair.RoundsPassed, s.Policy ?? policy);
                PairsDelivered++;
            }
        }

        public void Merge(BlockAggregate other)
        {
            foreach (var (k, v) in other.Counts) Counts[k] = Counts.GetValueOrDefault(k) + v;
            TimeSum += other.TimeSum;
            PeriodSum += other.PeriodSum;
            PairsDelivered += other.PairsDelivered;
            if (other.Figures is not null) Figures?.Merge(other.Figures);
            foreach (var (k, v) in other._pairs)
            {
                var s = _pairs.GetValueOrDefault(k);
                _pairs[k] = new PairSums(s.Count + v.Count, s.Fidelity + v.Fidelity, s.Wait + v.Wait, s.Attempts + v.Attempts,
                    s.Rounds + v.Rounds, s.RawPairs + v.RawPairs, s.Tried + v.Tried, s.Passed + v.Passed, s.Policy ?? v.Policy);
            }
        }

        public IReadOnlyList<PairStatistics> PairStatistics() =>
            _pairs.Select(p => new PairStatistics(p.Key.Item1, p.Key.Item2, p.Value.Count, p.Value.Fidelity / p.Value.Count, p.Value.Wait / p.Value.Count, p.Value.Attempts / p.Value.Count)
            {
                Distillation = p.Value.Policy is { } policy
                    ? new DistillationStatistics(policy.Name, policy.TargetFidelity, p.Value.Rounds / (double)p.Value.Count, p.Value.RawPairs / (double)p.Value.Count,
                        p.Value.Tried == 0 ? double.NaN : p.Value.Passed / (double)p.Value.Tried, p.Value.Tried)
                    : null,
            }).ToList();
    }

    /// <summary>Sums over the pairs between two nodes; the policy is the one their route used (null: not distilled).</summary>
    private readonly record struct PairSums(long Count, double Fidelity, double Wait, double Attempts, long Rounds, long RawPairs, long Tried, long Passed, DistillationPolicy? Policy);
}
