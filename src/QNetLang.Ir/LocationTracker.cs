namespace QNetLang.Ir;

/// <summary>
/// Follows where each qubit is while walking a circuit's operations in order: it starts at
/// <see cref="QubitInfo.Node"/> and moves with teleport and send. Shared by the validator, the
/// distribution passes and the simulator, so they cannot disagree about where an operation runs.
/// </summary>
public sealed class LocationTracker
{
    // Shared with clones until one of them moves a qubit (copy on write): every conditional
    // clones the tracker for its branches, a distributed circuit has one per cat-entanglement
    // correction, and almost none of them moves anything.
    private string?[] _nodes;
    private bool _owned;

    public LocationTracker(Circuit circuit)
    {
        _nodes = circuit.Qubits.Select(q => q.Node).ToArray();
        _owned = true;
    }

    private LocationTracker(string?[] nodes) => _nodes = nodes;

    public string? NodeOf(int qubit) => qubit >= 0 && qubit < _nodes.Length ? _nodes[qubit] : null;

    /// <summary>Updates locations after <paramref name="operation"/> (teleport and send move their qubit).</summary>
    public void Apply(Operation operation)
    {
        switch (operation)
        {
            case TeleportOperation t when t.Qubit >= 0 && t.Qubit < _nodes.Length:
                Move(t.Qubit, t.Destination);
                break;
            case SendOperation s when s.Qubit >= 0 && s.Qubit < _nodes.Length:
                Move(s.Qubit, s.Destination);
                break;
        }
    }

    private void Move(int qubit, string? destination)
    {
        if (!_owned)
        {
            _nodes = (string?[])_nodes.Clone();
            _owned = true;
        }
        _nodes[qubit] = destination;
    }

    /// <summary>A tracker that starts where this one is and moves on its own (neither sees the other's later moves).</summary>
    public LocationTracker Clone()
    {
        _owned = false;
        return new LocationTracker(_nodes);
    }

    public bool SameAs(LocationTracker other) => _nodes.SequenceEqual(other._nodes);
}
