using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation.Events;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>
/// Pooled memories (`link_memories = pooled`, docs/simulator.md §9a): every link end is a pool of
/// memory slots (a node's memories split evenly over its links). A link attempts a pair on
/// each pair of free slots at its two ends; a slot is free again as soon as a swap measures its
/// qubit, the application takes its pair, or its pair passes the cutoff. A repeater swaps any
/// pair it holds towards the left with any pair towards the right (oldest slot first); under
/// `swap = nested` only pairs whose far ends are its partners in the doubling order. A node
/// uses a pair once it knows of it: at the herald for a link pair, once every swap's news has
/// reached it for a longer one. A swap locks both pairs for its duration (the handshake with
/// the far ends); a failed swap frees the far ends' slots when its news reaches them.
/// Requests over the same route share its pool: each end-to-end pair goes to the oldest
/// waiting request, and links attempt only while some request of their route waits.
/// With `link_pairing = request` a link's two ends do not start together: the end nearer the
/// route's source sends a request from each free slot, the other end takes it if it has a free
/// slot when it arrives (the attempt then runs attempt_time from that moment, and a failed
/// attempt frees both slots) and refuses it otherwise (the slot asks again when the refusal is
/// back). Each attempt is then its own event, since a request already on its way can take a
/// slot that a failed attempt frees.
/// </summary>
internal sealed class PooledLinkLayer : IEventHandler
{
    private const int StartEvent = 0, HeraldEvent = 1, SwapEvent = 2, NoticeEvent = 3, CutoffEvent = 4, FreeEvent = 5,
        RequestEvent = 6, FailEvent = 7;

    private readonly NetworkModel _network;
    private readonly EventQueue _queue;
    private readonly ShotRandom _random;
    private readonly long _maxTimePs;
    private readonly Action<string, string, long, long>? _record;
    /// <summary>Free slots of each link end: (node, neighbour) → count.</summary>
    private readonly Dictionary<(int Node, int Neighbour), int> _free = new();
    /// <summary>The routes that use each link end, to restart their attempts when a slot frees.</summary>
    private readonly Dictionary<(int Node, int Neighbour), List<(Route Route, int Link)>> _users = new();
    private readonly List<Route> _routes = new();
    private readonly Dictionary<string, Route> _routeByPath = new(StringComparer.Ordinal);
    private readonly List<Pair?> _pairs = new();
    private readonly List<(int Route, int Link, long Attempts, long Start)> _attempts = new();
    private readonly List<(int Route, int Node, int Left, int Right, long Start)> _swaps = new();

    public PooledLinkLayer(NetworkModel network, EventQueue queue, ShotRandom random, long maxTimePs, Action<string, string, long, long>? record)
    {
        _network = network;
        _queue = queue;
        _random = random;
        _maxTimePs = maxTimePs;
        _record = record;
    }

    /// <summary>Elementary-link attempts whose heralds have come back so far.</summary>
    public long Attempts { get; private set; }

    private sealed class Route
    {
        public required int Id;
        public required int[] Path;
        public required LinkModel[] Links;
        /// <summary>Nested order: the far ends a repeater joins (path indices); −1 under asap (any).</summary>
        public required int[] LeftPartner, RightPartner;
        /// <summary>Pairs held at each path index towards its left and right neighbour (pair ids).</summary>
        public required List<int>[] HeldLeft, HeldRight;
        /// <summary>`link_pairing = request`: attempts each link has ended since its last herald.</summary>
        public required long[] AttemptsSinceHerald;
        public readonly Queue<(IPairConsumer Consumer, int Token, long RequestedAt)> Waiting = new();
    }

    private sealed class Pair
    {
        public int Id, A, B; // path indices of its ends, A < B
        public BellDiagonal State;
        public long LastUpdate, Formed;
        /// <summary>When the slot at each end got its qubit (its link pair's herald): cutoffs count from there.</summary>
        public long BornA, BornB;
        /// <summary>The swaps that made it: (path index, end time); null for a link pair.</summary>
        public List<(int Node, long End)>? Swaps;
        /// <summary>When its two ends know it (<see cref="KnownAt"/>), fixed when it forms.</summary>
        public long KnownA, KnownB;
        public long Attempts;
        public bool Locked;
    }

