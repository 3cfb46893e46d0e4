using QNetLang.Ir;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>
/// The network as the simulator sees it: nodes by index with their device models, links with
/// their physics, and classical delays (fewest-hop path, summed lengths / fiber_speed), cached
/// per source. Built once per run and shared read-only by all shots.
/// </summary>
public sealed class NetworkModel
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, int), LinkModel> _links = new();
    private readonly List<(int Neighbour, long DelayPs)>[] _adjacency;
    private readonly long[]?[] _delays;

    public NetworkModel(Ir.Network network)
    {
        Source = network;
        Nodes = network.Nodes.Select(NodeModel.From).ToArray();
        for (int i = 0; i < Nodes.Count; i++) _index[Nodes[i].Name] = i;
        _adjacency = Enumerable.Range(0, Nodes.Count).Select(_ => new List<(int, long)>()).ToArray();
        _delays = new long[]?[Nodes.Count];
        foreach (var link in network.Links)
        {
            int a = _index[link.From], b = _index[link.To];
            var model = LinkModel.Create(link, a, b, Nodes[a], Nodes[b], network.FiberSpeed);
            _links[(a, b)] = model;
            _links[(b, a)] = model with { From = b, To = a };
            _adjacency[a].Add((b, model.OneWayPs));
            _adjacency[b].Add((a, model.OneWayPs));
        }
        // Neighbours in node order, so fewest-hop paths break ties exactly as Network.ShortestPath does.
        foreach (var list in _adjacency) list.Sort((x, y) => x.Neighbour.CompareTo(y.Neighbour));
    }

    public Ir.Network Source { get; }

    public IReadOnlyList<NodeModel> Nodes { get; }

    public int IndexOf(string node) => _index[node];

    public bool TryIndexOf(string node, out int index) => _index.TryGetValue(node, out index);

    public LinkModel? Link(int a, int b) => _links.GetValueOrDefault((a, b));

    /// <summary>Classical message delay from <paramref name="from"/> to <paramref name="to"/> along the fewest-hop path.</summary>
    public long Delay(int from, int to)
    {
        if (from == to || from < 0 || to < 0) return 0;
        var row = _delays[from];
        if (row is null)
        {
            row = Bfs(from);
            _delays[from] = row;
        }
        return row[to];
    }

    private long[] Bfs(int from)
    {
        var delay = new long[Nodes.Count];
        var seen = new bool[Nodes.Count];
        var queue = new Queue<int>();
        seen[from] = true;
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            int current = queue.Dequeue();
            foreach (var (next, d) in _adjacency[current])
            {
                if (seen[next]) continue;
                seen[next] = true;
                delay[next] = delay[current] + d;
                queue.Enqueue(next);
            }
        }
        return delay;
    }

    /// <summary>
    /// The fewest-hop route (node indices) or null: the same breadth-first search as
    /// Network.ShortestPath, neighbours in node order, on the adjacency lists (so a
    /// 1000-node chain is routed in microseconds).
    /// </summary>
    public int[]? Route(int from, int to)
    {
        var previous = new int[Nodes.Count];
        Array.Fill(previous, -2);
        previous[from] = -1;
        var queue = new Queue<int>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            int current = queue.Dequeue();
            if (current == to) break;
            foreach (var (next, _) in _adjacency[current])
            {
                if (previous[next] != -2) continue;
                previous[next] = current;
                queue.Enqueue(next);
            }
        }
        if (previous[to] == -2) return null;
        var path = new List<int>();
        for (int at = to; at != -1; at = previous[at]) path.Add(at);
        path.Reverse();
        return path.ToArray();
    }
}
