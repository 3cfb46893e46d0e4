using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation.Events;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>
/// Delivers end-to-end pairs for the encoded repeater generations (`generation = 2 | 3`,
/// docs/simulator.md, "Repeater generations"); the entanglement service hands it every request
/// when the network asks for one of them. Only how a pair is made changes — when it arrives and
/// in which state — never the program that asked for it.
/// <list type="bullet">
/// <item>Generation 2: every link of the route makes d² physical pairs by heralded attempts (one
/// channel per physical qubit of the block, in parallel), teleports them into an encoded Bell pair
/// (a transversal gate and measurement at both ends, outcomes exchanged over the link), and each
/// repeater swaps its two encoded halves as soon as both of its own links are encoded, without
/// waiting for news from farther away; the ends have the pair once every swap's outcome has reached them.</item>
/// <item>Generation 3: the near end encodes one QPC(n, m) photon block per operation time and
/// sends it; each repeater decodes and re-encodes it (an operation time); a block that fails the
/// loss tolerance of any hop is lost and the next one is the next try. The far end has the pair
/// when a block arrives, the near end when the far end's message reaches it.</item>
/// </list>
/// Each encoded operation (an encoding, a swap, a hop) leaves a logical Pauli error with the
/// probability <see cref="RepeaterGeneration.LogicalError"/>: a Werner factor 1 − p_L on the pair.
/// A repeater's `memories` are physical qubits: a generation-2 request takes 2·d² of them at
/// every repeater of its route when it starts (first come, first served, as generation 1 takes
/// 2) and each repeater has them back when its swap measures the two halves, and a generation-3 repeater needs 2·n·m to receive one block while it
/// re-encodes the previous one. Error correction keeps encoded memories from decaying while they
/// wait, so T1 and T2 of the repeaters do not enter before delivery; after it the pair is the program's, as in any generation.
/// </summary>
internal sealed class EncodedRepeaterChain : IEventHandler
{
    private readonly NetworkModel _network;
    private readonly RepeaterGeneration _generation;
    private readonly EventQueue _queue;
    private readonly ShotRandom _random;
    private readonly long _maxTimePs;
    private readonly long _operationPs;
    // Generation 2: physical memories free at each node, and requests waiting for them (first come, first served).
    private readonly int[] _freeMemories;
    private readonly List<Request> _waiting = new();
    // Generation 3: when each node's encoder is free to start its next photon block.
    private readonly long[] _encoderFree;
    // Requests whose delivery is scheduled, by the event's argument; a slot is cleared when it is delivered.
    private readonly List<Request?> _scheduled = new();

    public EncodedRepeaterChain(NetworkModel network, RepeaterGeneration generation, EventQueue queue, ShotRandom random, long maxTimePs)
    {
        _network = network;
        _generation = generation;
        _queue = queue;
        _random = random;
        _maxTimePs = maxTimePs;
        _operationPs = SimTime.FromSeconds(_generation.OperationTime);
        _freeMemories = _network.Nodes.Select(n => n.Memories).ToArray();
        _encoderFree = new long[_network.Nodes.Count];
    }

    private sealed record Request(int[] Path, LinkModel[] Links, long RequestedAt, IPairConsumer Consumer, int Token)
    {
        public PairDelivery Delivery;
    }

    /// <summary>Physical link attempts (generation 2) or photon blocks sent (generation 3) so far.</summary>
    public long Attempts { get; private set; }

    /// <summary>Physical qubits a repeater holds for one pair: two encoded halves of d² (generation 2) or a received and a re-encoded block of n·m (generation 3).</summary>
    private int MemoriesPerPair => _generation.QubitsPerStation;

    public void Submit(int[] path, LinkModel[] links, long time, IPairConsumer consumer, int token, Location location)
    {
        for (int i = 1; i < path.Length - 1; i++)
            if (_network.Nodes[path[i]].Memories < MemoriesPerPair)
                throw new SimulationLimitException(Diagnostics.PairNeverDelivered, location,
                    $"{_network.Nodes[path[i]].Name} has {_network.Nodes[path[i]].Memories} memories, but a generation-{_generation.Generation} repeater needs {MemoriesPerPair} ({Code})");
        var request = new Request(path, links, time, consumer, token);
        if (_generation.Generation == 3)
        {
            Schedule(request, EncodedPhotons(request, time, location));
            return;
        }
        if (!Reserve(request))
        {
            _waiting.Add(request);
            return;
        }
        StartEncodedLinks(request, time);
    }

    private string Code => _generation.Generation == 2
        ? $"two surface-code blocks of {_generation.CodeDistance}² qubits"
        : $"a received and a re-encoded QPC({_generation.QpcBlocks}, {_generation.QpcPhotons}) block of {_generation.QpcBlocks * _generation.QpcPhotons} photons' qubits";

    private bool Reserve(Request request)
    {
        for (int i = 1; i < request.Path.Length - 1; i++)
            if (_freeMemories[request.Path[i]] < MemoriesPerPair) return false;
        for (int i = 1; i < request.Path.Length - 1; i++) _freeMemories[request.Path[i]] -= MemoriesPerPair;
        return true;
    }

    private const int DeliverEvent = 0, ReleaseEvent = 1;

