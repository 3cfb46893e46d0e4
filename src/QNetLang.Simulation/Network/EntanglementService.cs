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
/// for exactly the time they wait, classical messages included.
/// </summary>
public sealed class EntanglementService : IEventHandler
{
    private const int StartEvent = 0, HeraldEvent = 1, SwapEvent = 2, CutoffEvent = 3, DeliverEvent = 4;

    private readonly NetworkModel _network;
    private readonly EventQueue _queue;
    private readonly ShotRandom _random;
    private readonly long _maxTimePs;
    private readonly List<Request> _requests = new();
    private readonly List<Segment> _segments = new();
    private readonly int[] _freeMemories;
    private readonly List<int> _waiting = new();

    public EntanglementService(NetworkModel network, EventQueue queue, ShotRandom random, long maxTimePs)
    {
        _network = network;
        _queue = queue;
        _random = random;
        _maxTimePs = maxTimePs;
        _freeMemories = network.Nodes.Select(n => n.Memories).ToArray();
    }

    /// <summary>Elementary-link attempts started so far in this shot.</summary>
    public long Attempts { get; private set; }

    private sealed class Request
    {
        public required int[] Path;
        public required LinkModel[] Links;
        public required IPairConsumer Consumer;
        public required int Token;
        public required long RequestedAt;
        public int Root;
        public long Attempts;
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
        for (int i = 1; i < path.Length - 1; i++)
            if (_network.Nodes[path[i]].Memories < 2)
                throw new SimulationLimitException(Diagnostics.PairNeverDelivered, location, $"{Name(path[i])} has {_network.Nodes[path[i]].Memories} memory, but a swap there needs 2");
        var request = new Request { Path = path, Links = links, Consumer = consumer, Token = token, RequestedAt = time };
        int id = _requests.Count;
        _requests.Add(request);
        request.Root = Build(id, 0, links.Length - 1, -1);
        _queue.Schedule(time, this, StartEvent, id);
    }

    private string Name(int node) => _network.Nodes[node].Name;

    private int Build(int request, int lo, int hi, int parent)
    {
        int id = _segments.Count;
        var segment = new Segment { Id = id, Request = request, Lo = lo, Hi = hi, Parent = parent };
        _segments.Add(segment);
        var links = _requests[request].Links;
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
        switch (kind)
        {
            case StartEvent: TryStart(arg, time); break;
            case HeraldEvent: OnHerald(_segments[arg], (int)data, time); break;
            case SwapEvent: OnSwap(_segments[arg], (int)data, time); break;
            case CutoffEvent: OnCutoff(_segments[arg], (int)data, time); break;
            case DeliverEvent: OnDeliver(_segments[arg], (int)data, time); break;
        }
    }

