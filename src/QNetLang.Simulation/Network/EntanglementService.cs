using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation.Events;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>
/// Generates end-to-end pairs over routes for one shot, in the shared event queue
/// (docs/simulator.md, "Entanglement generation"). Each request reserves two memories at every
/// intermediate node for its lifetime (FIFO when they are busy), runs heralded attempts on all
/// its links at once, and swaps in a nested (doubling) order: the route's links are split in
/// halves recursively and the node at each split swaps once both halves hold a pair. A failed
/// swap loses both halves, whose links start again once the failure message reaches them; a
/// pair older than its links' cutoff while it waits is discarded and regenerated. Pairs are
/// tracked as Bell-diagonal states that decay (Pauli-twirled T1/T2) at their end nodes' memories
/// for exactly the time they wait, classical messages included. With `link_memories = pooled`
/// every request goes to the pooled link layer instead (PooledLinkLayer.cs): memories belong to
/// link ends, not to requests.
/// </summary>
public sealed partial class EntanglementService : IEventHandler
{
    private const int StartEvent = 0, HeraldEvent = 1, SwapEvent = 2, CutoffEvent = 3, DeliverEvent = 4, DistillEvent = 5, AsapSwapEvent = 6, AsapDeliverEvent = 7;

    private readonly NetworkModel _network;
    private readonly EventQueue _queue;
    private readonly ShotRandom _random;
    private readonly long _maxTimePs;
    // Finished requests are dropped (null), with their segments, so a long stream keeps a small heap.
    private readonly List<Request?> _requests = new();
    private readonly int[] _freeMemories;
    private readonly List<int> _waiting = new();

    private readonly DistillationPolicy _distillation;
    private readonly List<(int Request, int Level, BellDiagonal First, BellDiagonal Second)> _rounds = new();

    public EntanglementService(NetworkModel network, EventQueue queue, ShotRandom random, long maxTimePs, DistillationPolicy? distillation = null)
    {
        _network = network;
        _distillation = distillation ?? DistillationPolicy.None;
        _queue = queue;
        _random = random;
        _maxTimePs = maxTimePs;
        _freeMemories = network.Nodes.Select(n => n.Memories).ToArray();
        if (network.Generation.Generation > 1) _encoded = new EncodedRepeaterChain(network, network.Generation, queue, random, maxTimePs);
    }

    /// <summary>Generations 2 and 3 make pairs with encoded memories or photons instead (EncodedRepeaterChain.cs); null for generation 1.</summary>
    private readonly EncodedRepeaterChain? _encoded;

    /// <summary>
    /// Receives what the network does, for a shot's timeline: (node, what, start, end) for each
    /// heralded link pair (at both ends) and each swap at the swapping node. Null: nothing is recorded.
    /// </summary>
    public Action<string, string, long, long>? Record { get; init; }

    /// <summary>Elementary-link attempts started so far in this shot.</summary>
    public long Attempts => _attempts + (_pooled?.Attempts ?? 0) + (_encoded?.Attempts ?? 0);

    private long _attempts;
    /// <summary>`link_memories = pooled`: the link layer that serves every request instead (PooledLinkLayer.cs).</summary>
    private PooledLinkLayer? _pooled;

    private sealed class Request
    {
        public required int[] Path;
        public required LinkModel[] Links;
        public required IPairConsumer Consumer;
        public required int Token;
        public required long RequestedAt;
        public required int Id;
        public readonly List<Segment> Segments = new();
        public int Root;
        public long Attempts;
        public bool Done;
        /// <summary>Distillation: the pair waiting at each recurrence level, and when it was last aged.</summary>
        public readonly List<(BellDiagonal State, long Since)?> Stash = new();
        /// <summary>How this request's pairs are distilled (<see cref="DistillationPolicy.ForRoute"/>).</summary>
        public required DistillationPolicy Policy;
        /// <summary>Raw end-to-end pairs made, distillation rounds tried and passed.</summary>
        public long RawPairs, RoundsTried, RoundsPassed;
        /// <summary>Swap order `asap` (AsapSwapping.cs): each repeater's swap state, by path index.</summary>
        public AsapState? Asap;
    }

    private sealed class Segment
    {
        public int Id, Request, Lo, Hi, Left = -1, Right = -1, Parent = -1, SwapAt = -1;
        public int Generation;
        public bool Ready, Consumed;
        public BellDiagonal State;
        public long LastUpdate, Oldest, FormedAt, SwapStart;
        public int FormedAtIndex = -1; // path index of the swap that formed it; -1: a link (known at both ends at once)
        public long? Cutoff;
        /// <summary>A link still attempting: when it started and how many attempts it will need.</summary>
        public bool Attempting;
        public long AttemptStart, AttemptsPlanned;
    }

