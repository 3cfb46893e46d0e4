using System.Collections.Immutable;
using QNetLang.Ir;

namespace QNetLang.Distribution.Routing;

/// <summary>
/// Shortest routes by expected generation time (Dijkstra over <see cref="LinkCost"/>), where a
/// repeater with swap success s makes everything behind it cost 1/s times more (a failed swap
/// regenerates both sides). Ties break by node order, so routes are deterministic. Routes are
/// cached per node pair.
/// </summary>
public sealed class Router(Network network)
{
    private readonly Dictionary<(string, string), ImmutableArray<string>?> _cache = new();

    public ImmutableArray<string>? Route(string from, string to)
    {
        if (_cache.TryGetValue((from, to), out var cached)) return cached;
        var route = Dijkstra(from, to);
        _cache[(from, to)] = route;
        return route;
    }

    private ImmutableArray<string>? Dijkstra(string from, string to)
    {
        var order = network.Nodes.Select((n, i) => (n.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        if (!order.ContainsKey(from) || !order.ContainsKey(to)) return null;
        var cost = new Dictionary<string, double>(StringComparer.Ordinal) { [from] = 0 };
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new PriorityQueue<string, (double, int)>();
        queue.Enqueue(from, (0, order[from]));
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var node, out var priority))
        {
            if (!done.Add(node)) continue;
            if (node == to) break;
            // Passing through a node (a repeater) divides the success of everything so far by its swap success.
            double factor = node == from ? 1 : 1 / Math.Max(network.FindNode(node)!.Get("swap_success") ?? 1, 1e-12);
            foreach (var link in network.LinksOf(node))
            {
                string next = link.Other(node);
                if (done.Contains(next)) continue;
                double candidate = (priority.Item1 + LinkCost.ExpectedSeconds(link, network.FiberSpeed)) * factor;
                if (double.IsInfinity(candidate)) continue;
                if (cost.TryGetValue(next, out double known) && (known < candidate || known == candidate && order[previous[next]] <= order[node])) continue;
                cost[next] = candidate;
                previous[next] = node;
                queue.Enqueue(next, (candidate, order[next]));
            }
        }
        if (!done.Contains(to)) return null;
        var path = new List<string>();
        for (string at = to; ; at = previous[at])
        {
            path.Add(at);
            if (at == from) break;
        }
        path.Reverse();
        return [.. path];
    }
}
