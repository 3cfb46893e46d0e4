namespace QNetLang.Ir;

/// <summary>
/// Follows where each qubit is while walking a circuit's operations in order: it starts at
/// <see cref="QubitInfo.Node"/> and moves with teleport and send. Shared by the validator, the
/// distribution passes and the simulator, so they cannot disagree about where an operation runs.
/// </summary>
public sealed class LocationTracker
{
    private readonly string?[] _nodes;

    public LocationTracker(Circuit circuit)
    {
        _nodes = circuit.Qubits.Select(q => q.Node).ToArray();
    }

    private LocationTracker(string?[] nodes) => _nodes = nodes;

    public string? NodeOf(int qubit) => qubit >= 0 && qubit < _nodes.Length ? _nodes[qubit] : null;

    /// <summary>Updates locations after <paramref name="operation"/> (teleport and send move their qubit).</summary>
    public void Apply(Operation operation)
    {
        switch (operation)
        {
            case TeleportOperation t when t.Qubit >= 0 && t.Qubit < _nodes.Length:
                _nodes[t.Qubit] = t.Destination;
                break;
            case SendOperation s when s.Qubit >= 0 && s.Qubit < _nodes.Length:
                _nodes[s.Qubit] = s.Destination;
                break;
        }
    }

    public LocationTracker Clone() => new((string?[])_nodes.Clone());

    public bool SameAs(LocationTracker other) => _nodes.SequenceEqual(other._nodes);
}