    /// <summary>Asks for a pair between the ends of <paramref name="path"/> (node indices); the consumer is called at delivery.</summary>
    public void Submit(int[] path, long time, IPairConsumer consumer, int token, Location location)
    {
        var links = new LinkModel[path.Length - 1];
        for (int i = 0; i < links.Length; i++)
        {
            links[i] = _network.Link(path[i], path[i + 1]) ?? throw new InvalidOperationException($"route uses a missing link {path[i]}-{path[i + 1]}");
            if (links[i].Success <= 0)
                throw new SimulationLimitException(Diagnostics.PairNeverDelivered, location, $"link {Name(path[i])}–{Name(path[i + 1])} never succeeds (its success probability is 0)");
        }
        // Generations 2 and 3 hold their own encoded memories (EncodedRepeaterChain.cs), so
        // they are served there whatever `link_memories` says.
        if (_encoded is not null)
        {
            _encoded.Submit(path, links, time, consumer, token, location);
            return;
        }
        if (_network.PooledMemories)
        {
            if (_distillation.Active || links.Any(l => l.Distillation is not null))
                throw new SimulationLimitException(Diagnostics.PooledDistillation, location);
            _pooled ??= new PooledLinkLayer(_network, _queue, _random, _maxTimePs, Record);
            _pooled.Submit(path, links, time, consumer, token, location);
            return;
        }
        for (int i = 1; i < path.Length - 1; i++)
            if (_network.Nodes[path[i]].Memories < 2)
                throw new SimulationLimitException(Diagnostics.PairNeverDelivered, location, $"{Name(path[i])} has {_network.Nodes[path[i]].Memories} memory, but a swap there needs 2");
        int id = _requests.Count;
        var request = new Request { Path = path, Links = links, Consumer = consumer, Token = token, RequestedAt = time, Id = id, Policy = DistillationPolicy.ForRoute(links, _distillation) };
        _requests.Add(request);
        if (_network.SwapAsap && links.Length > 1)
        {
            // Swap-asap: only the links' segments; swaps combine them as they happen.
            for (int i = 0; i < links.Length; i++) Build(id, i, i, -1);
            request.Asap = new AsapState(path.Length);
            request.Root = -1;
        }
        else
        {
            request.Root = Build(id, 0, links.Length - 1, -1);
        }
        _queue.Schedule(time, this, StartEvent, id);
    }

    private string Name(int node) => _network.Nodes[node].Name;

    private int Build(int request, int lo, int hi, int parent)
    {
        var owner = _requests[request]!;
        int id = owner.Segments.Count;
        var segment = new Segment { Id = id, Request = request, Lo = lo, Hi = hi, Parent = parent };
        owner.Segments.Add(segment);
        var links = owner.Links;
        long? cutoff = null;
        for (int i = lo; i <= hi; i++)
            if (links[i].CutoffPs is { } c) cutoff = cutoff is { } k ? Math.Min(k, c) : c;
        segment.Cutoff = cutoff;
        if (lo < hi)
        {
            int mid = (lo + hi) / 2;
            segment.SwapAt = mid + 1;
            segment.Left = Build(request, lo, mid, id);
            segment.Right = Build(request, mid + 1, hi, id);
        }
        return id;
    }

    public void Handle(int kind, int arg, long data, long time)
    {
        if (kind == DistillEvent)
        {
            OnDistilled((int)data, time);
            return;
        }
        // Events of a finished request are void.
        if (_requests[arg] is not { } request) return;
        if (kind == StartEvent)
        {
            TryStart(request, time);
            return;
        }
        if (kind == AsapSwapEvent)
        {
            OnAsapSwap(request, (int)(data >> 32), (int)(data & 0xFFFF_FFFF), time);
            return;
        }
        if (kind == AsapDeliverEvent)
        {
            OnAsapDeliver(request, (int)data, time);
            return;
        }
        var segment = request.Segments[(int)(data >> 32)];
        int generation = (int)(data & 0xFFFF_FFFF);
        switch (kind)
        {
            case HeraldEvent: OnHerald(segment, generation, time); break;
            case SwapEvent: OnSwap(segment, generation, time); break;
            case CutoffEvent: OnCutoff(segment, generation, time); break;
            case DeliverEvent: OnDeliver(segment, generation, time); break;
        }
    }