    /// <summary>Slots per link end: the node's memories split evenly over its links, the first links taking the remainder.</summary>
    public static int SlotsAt(NetworkModel network, int node, int neighbour)
    {
        var neighbours = network.Source.LinksOf(network.Nodes[node].Name).Select(l => network.IndexOf(l.Other(network.Nodes[node].Name))).ToList();
        int position = neighbours.IndexOf(neighbour);
        int memories = network.Nodes[node].Memories;
        return memories / neighbours.Count + (position < memories % neighbours.Count ? 1 : 0);
    }

    public void Submit(int[] path, LinkModel[] links, long time, IPairConsumer consumer, int token, Location location)
    {
        string key = string.Join(',', path);
        if (!_routeByPath.TryGetValue(key, out var route))
        {
            route = NewRoute(path, links, location);
            _routeByPath[key] = route;
        }
        route.Waiting.Enqueue((consumer, token, time));
        _queue.Schedule(time, this, StartEvent, route.Id);
    }

    private Route NewRoute(int[] path, LinkModel[] links, Location location)
    {
        int n = path.Length;
        for (int i = 0; i + 1 < n; i++)
            foreach (var (node, neighbour) in new[] { (path[i], path[i + 1]), (path[i + 1], path[i]) })
            {
                if (!_free.ContainsKey((node, neighbour))) _free[(node, neighbour)] = SlotsAt(_network, node, neighbour);
                if (_free[(node, neighbour)] < 1)
                    throw new SimulationLimitException(Diagnostics.PairNeverDelivered, location,
                        $"{Name(node)} has {_network.Nodes[node].Memories} memories for {_network.Source.LinksOf(Name(node)).Count()} links, so none for its link to {Name(neighbour)}");
            }
        var route = new Route
        {
            Id = _routes.Count, Path = path, Links = links,
            LeftPartner = new int[n], RightPartner = new int[n],
            HeldLeft = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray(),
            HeldRight = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray(),
            AttemptsSinceHerald = new long[n - 1],
        };
        for (int k = 0; k < n; k++)
            (route.LeftPartner[k], route.RightPartner[k]) = _network.SwapAsap || k == 0 || k == n - 1 ? (-1, -1) : DoublingPartners(n, k);
        _routes.Add(route);
        for (int i = 0; i + 1 < n; i++)
        {
            Users(path[i], path[i + 1]).Add((route, i));
            Users(path[i + 1], path[i]).Add((route, i));
        }
        return route;
    }

    private List<(Route, int)> Users(int node, int neighbour)
    {
        if (!_users.TryGetValue((node, neighbour), out var list)) _users[(node, neighbour)] = list = new();
        return list;
    }

    /// <summary>
    /// The nested (doubling) order: a node at an odd position of the path swaps its two
    /// neighbours' pairs; nodes at even positions wait for the next level, where every other
    /// node (and the last) remains. Its partners are its neighbours at the level where it is odd.
    /// </summary>
    internal static (int Left, int Right) DoublingPartners(int nodes, int k)
    {
        var level = Enumerable.Range(0, nodes).ToList();
        while (level.IndexOf(k) % 2 == 0)
            level = level.Where((_, i) => i % 2 == 0 || i == level.Count - 1).ToList();
        int at = level.IndexOf(k);
        return (level[at - 1], level[at + 1]);
    }

    private string Name(int node) => _network.Nodes[node].Name;

    public void Handle(int kind, int arg, long data, long time)
    {
        switch (kind)
        {
            case StartEvent:
            {
                var route = _routes[arg];
                TryDeliver(route, time);
                for (int i = 0; i < route.Links.Length; i++) TryGenerate(route, i, time);
                break;
            }
            case HeraldEvent: OnHerald((int)data, time); break;
            case SwapEvent: OnSwap((int)data, time); break;
            case NoticeEvent: TryNode(_routes[arg], (int)data, time); break;
            case CutoffEvent: OnCutoff(_routes[arg], (int)data, time); break;
            case FreeEvent: FreeSlot((int)(data >> 32), (int)(data & 0xFFFF_FFFF), time); break;
            case RequestEvent: OnRequest(_routes[arg], (int)data, time); break;
            case FailEvent: OnFail((int)data, time); break;
        }
    }

