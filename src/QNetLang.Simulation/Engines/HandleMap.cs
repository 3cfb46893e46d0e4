namespace QNetLang.Simulation.Engines;

/// <summary>
/// Stable handles for qubits whose bit positions in a packed register shift when a qubit below
/// them is removed. Handles are reused lowest-first, so the mapping is deterministic.
/// </summary>
internal sealed class HandleMap
{
    private readonly List<int> _positionOf = new(); // handle -> position, -1 when free
    private readonly List<int> _handleAt = new();   // position -> handle

    public int Count => _handleAt.Count;

    public HandleMap Clone()
    {
        var copy = new HandleMap();
        copy._positionOf.AddRange(_positionOf);
        copy._handleAt.AddRange(_handleAt);
        return copy;
    }

    public int Position(int handle) => _positionOf[handle];

    /// <summary>Registers a new qubit at the top position and returns its handle.</summary>
    public int Add()
    {
        int handle = _positionOf.IndexOf(-1);
        if (handle < 0)
        {
            handle = _positionOf.Count;
            _positionOf.Add(-1);
        }
        _positionOf[handle] = _handleAt.Count;
        _handleAt.Add(handle);
        return handle;
    }

    /// <summary>Forgets a handle; every qubit above its position moves down by one.</summary>
    public int Remove(int handle)
    {
        int position = _positionOf[handle];
        _handleAt.RemoveAt(position);
        _positionOf[handle] = -1;
        for (int p = position; p < _handleAt.Count; p++) _positionOf[_handleAt[p]] = p;
        return position;
    }
}