    /// <summary>Segment events carry the request in arg and (segment, generation) in data.</summary>
    private void Schedule(long time, int kind, Segment segment) =>
        _queue.Schedule(time, this, kind, segment.Request, ((long)segment.Id << 32) | (uint)segment.Generation);

    private void TryStart(Request request, long time)
    {
        if (!Reserve(request))
        {
            _waiting.Add(request.Id);
            return;
        }
        StartRequest(request, time);
    }

    /// <summary>Starts every link of a request: the whole swap tree, or each link under swap-asap.</summary>
    private void StartRequest(Request request, long time)
    {
        if (request.Asap is null)
        {
            StartSubtree(request, request.Root, time, -1);
            return;
        }
        for (int i = 0; i < request.Links.Length; i++) StartSubtree(request, i, time, -1);
    }

    private bool Reserve(Request request)
    {
        for (int i = 1; i < request.Path.Length - 1; i++)
            if (_freeMemories[request.Path[i]] < 2) return false;
        for (int i = 1; i < request.Path.Length - 1; i++) _freeMemories[request.Path[i]] -= 2;
        return true;
    }

    private void Free(Request request, long time)
    {
        for (int i = 1; i < request.Path.Length - 1; i++) _freeMemories[request.Path[i]] += 2;
        // First come, first served: start every waiting request that now fits, in arrival order.
        for (int w = 0; w < _waiting.Count;)
        {
            var waiting = _requests[_waiting[w]]!;
            if (Reserve(waiting))
            {
                _waiting.RemoveAt(w);
                StartRequest(waiting, time);
            }
            else
            {
                w++;
            }
        }
    }

    /// <summary>(Re)starts every link under a segment; after a failure, each link waits for the news from <paramref name="notifier"/> (a path index).</summary>
    private void StartSubtree(Request request, int id, long time, int notifier)
    {
        var segment = request.Segments[id];
        segment.Generation++;
        segment.Ready = false;
        segment.Consumed = false;
        if (segment.Left >= 0)
        {
            StartSubtree(request, segment.Left, time, notifier);
            StartSubtree(request, segment.Right, time, notifier);
            return;
        }
        Settle(segment, time);
        long start = time;
        if (notifier >= 0)
        {
            int n = request.Path[notifier];
            start += Math.Max(_network.Delay(n, request.Path[segment.Lo]), _network.Delay(n, request.Path[segment.Lo + 1]));
        }
        var link = request.Links[segment.Lo];
        long attempts = _random.Geometric(link.Success);
        long done = link.CompletionTime(start, attempts);
        if (done > _maxTimePs) TimeLimit($"link {Name(link.From)}–{Name(link.To)} needed {attempts} attempts");
        segment.Attempting = true;
        segment.AttemptStart = start;
        segment.AttemptsPlanned = attempts;
        Schedule(done, HeraldEvent, segment);
    }

    private void TimeLimit(string what)
    {
        throw SimulationLimitException.PastTimeLimit(_maxTimePs, what);
    }

    /// <summary>
    /// Counts the attempts a link has made by <paramref name="time"/> when it stops early (its pair
    /// is no longer wanted); a link that heralds counts all of its attempts.
    /// </summary>
    private void Settle(Segment leaf, long time)
    {
        if (!leaf.Attempting) return;
        leaf.Attempting = false;
        var link = _requests[leaf.Request]!.Links[leaf.Lo];
        long made = leaf.AttemptsPlanned;
        if (link.CompletionTime(leaf.AttemptStart, made) > time)
        {
            long lo = 0, hi = made; // the most attempts that have ended by time
            while (lo < hi)
            {
                long mid = lo + (hi - lo + 1) / 2;
                if (link.CompletionTime(leaf.AttemptStart, mid) <= time) lo = mid; else hi = mid - 1;
            }
            made = lo;
        }
        _requests[leaf.Request]!.Attempts += made;
        _attempts += made;
    }

    private void OnHerald(Segment segment, int generation, long time)
    {
        if (generation != segment.Generation) return;
        long attemptStart = segment.AttemptStart;
        Settle(segment, time);
        var link = _requests[segment.Request]!.Links[segment.Lo];
        if (Record is not null)
        {
            Record(Name(link.From), $"link pair ({segment.AttemptsPlanned} attempt(s))", attemptStart, time);
            Record(Name(link.To), $"link pair ({segment.AttemptsPlanned} attempt(s))", attemptStart, time);
        }
        segment.Ready = true;
        segment.State = link.Generated;
        segment.LastUpdate = segment.Oldest = segment.FormedAt = time;
        segment.FormedAtIndex = -1;
        OnReady(segment, time);
    }