    /// <summary>Starts attempts on link <paramref name="i"/> of a route on every pair of free slots at its ends, while a request waits.</summary>
    private void TryGenerate(Route route, int i, long time)
    {
        if (AsksFirst(route, i))
        {
            SendRequests(route, i, time);
            return;
        }
        int a = route.Path[i], b = route.Path[i + 1];
        while (route.Waiting.Count > 0 && _free[(a, b)] > 0 && _free[(b, a)] > 0)
        {
            _free[(a, b)]--;
            _free[(b, a)]--;
            var link = route.Links[i];
            long attempts = _random.Geometric(link.Success);
            long done = link.CompletionTime(time, attempts);
            if (done > _maxTimePs) TimeLimit($"link {Name(a)}–{Name(b)} needed {attempts} attempts");
            _attempts.Add((route.Id, i, attempts, time));
            _queue.Schedule(done, this, HeraldEvent, route.Id, _attempts.Count - 1);
        }
    }

    /// <summary>
    /// Whether link <paramref name="i"/> of a route pairs its slots by request: `link_pairing =
    /// request` and a delay between its ends. Without one, a refused request would be asked
    /// again at the same instant for ever; waiting for a free slot (instant pairing) is the limit.
    /// </summary>
    private bool AsksFirst(Route route, int i) => _network.PairingByRequest && _network.Delay(route.Path[i], route.Path[i + 1]) > 0;

    /// <summary>`link_pairing = request`: every free slot at the upstream end of link <paramref name="i"/> asks the other end for one, while a request waits.</summary>
    private void SendRequests(Route route, int i, long time)
    {
        int a = route.Path[i], b = route.Path[i + 1];
        while (route.Waiting.Count > 0 && _free[(a, b)] > 0)
        {
            _free[(a, b)]--;
            long arrives = time + _network.Delay(a, b);
            if (arrives > _maxTimePs) TimeLimit($"a slot request from {Name(a)} to {Name(b)}");
            _queue.Schedule(arrives, this, RequestEvent, route.Id, i);
        }
    }

    /// <summary>
    /// A slot request reaches the downstream end of link <paramref name="i"/>: one attempt on a free
    /// slot there, or a refusal that frees the asking slot when it is back (and it asks again).
    /// </summary>
    private void OnRequest(Route route, int i, long time)
    {
        int a = route.Path[i], b = route.Path[i + 1];
        if (route.Waiting.Count == 0 || _free[(b, a)] == 0)
        {
            ScheduleFree(a, b, time + _network.Delay(b, a));
            return;
        }
        _free[(b, a)]--;
        var link = route.Links[i];
        long done = link.CompletionTime(time, 1);
        if (done > _maxTimePs) TimeLimit($"link {Name(a)}–{Name(b)} attempt");
        _attempts.Add((route.Id, i, 1, time));
        _queue.Schedule(done, this, _random.Chance(link.Success) ? HeraldEvent : FailEvent, route.Id, _attempts.Count - 1);
    }

    /// <summary>`link_pairing = request`: an attempt ended without a herald; both slots are free again.</summary>
    private void OnFail(int index, long time)
    {
        var (routeId, i, _, _) = _attempts[index];
        var route = _routes[routeId];
        Attempts++;
        route.AttemptsSinceHerald[i]++;
        FreeSlot(route.Path[i + 1], route.Path[i], time);
        FreeSlot(route.Path[i], route.Path[i + 1], time);
    }

    private void OnHerald(int index, long time)
    {
        var (routeId, i, attempts, start) = _attempts[index];
        var route = _routes[routeId];
        if (AsksFirst(route, i))
        {
            // This pair's attempts: the failed ones on its link since the last herald, and its own.
            attempts += route.AttemptsSinceHerald[i];
            route.AttemptsSinceHerald[i] = 0;
            Attempts++;
        }
        else Attempts += attempts;
        _record?.Invoke(Name(route.Path[i]), $"link pair ({attempts} attempt(s))", start, time);
        _record?.Invoke(Name(route.Path[i + 1]), $"link pair ({attempts} attempt(s))", start, time);
        var pair = Formed(route, Add(new Pair { A = i, B = i + 1, State = route.Links[i].Generated, LastUpdate = time, Formed = time, BornA = time, BornB = time, Attempts = attempts }));
        route.HeldRight[i].Add(pair.Id);
        route.HeldLeft[i + 1].Add(pair.Id);
        ScheduleCutoff(route, pair, time);
        TryNode(route, i, time);
        TryNode(route, i + 1, time);
    }

