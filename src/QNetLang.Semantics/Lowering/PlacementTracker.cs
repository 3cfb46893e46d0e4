using QNetLang.Ir;

namespace QNetLang.Semantics.Lowering;

/// <summary>
/// Where each logical qubit is while the program is lowered: its pinned node, then wherever
/// teleport and send take it. Unpinned qubits have no node until the partitioner places them.
/// Also counts the qubits held at each node, to check capacities as qubits move.
/// </summary>
internal sealed class PlacementTracker
{
    private readonly string?[] _location;
    private readonly string?[] _pinned;
    private readonly Dictionary<string, int> _occupancy = new(StringComparer.Ordinal);

    public PlacementTracker(int qubitCount)
    {
        _location = new string?[qubitCount];
        _pinned = new string?[qubitCount];
    }

    public string? LocationOf(int qubit) => _location[qubit];

    public string? PinnedNodeOf(int qubit) => _pinned[qubit];

    public int Occupancy(string node) => _occupancy.GetValueOrDefault(node);

    /// <summary>Fixes the starting node of a qubit (a declaration's `@ node` or first use inside `at node`).</summary>
    public void Pin(int qubit, string node)
    {
        _pinned[qubit] = node;
        _location[qubit] = node;
        _occupancy[node] = Occupancy(node) + 1;
    }

    public void Move(int qubit, string destination)
    {
        if (_location[qubit] is { } from) _occupancy[from] = Occupancy(from) - 1;
        _location[qubit] = destination;
        _occupancy[destination] = Occupancy(destination) + 1;
    }
}