    /// <summary>When the end at path index <paramref name="index"/> knows this pair exists.</summary>
    private long KnownAt(Segment segment, int index)
    {
        if (segment.FormedAtIndex < 0) return segment.FormedAt;
        var path = _requests[segment.Request]!.Path;
        return segment.FormedAt + _network.Delay(path[segment.FormedAtIndex], path[index]);
    }

    private void OnReady(Segment segment, long time)
    {
        var request = _requests[segment.Request]!;
        if (request.Asap is not null)
        {
            OnAsapLinkReady(request, segment, time);
            return;
        }
        if (segment.Parent < 0)
        {
            long delivered = Math.Max(KnownAt(segment, 0), KnownAt(segment, request.Path.Length - 1));
            if (delivered > _maxTimePs) TimeLimit($"the pair between {Name(request.Path[0])} and {Name(request.Path[^1])} was delivered after it");
            Schedule(delivered, DeliverEvent, segment);
            return;
        }
        var parent = request.Segments[segment.Parent];
        var sibling = request.Segments[parent.Left == segment.Id ? parent.Right : parent.Left];
        if (!sibling.Ready || sibling.Consumed)
        {
            if (segment.Cutoff is { } cutoff) Schedule(Math.Max(time, segment.Oldest + cutoff), CutoffEvent, segment);
            return;
        }
        long start = Math.Max(time, Math.Max(KnownAt(segment, parent.SwapAt), KnownAt(sibling, parent.SwapAt)));
        // A pair that would pass its cutoff before the swap starts is discarded at the cutoff instead.
        if (PastCutoff(segment, start, time) || PastCutoff(sibling, start, time)) return;
        segment.Consumed = sibling.Consumed = true;
        var node = _network.Nodes[request.Path[parent.SwapAt]];
        long swapTime = node.Kind == NodeKind.Repeater ? node.SwapTimePs : node.TwoQubitGateTimePs + node.MeasureTimePs;
        parent.SwapStart = start;
        long swapped = SimTime.After(start, swapTime);
        if (swapped > _maxTimePs) TimeLimit($"swap at {node.Name}");
        Schedule(swapped, SwapEvent, parent);
    }

    private bool PastCutoff(Segment child, long swapStart, long now)
    {
        if (child.Cutoff is not { } c || swapStart <= child.Oldest + c) return false;
        Schedule(Math.Max(now, child.Oldest + c), CutoffEvent, child);
        return true;
    }

    private void OnSwap(Segment parent, int generation, long time)
    {
        if (generation != parent.Generation) return;
        var request = _requests[parent.Request]!;
        var left = request.Segments[parent.Left];
        var right = request.Segments[parent.Right];
        Age(left, parent.SwapStart);
        Age(right, parent.SwapStart);
        var node = _network.Nodes[request.Path[parent.SwapAt]];
        double success = node.Kind == NodeKind.Repeater ? node.SwapSuccess : 1;
        bool swapped = _random.Chance(success);
        Record?.Invoke(node.Name, swapped ? "swap" : "swap (failed)", parent.SwapStart, time);
        if (!swapped)
        {
            StartSubtree(request, parent.Id, time, parent.SwapAt);
            return;
        }
        double e = node.MeasureError;
        var state = left.State.Compose(right.State);
        if (e > 0) state = state.Compose(new BellDiagonal((1 - e) * (1 - e), e * (1 - e), e * e, e * (1 - e)));
        parent.State = state;
        parent.Ready = true;
        parent.Consumed = false;
        parent.Oldest = Math.Min(left.Oldest, right.Oldest);
        parent.LastUpdate = parent.SwapStart;
        parent.FormedAt = time;
        parent.FormedAtIndex = parent.SwapAt;
        OnReady(parent, time);
    }

    private void OnCutoff(Segment segment, int generation, long time)
    {
        if (_requests[segment.Request]!.Asap is not null)
        {
            OnAsapCutoff(_requests[segment.Request]!, segment, generation, time);
            return;
        }
        if (generation != segment.Generation || !segment.Ready || segment.Consumed) return;
        StartSubtree(_requests[segment.Request]!, segment.Id, time, -1);
    }

    private void OnDeliver(Segment root, int generation, long time)
    {
        if (generation != root.Generation) return;
        var request = _requests[root.Request]!;
        Age(root, time);
        root.Consumed = true;
        request.RawPairs++;
        if (request.Policy.Active && root.State.Fidelity < request.Policy.TargetFidelity)
        {
            Store(request, root.Request, 0, root.State, time);
            StartSubtree(request, root.Id, time, -1); // the links are free again: make the next raw pair
            return;
        }
        Finish(request, root.State, time, rounds: 0);
    }