    private void TryStart(int id, long time)
    {
        var request = _requests[id];
        if (!Reserve(request))
        {
            _waiting.Add(id);
            return;
        }
        StartSubtree(request.Root, time, -1);
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
            var waiting = _requests[_waiting[w]];
            if (Reserve(waiting))
            {
                _waiting.RemoveAt(w);
                StartSubtree(waiting.Root, time, -1);
            }
            else
            {
                w++;
            }
        }
    }

    /// <summary>(Re)starts every link under a segment; after a failure, each link waits for the news from <paramref name="notifier"/> (a path index).</summary>
    private void StartSubtree(int id, long time, int notifier)
    {
        var segment = _segments[id];
        segment.Generation++;
        segment.Ready = false;
        segment.Consumed = false;
        if (segment.Left >= 0)
        {
            StartSubtree(segment.Left, time, notifier);
            StartSubtree(segment.Right, time, notifier);
            return;
        }
        var request = _requests[segment.Request];
        long start = time;
        if (notifier >= 0)
        {
            int n = request.Path[notifier];
            start += Math.Max(_network.Delay(n, request.Path[segment.Lo]), _network.Delay(n, request.Path[segment.Lo + 1]));
        }
        var link = request.Links[segment.Lo];
        long attempts = _random.Geometric(link.Success);
        long done = link.CompletionTime(start, attempts);
        CheckTime(done, $"link {Name(link.From)}–{Name(link.To)} needed {attempts} attempts");
        request.Attempts += attempts;
        Attempts += attempts;
        _queue.Schedule(done, this, HeraldEvent, id, segment.Generation);
    }

    private void CheckTime(long time, string what)
    {
        if (time > _maxTimePs)
            throw new SimulationLimitException(Diagnostics.SimulatedTimeLimit, Location.None, SimTime.ToSeconds(_maxTimePs).ToString("R", System.Globalization.CultureInfo.InvariantCulture), what);
    }

    private void OnHerald(Segment segment, int generation, long time)
    {
        if (generation != segment.Generation) return;
        var link = _requests[segment.Request].Links[segment.Lo];
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
        var path = _requests[segment.Request].Path;
        return segment.FormedAt + _network.Delay(path[segment.FormedAtIndex], path[index]);
    }

    private void OnReady(Segment segment, long time)
    {
        var request = _requests[segment.Request];
        if (segment.Parent < 0)
        {
            long delivered = Math.Max(KnownAt(segment, 0), KnownAt(segment, request.Path.Length - 1));
            _queue.Schedule(delivered, this, DeliverEvent, request.Root, segment.Generation);
            return;
        }
        var parent = _segments[segment.Parent];
        var sibling = _segments[parent.Left == segment.Id ? parent.Right : parent.Left];
        if (!sibling.Ready || sibling.Consumed)
        {
            if (segment.Cutoff is { } cutoff) _queue.Schedule(Math.Max(time, segment.Oldest + cutoff), this, CutoffEvent, segment.Id, segment.Generation);
            return;
        }
        long start = Math.Max(time, Math.Max(KnownAt(segment, parent.SwapAt), KnownAt(sibling, parent.SwapAt)));
        // A pair that would pass its cutoff before the swap starts is discarded at the cutoff instead.
        if (PastCutoff(segment, start, time) || PastCutoff(sibling, start, time)) return;
        segment.Consumed = sibling.Consumed = true;
        var node = _network.Nodes[request.Path[parent.SwapAt]];
        long swapTime = node.Kind == NodeKind.Repeater ? node.SwapTimePs : node.TwoQubitGateTimePs + node.MeasureTimePs;
        parent.SwapStart = start;
        CheckTime(start + swapTime, $"swap at {node.Name}");
        _queue.Schedule(start + swapTime, this, SwapEvent, parent.Id, parent.Generation);
    }

    private bool PastCutoff(Segment child, long swapStart, long now)
    {
        if (child.Cutoff is not { } c || swapStart <= child.Oldest + c) return false;
        _queue.Schedule(Math.Max(now, child.Oldest + c), this, CutoffEvent, child.Id, child.Generation);
        return true;
    }

    private void OnSwap(Segment parent, int generation, long time)
    {
        if (generation != parent.Generation) return;
        var request = _requests[parent.Request];
        var left = _segments[parent.Left];
        var right = _segments[parent.Right];
        Age(left, parent.SwapStart);
        Age(right, parent.SwapStart);
        var node = _network.Nodes[request.Path[parent.SwapAt]];
        double success = node.Kind == NodeKind.Repeater ? node.SwapSuccess : 1;
        if (!_random.Chance(success))
        {
            StartSubtree(parent.Id, time, parent.SwapAt);
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
        if (generation != segment.Generation || !segment.Ready || segment.Consumed) return;
        StartSubtree(segment.Id, time, -1);
    }

    private void OnDeliver(Segment root, int generation, long time)
    {
        if (generation != root.Generation) return;
        var request = _requests[root.Request];
        Age(root, time);
        root.Consumed = true;
        Free(request, time);
        request.Consumer.PairDelivered(request.Token, new PairDelivery(request.Path[0], request.Path[^1], root.State, request.RequestedAt, time, request.Attempts));
    }

    /// <summary>Decoherence of both halves, at their nodes' memories, since the last update.</summary>
    private void Age(Segment segment, long time)
    {
        long dt = time - segment.LastUpdate;
        if (dt <= 0) return;
        var path = _requests[segment.Request].Path;
        AgeAt(segment, path[segment.Lo], dt);
        AgeAt(segment, path[segment.Hi + 1], dt);
        segment.LastUpdate = time;
    }

    private void AgeAt(Segment segment, int end, long dt)
    {
        var node = _network.Nodes[end];
        if (node.T1 is null && node.T2 is null) return;
        var (x, y, z) = MemoryDecay.For(node.T1, node.T2, SimTime.ToSeconds(dt)).Twirled;
        segment.State = segment.State.WithPauliNoise(x, y, z);
    }
}
