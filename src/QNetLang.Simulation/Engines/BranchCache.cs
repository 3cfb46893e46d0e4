namespace QNetLang.Simulation.Engines;

/// <summary>
/// States shared by the shots of a run: a tree whose paths are sequences of deterministic
/// operations (<see cref="BranchOp"/>), built lazily as shots walk it. A state is materialised
/// only where a shot needs a number from it (a measurement probability); everywhere else a node
/// is just a key. Two shots that apply the same operations reach the same node and share the
/// work, which is exact by construction: the state at a node depends on nothing but its path.
/// Random choices are never part of a path: they are the shots' own (see
/// <see cref="BranchingStateEngine"/>). One cache serves a fixed, contiguous group of shots run
/// in order on one thread, so what it holds never depends on the thread count.
/// </summary>
internal sealed class BranchCache
{
    private readonly long _byteBudget;
    private readonly int _nodeBudget;
    private long _bytes;
    private int _nodes;

    public BranchCache(int limit, EngineKind kind, long byteBudget = DefaultByteBudget, int nodeBudget = DefaultNodeBudget)
    {
        Limit = limit;
        Kind = kind;
        _byteBudget = byteBudget;
        _nodeBudget = nodeBudget;
        Root = new BranchNode { State = new StateVectorEngine(limit, kind) };
    }

    /// <summary>256 MiB of states per cache (a cache per thread at a time).</summary>
    public const long DefaultByteBudget = 256L << 20;

    /// <summary>About 50 MB of tree.</summary>
    public const int DefaultNodeBudget = 500_000;

    public int Limit { get; }

    public EngineKind Kind { get; }

    public BranchNode Root { get; }

    /// <summary>States materialised so far (tests check that correction-only branches share them).</summary>
    public int States { get; private set; } = 1;

    /// <summary>Whether a new node fits; counts it if so.</summary>
    public bool TryAddNode()
    {
        if (_nodes >= _nodeBudget) return false;
        _nodes++;
        return true;
    }

    /// <summary>Whether a new state fits; counts it if so.</summary>
    public bool TryAddState(StateVectorEngine state)
    {
        if (_bytes + state.Bytes > _byteBudget) return false;
        _bytes += state.Bytes;
        States++;
        return true;
    }
}