    private Pair Add(Pair pair)
    {
        pair.Id = _pairs.Count;
        _pairs.Add(pair);
        return pair;
    }

    /// <summary>Computes when each end knows a pair that has just formed.</summary>
    private Pair Formed(Route route, Pair pair)
    {
        pair.KnownA = KnownAt(route, pair, pair.A);
        pair.KnownB = KnownAt(route, pair, pair.B);
        return pair;
    }

    /// <summary>When the end at path index <paramref name="k"/> knows this pair: the herald, or every swap's news.</summary>
    private long KnownAt(Route route, Pair pair, int k)
    {
        if (pair.Swaps is null) return pair.Formed;
        long known = pair.Formed;
        foreach (var (node, end) in pair.Swaps) known = Math.Max(known, end + _network.Delay(route.Path[node], route.Path[k]));
        return known;
    }

    private void TryNode(Route route, int k, long time)
    {
        if (k == 0 || k == route.Path.Length - 1) TryDeliver(route, time);
        else TrySwap(route, k, time);
    }

    /// <summary>Starts swaps at path index <paramref name="k"/> while it knows an unlocked pair on each side (oldest slot first).</summary>
    private void TrySwap(Route route, int k, long time)
    {
        while (true)
        {
            var left = Oldest(route.HeldLeft[k], route.LeftPartner[k], time, atB: true);
            if (left is null) return;
            var right = Oldest(route.HeldRight[k], route.RightPartner[k], time, atB: false);
            if (right is null) return;
            left.Locked = right.Locked = true;
            var node = _network.Nodes[route.Path[k]];
            long swapTime = node.Kind == NodeKind.Repeater ? node.SwapTimePs : node.TwoQubitGateTimePs + node.MeasureTimePs;
            long done = SimTime.After(time, swapTime);
            if (done > _maxTimePs) TimeLimit($"swap at {node.Name}");
            _swaps.Add((route.Id, k, left.Id, right.Id, time));
            _queue.Schedule(done, this, SwapEvent, route.Id, _swaps.Count - 1);
        }
    }

    /// <summary>
    /// The unlocked pair held at a node that the node knows of and that reaches <paramref name="partner"/>
    /// (any far end when −1), oldest slot at this node first; the node is each pair's B end when <paramref name="atB"/>.
    /// </summary>
    private Pair? Oldest(List<int> held, int partner, long time, bool atB)
    {
        Pair? best = null;
        foreach (int id in held)
        {
            var pair = _pairs[id]!;
            if (pair.Locked || (atB ? pair.KnownB : pair.KnownA) > time) continue;
            if (partner >= 0 && (atB ? pair.A : pair.B) != partner) continue;
            if (best is null || (atB ? pair.BornB < best.BornB : pair.BornA < best.BornA)) best = pair;
        }
        return best;
    }

    private void OnSwap(int index, long time)
    {
        var (routeId, k, leftId, rightId, start) = _swaps[index];
        var route = _routes[routeId];
        var left = _pairs[leftId]!;
        var right = _pairs[rightId]!;
        var node = _network.Nodes[route.Path[k]];
        bool swapped = _random.Chance(node.Kind == NodeKind.Repeater ? node.SwapSuccess : 1);
        _record?.Invoke(node.Name, swapped ? "swap" : "swap (failed)", start, time);
        route.HeldLeft[k].Remove(leftId);
        route.HeldRight[k].Remove(rightId);
        _pairs[leftId] = _pairs[rightId] = null;
        route.HeldRight[left.A].Remove(leftId);
        route.HeldLeft[right.B].Remove(rightId);
        if (swapped)
        {
            Age(route, left, time);
            Age(route, right, time);
            var state = left.State.Compose(right.State);
            double e = node.MeasureError;
            if (e > 0) state = state.Compose(new BellDiagonal((1 - e) * (1 - e), e * (1 - e), e * e, e * (1 - e)));
            var swaps = new List<(int, long)>((left.Swaps?.Count ?? 0) + (right.Swaps?.Count ?? 0) + 1);
            if (left.Swaps is not null) swaps.AddRange(left.Swaps);
            if (right.Swaps is not null) swaps.AddRange(right.Swaps);
            swaps.Add((k, time));
            var joined = Formed(route, Add(new Pair
            {
                A = left.A, B = right.B, State = state, LastUpdate = time, Formed = time, BornA = left.BornA, BornB = right.BornB,
                Swaps = swaps, Attempts = left.Attempts + right.Attempts,
            }));
            route.HeldRight[joined.A].Add(joined.Id);
            route.HeldLeft[joined.B].Add(joined.Id);
            ScheduleCutoff(route, joined, time);
            _queue.Schedule(joined.KnownA, this, NoticeEvent, route.Id, joined.A);
            _queue.Schedule(joined.KnownB, this, NoticeEvent, route.Id, joined.B);
        }
        else
        {
            // The far ends keep their qubits locked until the failure's news reaches them.
            ScheduleFree(route.Path[left.A], route.Path[left.A + 1], time + _network.Delay(route.Path[k], route.Path[left.A]));
            ScheduleFree(route.Path[right.B], route.Path[right.B - 1], time + _network.Delay(route.Path[k], route.Path[right.B]));
        }
        // The swapping node's two qubits are measured: its slots regenerate now.
        FreeSlot(route.Path[k], route.Path[k - 1], time);
        FreeSlot(route.Path[k], route.Path[k + 1], time);
    }

