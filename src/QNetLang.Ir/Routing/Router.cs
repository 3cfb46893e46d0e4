using System.Collections.Immutable;
using QNetLang.Core;

namespace QNetLang.Ir;

/// <summary>How the router ranks routes (the network property `routing`).</summary>
public enum RoutingMetric
{
    /// <summary>The highest end-to-end fidelity of fresh pairs, then the least expected time.</summary>
    Fidelity,
    /// <summary>The least expected generation time, then the fewest hops.</summary>
    Time,
    /// <summary>
    /// The most distillable pairs per second: the hashing yield of the fresh end-to-end pair over
    /// its expected generation time (<see cref="Router.Yield"/>); then fidelity, then time.
    /// </summary>
    RateFidelity,
}

/// <summary>
/// The one router: the compiler routes every Bell pair with it and the simulator's pair streams
/// use it too, so a pair between two nodes takes the same path whoever asks.
/// <para>
/// Two costs are tracked along a path. The <b>time</b> cost is the expected generation time
/// (<see cref="LinkPhysics.ExpectedSeconds"/> summed over links), where a repeater with swap
/// success s makes everything behind it cost 1/s times more (a failed swap regenerates both
/// sides). The <b>fidelity</b> cost is −ln of the end-to-end Werner parameter of fresh pairs:
/// a swap multiplies the parameters w = (4F − 1)/3 of its halves, and a repeater whose Bell
/// measurement flips each outcome with probability e multiplies it by (1 − 2e)² (the flips'
/// depolarising equivalent); memory decay while pairs wait is not counted, since it depends on
/// the timing of other requests. The network's `routing` property says which cost comes first;
/// the other breaks ties, then fewer hops, then node order, so routes are deterministic.
/// </para>
/// <para>
/// `routing = rate_fidelity` ranks by one number that combines both, the pairs per second times
/// the hashing yield of a pair, which is not a sum along the path; but it only grows as either
/// cost falls, so the best route lies on the Pareto front of (time, infidelity), which a
/// label-setting search over both costs finds exactly (<see cref="SearchPareto"/>).
/// </para>
/// </summary>
public sealed class Router
{
    /// <summary>Added to every link so that, between equally fast links, fewer hops win.</summary>
    private const double HopFloorSeconds = 1e-9;

    private readonly Network _network;
    private readonly Dictionary<string, int> _order;
    private readonly List<(int Neighbour, double Seconds, double Infidelity)>[] _adjacent;
    private readonly double[] _swapFactor;
    private readonly double[] _swapInfidelity;
    private readonly Dictionary<(int, int), ImmutableArray<string>?> _cache = new();