    private void Finish(Request request, BellDiagonal state, long time, int rounds)
    {
        request.Done = true;
        if (request.Asap is null) SettleAll(request, request.Root, time);
        else for (int i = 0; i < request.Links.Length; i++) Settle(request.Segments[i], time);
        _requests[request.Id] = null; // its pending events are void now
        Free(request, time);
        request.Consumer.PairDelivered(request.Token, new PairDelivery(request.Path[0], request.Path[^1], state, request.RequestedAt, time, request.Attempts,
            request.Policy, rounds, request.RawPairs, request.RoundsTried, request.RoundsPassed));
    }

    private void SettleAll(Request request, int id, long time)
    {
        var segment = request.Segments[id];
        if (segment.Left >= 0)
        {
            SettleAll(request, segment.Left, time);
            SettleAll(request, segment.Right, time);
        }
        else
        {
            Settle(segment, time);
        }
    }

    /// <summary>Keeps a pair at a recurrence level, or, when one is already waiting there, starts a round with both.</summary>
    private void Store(Request request, int id, int level, BellDiagonal state, long time)
    {
        while (request.Stash.Count <= level) request.Stash.Add(null);
        if (request.Stash[level] is not { } waiting)
        {
            request.Stash[level] = (state, time);
            return;
        }
        request.Stash[level] = null;
        var older = AgePair(request, waiting.State, time - waiting.Since);
        // Both ends apply their CNOT and measure, then exchange the outcomes.
        var a = _network.Nodes[request.Path[0]];
        var b = _network.Nodes[request.Path[^1]];
        long local = Math.Max(a.TwoQubitGateTimePs + a.MeasureTimePs, b.TwoQubitGateTimePs + b.MeasureTimePs);
        long done = SimTime.After(SimTime.After(time, local), _network.Delay(request.Path[0], request.Path[^1]));
        if (done > _maxTimePs) TimeLimit($"a distillation round between {Name(request.Path[0])} and {Name(request.Path[^1])}");
        _rounds.Add((id, level, older, state));
        _queue.Schedule(done, this, DistillEvent, 0, _rounds.Count - 1);
    }

    private void OnDistilled(int round, long time)
    {
        var (id, level, first, second) = _rounds[round];
        if (_requests[id] is not { } request) return;
        var policy = request.Policy;
        var (state, success) = Distillation.Round(policy.Protocol, first, second);
        // Past the protocol's fixed point no number of rounds reaches the target.
        var better = first.Fidelity >= second.Fidelity ? first : second;
        if (Distillation.Round(policy.Protocol, better, better).State.Fidelity <= better.Fidelity + 1e-12)
            throw new SimulationLimitException(Diagnostics.PairNeverDelivered, Location.None,
                $"{policy.Protocol} cannot raise pairs of fidelity {Math.Max(first.Fidelity, second.Fidelity):0.####} to the target {policy.TargetFidelity:0.####}");
        request.RoundsTried++;
        if (!_random.Chance(success)) return; // both pairs are lost; raw generation goes on
        request.RoundsPassed++;
        // The kept pair also decayed while the outcomes travelled.
        var a = _network.Nodes[request.Path[0]];
        var b = _network.Nodes[request.Path[^1]];
        long local = Math.Max(a.TwoQubitGateTimePs + a.MeasureTimePs, b.TwoQubitGateTimePs + b.MeasureTimePs);
        state = AgePair(request, state, local + _network.Delay(request.Path[0], request.Path[^1]));
        if (state.Fidelity >= policy.TargetFidelity) Finish(request, state, time, rounds: level + 1);
        else Store(request, id, level + 1, state, time);
    }

    /// <summary>A pair held at the two ends of a request for <paramref name="dt"/>.</summary>
    private BellDiagonal AgePair(Request request, BellDiagonal state, long dt)
    {
        if (dt <= 0) return state;
        return _network.Nodes[request.Path[^1]].Hold(_network.Nodes[request.Path[0]].Hold(state, dt), dt);
    }

    /// <summary>Decoherence of both halves, at their nodes' memories, since the last update.</summary>
    private void Age(Segment segment, long time)
    {
        long dt = time - segment.LastUpdate;
        if (dt <= 0) return;
        var path = _requests[segment.Request]!.Path;
        segment.State = _network.Nodes[path[segment.Hi + 1]].Hold(_network.Nodes[path[segment.Lo]].Hold(segment.State, dt), dt);
        segment.LastUpdate = time;
    }
}