    private void ScheduleFree(int node, int neighbour, long time) =>
        _queue.Schedule(time, this, FreeEvent, 0, ((long)node << 32) | (uint)neighbour);

    private void FreeSlot(int node, int neighbour, long time)
    {
        _free[(node, neighbour)]++;
        foreach (var (route, link) in _users[(node, neighbour)]) TryGenerate(route, link, time);
    }

    /// <summary>A pair is discarded when the older of its two slots passes that link's cutoff.</summary>
    private void ScheduleCutoff(Route route, Pair pair, long time)
    {
        long? at = null;
        if (route.Links[pair.A].CutoffPs is { } ca) at = pair.BornA + ca;
        if (route.Links[pair.B - 1].CutoffPs is { } cb) at = at is { } x ? Math.Min(x, pair.BornB + cb) : pair.BornB + cb;
        if (at is { } t) _queue.Schedule(Math.Max(time, t), this, CutoffEvent, route.Id, pair.Id);
    }

    private void OnCutoff(Route route, int id, long time)
    {
        // A pair in a swap goes on (its successor gets its own cutoff); a gone pair has nothing to discard.
        if (_pairs[id] is not { Locked: false } pair) return;
        Release(route, pair, time);
    }

    private void Release(Route route, Pair pair, long time)
    {
        _pairs[pair.Id] = null;
        route.HeldRight[pair.A].Remove(pair.Id);
        route.HeldLeft[pair.B].Remove(pair.Id);
        FreeSlot(route.Path[pair.A], route.Path[pair.A + 1], time);
        FreeSlot(route.Path[pair.B], route.Path[pair.B - 1], time);
    }

    /// <summary>Hands end-to-end pairs known at both ends to the waiting requests, oldest pair first.</summary>
    private void TryDeliver(Route route, long time)
    {
        int last = route.Path.Length - 1;
        while (route.Waiting.Count > 0)
        {
            Pair? best = null;
            foreach (int id in route.HeldRight[0])
            {
                var pair = _pairs[id]!;
                if (pair.B != last || pair.Locked || pair.KnownA > time || pair.KnownB > time) continue;
                if (best is null || pair.BornA < best.BornA) best = pair;
            }
            if (best is null) return;
            Age(route, best, time);
            // Served first, so that freeing its slots does not start attempts for a request already served.
            var (consumer, token, requestedAt) = route.Waiting.Dequeue();
            Release(route, best, time);
            consumer.PairDelivered(token, new PairDelivery(route.Path[0], route.Path[last], best.State, requestedAt, time, best.Attempts));
        }
    }

    /// <summary>Decoherence of both halves, at their nodes' memories, since the last update.</summary>
    private void Age(Route route, Pair pair, long time)
    {
        long dt = time - pair.LastUpdate;
        if (dt <= 0) return;
        pair.State = _network.Nodes[route.Path[pair.B]].Hold(_network.Nodes[route.Path[pair.A]].Hold(pair.State, dt), dt);
        pair.LastUpdate = time;
    }

    private void TimeLimit(string what) => throw SimulationLimitException.PastTimeLimit(_maxTimePs, what);
}