    public Router(Network network)
    {
        _network = network;
        Metric = MetricOf(network);
        _order = network.Nodes.Select((n, i) => (n.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        _adjacent = network.Nodes.Select(_ => new List<(int, double, double)>()).ToArray();
        _swapFactor = new double[network.Nodes.Length];
        _swapInfidelity = new double[network.Nodes.Length];
        for (int i = 0; i < network.Nodes.Length; i++)
        {
            var spec = network.Nodes[i].Spec;
            _swapFactor[i] = 1 / Math.Max(spec.SwapSuccess, 1e-12);
            double flips = 1 - 2 * spec.MeasureError;
            _swapInfidelity[i] = network.Nodes[i].Kind == NodeKind.Repeater ? WernerCost(flips * flips) : 0;
        }
        foreach (var link in network.Links)
        {
            if (!_order.TryGetValue(link.From, out int a) || !_order.TryGetValue(link.To, out int b)) continue;
            var physics = LinkPhysics.Of(link, network);
            double seconds = physics.ExpectedSeconds + HopFloorSeconds;
            if (double.IsInfinity(seconds)) continue; // a link that never succeeds carries no pairs
            double infidelity = WernerCost((4 * physics.Fidelity - 1) / 3);
            _adjacent[a].Add((b, seconds, infidelity));
            _adjacent[b].Add((a, seconds, infidelity));
        }
        foreach (var list in _adjacent) list.Sort((x, y) => x.Neighbour.CompareTo(y.Neighbour));
    }

    public RoutingMetric Metric { get; }

    /// <summary>The metric a network asks for; fidelity unless it says `routing = time`.</summary>
    public static RoutingMetric MetricOf(Network network) =>
        network.Properties.TryGetValue("routing", out var value) ? value.Symbol switch
        {
            "time" => RoutingMetric.Time,
            "rate_fidelity" => RoutingMetric.RateFidelity,
            _ => RoutingMetric.Fidelity,
        } : RoutingMetric.Fidelity;

    /// <summary>The name of a metric as written in `.qn` (`routing = ...`).</summary>
    public static string NameOf(RoutingMetric metric) => metric switch
    {
        RoutingMetric.Time => "time",
        RoutingMetric.RateFidelity => "rate_fidelity",
        _ => "fidelity",
    };

    /// <summary>
    /// The hashing yield of a Werner pair of fidelity F, 1 − H(F, (1−F)/3, (1−F)/3, (1−F)/3): the
    /// ebits per pair that one-way hashing distils (Bennett, DiVincenzo, Smolin and Wootters,
    /// Phys. Rev. A 54, 3824, 1996), 0 where it is not positive (below F ≈ 0.8107).
    /// </summary>
    public static double Yield(double fidelity)
    {
        double rest = (1 - fidelity) / 3;
        double entropy = -Term(fidelity) - 3 * Term(rest);
        return Math.Max(0, 1 - entropy);

        static double Term(double p) => p > 0 ? p * Math.Log2(p) : 0;
    }

    /// <summary>−ln w, the additive form of a Werner parameter; a pair no better than noise (w ≤ 0) costs as much as a double can say.</summary>
    private static double WernerCost(double w) => w > 0 ? -Math.Log(w) : double.MaxValue / 4;

    /// <summary>The route from <paramref name="from"/> to <paramref name="to"/> (both included), or null when no usable path exists.</summary>
    public ImmutableArray<string>? Route(string from, string to)
    {
        if (!_order.TryGetValue(from, out int a) || !_order.TryGetValue(to, out int b)) return null;
        if (_cache.TryGetValue((a, b), out var cached)) return cached;
        var route = Metric == RoutingMetric.RateFidelity ? SearchPareto(a, b) : Search(a, b);
        _cache[(a, b)] = route;
        return route;
    }

    /// <summary>The expected generation time and the fresh-pair fidelity of a route, as the router ranked it.</summary>
    public (double ExpectedSeconds, double Fidelity) Estimate(ImmutableArray<string> route)
    {
        double seconds = 0, infidelity = 0;
        for (int i = 0; i + 1 < route.Length; i++)
        {
            int a = _order[route[i]], b = _order[route[i + 1]];
            var edge = _adjacent[a].First(e => e.Neighbour == b);
            // As in the search: the time behind a repeater is scaled by its swap factor.
            seconds = (seconds + edge.Seconds - HopFloorSeconds) * (i > 0 ? _swapFactor[a] : 1);
            infidelity += (i > 0 ? _swapInfidelity[a] : 0) + edge.Infidelity;
        }
        return (seconds, (1 + 3 * Math.Exp(-infidelity)) / 4);
    }

    /// <summary>Dijkstra on the pair (primary, secondary) of costs; both only grow along a path, so the lexicographic order is kept by extension.</summary>
    private ImmutableArray<string>? Search(int from, int to)
    {
        int n = _network.Nodes.Length;
        var time = new double[n];
        var infidelity = new double[n];
        var hops = new int[n];
        var previous = new int[n];
        var done = new bool[n];
        Array.Fill(time, double.PositiveInfinity);
        Array.Fill(infidelity, double.PositiveInfinity);
        Array.Fill(previous, -1);
        time[from] = infidelity[from] = 0;
        var queue = new PriorityQueue<int, (double, double, int, int)>();
        queue.Enqueue(from, Key(0, 0, 0, from));
        while (queue.TryDequeue(out int node, out _))
        {
            if (done[node]) continue;
            done[node] = true;
            if (node == to) break;
            // Passing through a node (a repeater) scales the time behind it and adds its swap noise.
            double factor = node == from ? 1 : _swapFactor[node];
            double noise = node == from ? 0 : _swapInfidelity[node];
            foreach (var (next, seconds, linkInfidelity) in _adjacent[node])
            {
                if (done[next]) continue;
                double t = (time[node] + seconds) * factor, f = infidelity[node] + noise + linkInfidelity;
                var candidate = Key(t, f, hops[node] + 1, node);
                var known = Key(time[next], infidelity[next], hops[next], previous[next]);
                if (previous[next] >= 0 && candidate.CompareTo(known) >= 0) continue;
                time[next] = t;
                infidelity[next] = f;
                hops[next] = hops[node] + 1;
                previous[next] = node;
                queue.Enqueue(next, Key(t, f, hops[next], next));
            }
        }
        if (!done[to]) return null;
        var path = new List<string>();
        for (int at = to; at != -1; at = previous[at]) path.Add(_network.Nodes[at].Name);
        path.Reverse();
        return [.. path];
    }

    private (double, double, int, int) Key(double time, double infidelity, int hops, int tieBreak) =>
        Metric == RoutingMetric.Time ? (time, infidelity, hops, tieBreak) : (infidelity, time, hops, tieBreak);

    /// <summary>A partial path in <see cref="SearchPareto"/>: its costs, and the label it extends (−1 at the start).</summary>
    private readonly record struct Label(int Node, double Time, double Infidelity, int Hops, int Previous);

    /// <summary>
    /// Label-setting search over both costs (Martins' multi-objective Dijkstra): labels leave
    /// the queue in (time, infidelity, hops) order and one dominated by a label already settled
    /// at its node (no slower and no noisier) is dropped, so every Pareto-optimal path to
    /// <paramref name="to"/> is found; of those the route with the most distillable pairs per
    /// second wins, then the higher fidelity, then the faster, the fewer hops, the earlier label.
    /// </summary>
    private ImmutableArray<string>? SearchPareto(int from, int to)
    {
        var labels = new List<Label> { new(from, 0, 0, 0, -1) };
        var settled = _network.Nodes.Select(_ => new List<int>()).ToArray();
        var queue = new PriorityQueue<int, (double, double, int, int)>();
        queue.Enqueue(0, (0, 0, 0, 0));
        while (queue.TryDequeue(out int id, out _))
        {
            var label = labels[id];
            if (settled[label.Node].Any(s => labels[s].Time <= label.Time && labels[s].Infidelity <= label.Infidelity)) continue;
            settled[label.Node].Add(id);
            if (label.Node == to) continue;
            double factor = label.Node == from ? 1 : _swapFactor[label.Node];
            double noise = label.Node == from ? 0 : _swapInfidelity[label.Node];
            foreach (var (next, seconds, linkInfidelity) in _adjacent[label.Node])
            {
                if (OnPath(labels, id, next)) continue; // a route visits a node once
                var extended = new Label(next, (label.Time + seconds) * factor, label.Infidelity + noise + linkInfidelity, label.Hops + 1, id);
                if (settled[next].Any(s => labels[s].Time <= extended.Time && labels[s].Infidelity <= extended.Infidelity)) continue;
                labels.Add(extended);
                queue.Enqueue(labels.Count - 1, (extended.Time, extended.Infidelity, extended.Hops, labels.Count - 1));
            }
        }
        if (settled[to].Count == 0) return null;
        int best = settled[to]
            .OrderByDescending(s => Score(labels[s]))
            .ThenBy(s => labels[s].Infidelity)
            .ThenBy(s => labels[s].Time)
            .ThenBy(s => labels[s].Hops)
            .ThenBy(s => s)
            .First();
        var path = new List<string>();
        for (int at = best; at != -1; at = labels[at].Previous) path.Add(_network.Nodes[labels[at].Node].Name);
        path.Reverse();
        return [.. path];

        static double Score(Label l) => Yield((1 + 3 * Math.Exp(-l.Infidelity)) / 4) / l.Time;
    }

    private static bool OnPath(List<Label> labels, int id, int node)
    {
        for (int at = id; at != -1; at = labels[at].Previous)
            if (labels[at].Node == node) return true;
        return false;
    }
}
