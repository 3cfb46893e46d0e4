namespace QNetLang.Simulation.Engines;

/// <summary>A node of the <see cref="BranchCache"/>: the state after the operations on its path.</summary>
internal sealed class BranchNode
{
    private BranchOp _firstKey;
    private BranchNode? _first;
    private Dictionary<BranchOp, BranchNode>? _more;
    private List<(int Slot, double P1)>? _probes;

    /// <summary>The materialised state, or null.</summary>
    public StateVectorEngine? State { get; set; }

    public BranchNode? Child(in BranchOp op)
    {
        if (_first is not null && _firstKey.Equals(op)) return _first;
        return _more is not null && _more.TryGetValue(op, out var child) ? child : null;
    }

    public BranchNode AddChild(in BranchOp op)
    {
        var child = new BranchNode();
        if (_first is null)
        {
            _firstKey = op;
            _first = child;
        }
        else
        {
            (_more ??= new()).Add(op, child);
        }
        return child;
    }

    /// <summary>The probability that <paramref name="slot"/> reads 1 in this node's state, if computed.</summary>
    public bool TryGetProbe(int slot, out double p1)
    {
        if (_probes is not null)
            foreach (var (s, p) in _probes)
                if (s == slot)
                {
                    p1 = p;
                    return true;
                }
        p1 = 0;
        return false;
    }

    public void AddProbe(int slot, double p1) => (_probes ??= new()).Add((slot, p1));
}
