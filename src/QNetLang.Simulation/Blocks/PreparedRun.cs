using System.Diagnostics;
using QNetLang.Ir;
using QNetLang.Simulation.Engines;
using QNetLang.Simulation.Execution;
using QNetLang.Simulation.Figures;
using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Blocks;

/// <summary>
/// A run cut into work units that any thread or machine can do: the shots fall in fixed blocks
/// of <see cref="BlockSize"/>, with each shot's random stream fixed by its number, and the
/// blocks in groups that share one branch cache (<see cref="Groups"/>). A group is the smallest
/// unit of work, because what a shot finds in the cache depends on the shots before it in its
/// group. <see cref="Finish"/> merges the groups' blocks in block order, so the result is the
/// same whoever ran which group: <see cref="Simulator.Run"/> runs them on local threads, the
/// cluster on other machines.
/// </summary>
public sealed class PreparedRun
{
    /// <summary>Shots are aggregated in fixed blocks, whatever runs them (determinism).</summary>
    public const int BlockSize = 64;

    /// <summary>
    /// Blocks that share one branch cache (2 048 shots). A cache's first shots pay for its states
    /// (a full simulation each), the others mostly walk the tree, so few large caches beat many
    /// small ones; 2 048 still spreads the usual thousands of shots over a few cores.
    /// </summary>
    public const int BlocksPerCache = 32;

    private readonly DistributedProgram _program;
    private readonly NetworkModel _network;
    private readonly ExecutionPlan _plan;
    private readonly int _limit;
    private readonly long _maxTime;
    private readonly CountKey _key;
    private readonly FigureLayout _figures;
    private readonly int _groupBlocks;
    private readonly bool _share;

    public PreparedRun(DistributedProgram program, RunOptions options)
    {
        if (options.Shots < 1) throw new ArgumentOutOfRangeException(nameof(options), "at least one shot");
        _program = program;
        Options = options;
        _network = new NetworkModel(program.Network);
        _plan = ExecutionPlan.Build(program, _network);
        Engine = EngineSelector.Choose(_plan.Traits, options.Engine);
        _limit = options.MaxQubits ?? EngineSelector.DefaultLimit(Engine);
        _maxTime = SimTime.FromSeconds(options.MaxTimeSeconds);
        _key = new CountKey(program.Bits);
        _figures = new FigureLayout(program.Figures);
        Blocks = (options.Shots + BlockSize - 1) / BlockSize;
        // Shots that share a branch cache run in order on one thread, in groups fixed by the shot
        // numbers alone: what a shot finds in the cache never depends on who runs the group.
        _share = options.ShareBranches && Engine is EngineKind.StateVector or EngineKind.Trajectories;
        _groupBlocks = _share ? BlocksPerCache : 1;
        Groups = (Blocks + _groupBlocks - 1) / _groupBlocks;
    }

    public RunOptions Options { get; }

    public EngineKind Engine { get; }

    public int Blocks { get; }

    /// <summary>The work units: groups of consecutive blocks (one block each when the engine shares no branches).</summary>
    public int Groups { get; }

    /// <summary>Shots in group <paramref name="group"/>.</summary>
    public int ShotsIn(int group) =>
        Math.Min(Options.Shots, Math.Min(Blocks, (group + 1) * _groupBlocks) * BlockSize) - group * _groupBlocks * BlockSize;

    /// <summary>Runs the shots of one group, block by block; throws <see cref="SimulationLimitException"/> on a limit the user can fix.</summary>
    public GroupResult RunGroup(int group)
    {
        if (group < 0 || group >= Groups) throw new ArgumentOutOfRangeException(nameof(group));
        var cache = _share ? new BranchCache(_limit, Engine) : null;
        var blocks = new List<BlockAggregate>();
        IReadOnlyList<TimelineEntry>? timeline = null;
        for (int block = group * _groupBlocks; block < Math.Min(Blocks, (group + 1) * _groupBlocks); block++)
        {
            var aggregate = new BlockAggregate(NewFigureSums());
            int first = block * BlockSize, last = Math.Min(Options.Shots, first + BlockSize);
            for (int shot = first; shot < last; shot++)
            {
                var random = new ShotRandom(Options.Seed, shot);
                IStateEngine state = cache is null ? EngineSelector.Create(Engine, _limit) : new BranchingStateEngine(cache);
                var executor = new ShotExecutor(_plan, state, random, _maxTime, Options.RecordTimeline && shot == 0, Options.Distillation);
                var outcome = executor.Run();
                if (shot == 0) timeline = outcome.Timeline;
                string formatted = _key.Format(outcome.Bits);
                aggregate.Add(shot, formatted, outcome, _network);
                if (Options.RecordShots) aggregate.Records.Add(new ShotRecord(shot, outcome.TimePs, formatted));
            }
            blocks.Add(aggregate);
            Options.Progress?.Add(last - first);
        }
        return new GroupResult(group, blocks, timeline);
    }

    /// <summary>The group's result as bytes (exact: every double bit for bit).</summary>
    public static byte[] Encode(GroupResult result) => BlockCodec.Encode(result);

    /// <summary>Reads a group's result written by <see cref="Encode"/> for this same program and options.</summary>
    public GroupResult Decode(byte[] bytes)
    {
        var result = BlockCodec.Decode(bytes, NewFigureSums);
        if (result.Group < 0 || result.Group >= Groups) throw new InvalidDataException($"block data is for group {result.Group}; the run has {Groups}");
        return result;
    }

    /// <summary>Merges every group's blocks in block order into the run's result.</summary>
    public RunResult Finish(IReadOnlyList<GroupResult> groups, double wallSeconds)
    {
        if (groups.Count != Groups || groups.Select((g, i) => g.Group != i).Any(wrong => wrong))
            throw new ArgumentException($"need the results of groups 0..{Groups - 1} in order", nameof(groups));
        var total = new BlockAggregate(NewFigureSums());
        foreach (var block in groups.SelectMany(g => g.Blocks)) total.Merge(block);
        // Blocks in order, shots in order within a block: the records are in shot order.
        var records = Options.RecordShots ? groups.SelectMany(g => g.Blocks).SelectMany(b => b.Records).ToList() : null;
        int shots = Options.Shots;
        return new RunResult
        {
            Program = _program.Name,
            Network = _program.Network.Name,
            Shots = shots,
            Seed = Options.Seed,
            Engine = Engine,
            Registers = _key.Registers,
            Counts = total.Counts,
            Ebits = total.PairsDelivered / (double)shots,
            MeanTimePs = total.TimeSum / shots,
            MeanPeriodPs = total.PeriodSum / shots,
            Pairs = WithRoutes(total.PairStatistics(), _program),
            Figures = total.Figures is null ? [] : FigureEstimator.Estimate(_program.Figures, _figures, total.Figures),
            Notes = Notes(Engine, _plan.Traits),
            Timeline = groups[0].Timeline,
            Records = records,
            WallSeconds = wallSeconds,
        };
    }

    private FigureSums? NewFigureSums() => _program.Figures.IsEmpty ? null : new FigureSums(_figures, Options.Shots);

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
}