    private void Schedule(Request request, (long Delivered, BellDiagonal State, long Attempts) made, long[]? swaps = null)
    {
        if (made.Delivered > _maxTimePs)
            throw SimulationLimitException.PastTimeLimit(_maxTimePs,
                $"the encoded pair between {_network.Nodes[request.Path[0]].Name} and {_network.Nodes[request.Path[^1]].Name} was delivered after it");
        Attempts += made.Attempts;
        request.Delivery = new PairDelivery(request.Path[0], request.Path[^1], made.State, request.RequestedAt, made.Delivered, made.Attempts);
        // Each repeater's swap measures its two encoded halves: their memories are free from then on.
        if (swaps is not null)
            for (int k = 1; k < request.Path.Length - 1; k++) _queue.Schedule(swaps[k], this, ReleaseEvent, request.Path[k]);
        _scheduled.Add(request);
        _queue.Schedule(made.Delivered, this, DeliverEvent, _scheduled.Count - 1);
    }

    public void Handle(int kind, int arg, long data, long time)
    {
        if (kind == ReleaseEvent)
        {
            _freeMemories[arg] += MemoriesPerPair;
            // First come, first served: start every waiting request that now fits, in arrival order.
            for (int w = 0; w < _waiting.Count;)
            {
                var waiting = _waiting[w];
                if (!Reserve(waiting))
                {
                    w++;
                    continue;
                }
                _waiting.RemoveAt(w);
                StartEncodedLinks(waiting, time);
            }
            return;
        }
        if (_scheduled[arg] is not { } request) return;
        _scheduled[arg] = null;
        request.Consumer.PairDelivered(request.Token, request.Delivery);
    }

    private void StartEncodedLinks(Request request, long time)
    {
        var swaps = new long[request.Path.Length];
        Schedule(request, EncodedLinks(request, time, swaps), swaps);
    }

    /// <summary>Generation 2: encoded links, then swaps that start as soon as the repeater's own two links are encoded.</summary>
    /// <remarks><paramref name="swaps"/> receives when each repeater's swap ends, by path index.</remarks>
    private (long Delivered, BellDiagonal State, long Attempts) EncodedLinks(Request request, long time, long[] swaps)
    {
        var (path, links) = (request.Path, request.Links);
        int block = _generation.CodeDistance * _generation.CodeDistance;
        long operation = _operationPs;
        var ready = new long[links.Length];
        long attempts = 0;
        var state = BellDiagonal.Perfect;
        for (int i = 0; i < links.Length; i++)
        {
            long slowest = 0;
            for (int j = 0; j < block; j++)
            {
                long channel = _random.Geometric(links[i].Success);
                attempts += channel;
                slowest = Math.Max(slowest, channel);
            }
            // The teleportation-based encoding needs both ends' outcomes: one message each way, at once.
            ready[i] = SimTime.After(SimTime.After(links[i].CompletionTime(time, slowest), operation), _network.Delay(path[i], path[i + 1]));
            // A physical pair's infidelity enters the encoding like one more operation error.
            double error = _generation.PhysicalError + (1 - links[i].Generated.Fidelity);
            state = state.Compose(BellDiagonal.Werner(1 - _generation.LogicalError(error)));
        }
        long delivered = Math.Max(ready[0], ready[^1]);
        for (int k = 1; k < path.Length - 1; k++)
        {
            long swapped = SimTime.After(Math.Max(ready[k - 1], ready[k]), operation);
            swaps[k] = swapped;
            delivered = Math.Max(delivered, Math.Max(SimTime.After(swapped, _network.Delay(path[k], path[0])), SimTime.After(swapped, _network.Delay(path[k], path[^1]))));
            state = state.Compose(BellDiagonal.Werner(1 - _generation.LogicalError(_generation.PhysicalError)));
        }
        return (delivered, state, attempts);
    }

    /// <summary>Generation 3: photon blocks sent one per operation time until one crosses every hop.</summary>
    private (long Delivered, BellDiagonal State, long Attempts) EncodedPhotons(Request request, long time, Location location)
    {
        var (path, links) = (request.Path, request.Links);
        double success = 1;
        long flight = 0;
        long operation = _operationPs;
        var state = BellDiagonal.Perfect;
        var hop = BellDiagonal.Werner(1 - _generation.LogicalError(_generation.PhysicalError));
        foreach (var link in links)
        {
            // A photon of the block crosses the hop with the link's one-photon success (η·η_d for a direct link).
            success *= RepeaterGeneration.QpcHopSuccess(link.Success, _generation.QpcBlocks, _generation.QpcPhotons);
            // The block travels the hop, then is decoded and re-encoded (at the far end: decoded).
            flight = SimTime.After(SimTime.After(flight, link.OneWayPs), operation);
            state = state.Compose(hop);
        }
        if (success <= 0)
            throw new SimulationLimitException(Diagnostics.PairNeverDelivered, location,
                $"no QPC({_generation.QpcBlocks}, {_generation.QpcPhotons}) photon block crosses the route from {_network.Nodes[path[0]].Name} to {_network.Nodes[path[^1]].Name} (its success probability is 0)");
        long blocks = _random.Geometric(success);
        // The near end's encoder makes one block per operation time, for one request after another:
        // this request's k-th block leaves once k more encodings are done.
        long start = Math.Max(time, _encoderFree[path[0]]);
        long sent = operation > 0 && blocks > (long.MaxValue - start) / operation ? long.MaxValue : start + blocks * operation;
        _encoderFree[path[0]] = sent;
        long arrived = SimTime.After(sent, flight);
        long delivered = SimTime.After(arrived, _network.Delay(path[^1], path[0]));
        return (delivered, state, blocks);
    }
}
