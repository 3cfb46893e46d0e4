using System.Collections.Immutable;

namespace QNetLang.Ir;

/// <summary>
/// The one router: routes by expected pair-generation time (Dijkstra over
/// <see cref="LinkPhysics.ExpectedSeconds"/>), where a repeater with swap success s makes
/// everything behind it cost 1/s times more (a failed swap regenerates both sides). The
/// compiler routes every Bell pair with it and the simulator's pair streams use it too, so a
/// pair between two nodes takes the same path whoever asks. Ties break by fewer hops, then by
/// node order, so routes are deterministic. Routes are cached per node pair.
/// </summary>
public sealed class Router
{
    /// <summary>Added to every link so that, between equally fast links, fewer hops win.</summary>
    private const double HopFloorSeconds = 1e-9;

    private readonly Network _network;
    private readonly Dictionary<string, int> _order;
    private readonly List<(int Neighbour, double Seconds)>[] _adjacent;
    private readonly double[] _swapFactor;
    private readonly Dictionary<(int, int), ImmutableArray<string>?> _cache = new();

    public Router(Network network)
    {
        _network = network;
        _order = network.Nodes.Select((n, i) => (n.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        _adjacent = network.Nodes.Select(_ => new List<(int, double)>()).ToArray();
        _swapFactor = network.Nodes.Select(n => 1 / Math.Max(n.Spec.SwapSuccess, 1e-12)).ToArray();
        foreach (var link in network.Links)
        {
            if (!_order.TryGetValue(link.From, out int a) || !_order.TryGetValue(link.To, out int b)) continue;
            double seconds = LinkPhysics.Of(link, network).ExpectedSeconds + HopFloorSeconds;
            if (double.IsInfinity(seconds)) continue; // a link that never succeeds carries no pairs
            _adjacent[a].Add((b, seconds));
            _adjacent[b].Add((a, seconds));
        }
        foreach (var list in _adjacent) list.Sort((x, y) => x.Neighbour.CompareTo(y.Neighbour));
    }

    /// <summary>The route from <paramref name="from"/> to <paramref name="to"/> (both included), or null when no usable path exists.</summary>
    public ImmutableArray<string>? Route(string from, string to)
    {
        if (!_order.TryGetValue(from, out int a) || !_order.TryGetValue(to, out int b)) return null;
        if (_cache.TryGetValue((a, b), out var cached)) return cached;
        var route = Dijkstra(a, b);
        _cache[(a, b)] = route;
        return route;
    }

    private ImmutableArray<string>? Dijkstra(int from, int to)
    {
        int n = _network.Nodes.Length;
        var cost = new double[n];
        var hops = new int[n];
        var previous = new int[n];
        var done = new bool[n];
        Array.Fill(cost, double.PositiveInfinity);
        Array.Fill(previous, -1);
        cost[from] = 0;
        var queue = new PriorityQueue<int, (double, int, int)>();
        queue.Enqueue(from, (0, 0, from));
        while (queue.TryDequeue(out int node, out _))
        {
            if (done[node]) continue;
            done[node] = true;
            if (node == to) break;
            // Passing through a node (a repeater) divides the success of everything so far by its swap success.
            double factor = node == from ? 1 : _swapFactor[node];
            foreach (var (next, seconds) in _adjacent[node])
            {
                if (done[next]) continue;
                double candidate = (cost[node] + seconds) * factor;
                int candidateHops = hops[node] + 1;
                if (candidate > cost[next]) continue;
                if (candidate == cost[next] && (candidateHops > hops[next] || candidateHops == hops[next] && previous[next] <= node)) continue;
                cost[next] = candidate;
                hops[next] = candidateHops;
                previous[next] = node;
                queue.Enqueue(next, (candidate, candidateHops, next));
            }
        }
        if (!done[to]) return null;
        var path = new List<string>();
        for (int at = to; at != -1; at = previous[at]) path.Add(_network.Nodes[at].Name);
        path.Reverse();
        return [.. path];
    }
}
