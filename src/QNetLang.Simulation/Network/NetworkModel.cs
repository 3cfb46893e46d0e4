using QNetLang.Ir;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>
/// The network as the simulator sees it: nodes by index with their device models, links with
/// their physics (<see cref="LinkModel"/>, from the shared <see cref="LinkPhysics"/>), and
/// classical delays (the fastest path, each link's length over its propagation speed from
/// <see cref="LinkPhysics"/>: fiber_speed in fibre, c in free space, cached per source, plus
/// the network's constant `classical_delay` per message). Built
/// once per run and shared read-only by all shots. Entanglement routes are not chosen here:
/// they come with the program (or from the shared <see cref="Router"/> for pair streams).
/// </summary>
public sealed class NetworkModel
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, int), LinkModel> _links = new();
    private readonly List<(int Neighbour, long DelayPs)>[] _adjacency;
    private readonly long[]?[] _delays;
    private readonly long _processingPs;

    public NetworkModel(Ir.Network network)
    {
        Source = network;
        Generation = RepeaterGeneration.Of(network);
        Nodes = network.Nodes.Select(NodeModel.From).ToArray();
        for (int i = 0; i < Nodes.Count; i++) _index[Nodes[i].Name] = i;
        _adjacency = Enumerable.Range(0, Nodes.Count).Select(_ => new List<(int, long)>()).ToArray();
        _delays = new long[]?[Nodes.Count];
        _processingPs = SimTime.FromSeconds(network.ClassicalDelay);
        foreach (var link in network.Links)
        {
            int a = _index[link.From], b = _index[link.To];
            var model = LinkModel.Create(link, network, a, b);
            _links[(a, b)] = model;
            _links[(b, a)] = model with { From = b, To = a };
            _adjacency[a].Add((b, model.OneWayPs));
            _adjacency[b].Add((a, model.OneWayPs));
        }

    }

    public Ir.Network Source { get; }

    /// <summary>The repeater generation (`generation`, 1 when absent) and its encoded parameters (EncodedRepeaterChain.cs).</summary>
    public RepeaterGeneration Generation { get; }

    /// <summary>`swap = asap`: repeaters swap as soon as both of their links hold pairs (AsapSwapping.cs).</summary>
    public bool SwapAsap => Source.SwapAsap;

    /// <summary>`link_memories = pooled`: each link end's memories are a pool of slots (PooledLinkLayer.cs).</summary>
    public bool PooledMemories => Source.PooledMemories;

    /// <summary>`link_pairing = request`: the upstream end of a link asks the other end for a slot before each attempt (PooledLinkLayer.cs).</summary>
    public bool PairingByRequest => Source.PairingByRequest;

    public IReadOnlyList<NodeModel> Nodes { get; }

    public int IndexOf(string node) => _index[node];

    public bool TryIndexOf(string node, out int index) => _index.TryGetValue(node, out index);

    public LinkModel? Link(int a, int b) => _links.GetValueOrDefault((a, b));

    /// <summary>
    /// Classical message delay from <paramref name="from"/> to <paramref name="to"/>: its travel
    /// along the fastest path plus the network's constant processing delay (`classical_delay`).
    /// </summary>
    public long Delay(int from, int to)
    {
        if (from == to || from < 0 || to < 0) return 0;
        var row = _delays[from];
        if (row is null)
        {
            row = Bfs(from);
            _delays[from] = row;
        }
        return row[to] + _processingPs;
    }

    /// <summary>Dijkstra over one-way link delays: a message takes the fastest path.</summary>
    private long[] Bfs(int from)
    {
        var delay = new long[Nodes.Count];
        Array.Fill(delay, long.MaxValue);
        delay[from] = 0;
        var queue = new PriorityQueue<int, long>();
        queue.Enqueue(from, 0);
        while (queue.TryDequeue(out int current, out long d))
        {
            if (d > delay[current]) continue;
            foreach (var (next, step) in _adjacency[current])
            {
                long candidate = d + step;
                if (candidate >= delay[next]) continue;
                delay[next] = candidate;
                queue.Enqueue(next, candidate);
            }
        }
        // Unreachable nodes never exchange messages (the compiler refuses such programs).
        for (int i = 0; i < delay.Length; i++) if (delay[i] == long.MaxValue) delay[i] = 0;
        return delay;
    }
}
