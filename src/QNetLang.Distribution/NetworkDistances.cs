using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Distribution;

/// <summary>
/// Hop distances between the processors (QPUs and end nodes) of a network, with indices for
/// fast lookup. An ebit between nodes d hops apart consumes d elementary link pairs (one per
/// hop, joined by swaps), so the partitioner weighs a remote operation by its distance.
/// </summary>
public sealed class NetworkDistances
{
    public const int Unreachable = int.MaxValue / 4;

    private readonly int[,] _hops;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public NetworkDistances(Network network)
    {
        Network = network;
        Processors = network.Nodes.Where(n => n.Kind != NodeKind.Repeater).ToArray();
        for (int i = 0; i < Processors.Count; i++) _index[Processors[i].Name] = i;
        int n = Processors.Count;
        _hops = new int[n, n];
        for (int i = 0; i < n; i++)
        {
            var fromHere = BreadthFirst(network, Processors[i].Name);
            for (int j = 0; j < n; j++) _hops[i, j] = fromHere.TryGetValue(Processors[j].Name, out int d) ? d : Unreachable;
        }
    }

    public Network Network { get; }

    /// <summary>Nodes that can hold qubits, in network order; indices below refer to this list.</summary>
    public IReadOnlyList<NetworkNode> Processors { get; }

    public int Count => Processors.Count;

    public int IndexOf(string node) => _index.TryGetValue(node, out int i) ? i : -1;

    public int Hops(int a, int b) => _hops[a, b];

    private static Dictionary<string, int> BreadthFirst(Network network, string start)
    {
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            string node = queue.Dequeue();
            foreach (var link in network.LinksOf(node))
            {
                string next = link.Other(node);
                if (distance.ContainsKey(next)) continue;
                distance[next] = distance[node] + 1;
                queue.Enqueue(next);
            }
        }
        return distance;
    }
}
