using System.Collections.Immutable;
using QNetLang.Core;

namespace QNetLang.Ir;

public enum LinkKind
{
    Fiber,
    FreeSpace,
    Satellite,
}

/// <summary>How a link heralds a pair (the link's `scheme`; docs/simulator.md §8).</summary>
public enum HeraldingScheme
{
    /// <summary>A photon crosses the whole link and is detected at the far end.</summary>
    Direct,
    /// <summary>Both nodes emit a weak bright state towards a midpoint station; one click heralds.</summary>
    SingleClick,
    /// <summary>Both nodes emit a photon towards a midpoint Bell-state analyser; two clicks herald (Barrett–Kok).</summary>
    DoubleClick,
    /// <summary>A midpoint source sends one photon of a pair to each node; both detections herald.</summary>
    Source,
}

/// <summary>
/// A property value: a number with a dimension, in canonical units (see <see cref="Quantity"/>),
/// or a symbol such as a link kind.
/// </summary>
public sealed record PropertyValue(Quantity? Number, string? Symbol)
{
    public static PropertyValue Of(Quantity quantity) => new(quantity, null);

    public static PropertyValue OfSymbol(string symbol) => new(null, symbol);

    public override string ToString() => Number?.ToString() ?? Symbol ?? "";
}

/// <summary>A node of the network with its properties (defaults already filled in by the binder).</summary>
public sealed record NetworkNode(string Name, NodeKind Kind, ImmutableSortedDictionary<string, PropertyValue> Properties)
{
    /// <summary>The node's parameters, typed (read from <see cref="Properties"/>, where the binder put every default).</summary>
    public NodeSpec Spec => NodeSpec.Of(this);

    /// <summary>Program qubits this node can hold: <c>qubits</c> for QPUs and end nodes, 0 for repeaters.</summary>
    public int DataQubits => NodeSpec.DataQubitsOf(this);

    /// <summary>Communication qubits (QPUs), memories (repeaters) or photon slots (end nodes).</summary>
    public int CommQubits => NodeSpec.CommQubitsOf(this);
}

/// <summary>An undirected link; <see cref="From"/> and <see cref="To"/> are node names as written.</summary>
public sealed record NetworkLink(string From, string To, ImmutableSortedDictionary<string, PropertyValue> Properties)
{
    /// <summary>The link's parameters, typed (read from <see cref="Properties"/>, where the binder put every default).</summary>
    public LinkSpec Spec => LinkSpec.Of(this);

    public LinkKind Kind => Properties.TryGetValue("kind", out var v) ? v.Symbol switch
    {
        "free_space" => LinkKind.FreeSpace,
        "satellite" => LinkKind.Satellite,
        _ => LinkKind.Fiber,
    } : LinkKind.Fiber;

    public HeraldingScheme Scheme => Properties.TryGetValue("scheme", out var v) ? v.Symbol switch
    {
        "single_click" => HeraldingScheme.SingleClick,
        "double_click" => HeraldingScheme.DoubleClick,
        "source" => HeraldingScheme.Source,
        _ => HeraldingScheme.Direct,
    } : HeraldingScheme.Direct;

    /// <summary>Length in metres.</summary>
    public double Length => Properties.TryGetValue("length", out var v) && v.Number is { } q
        ? q.Value
        : throw new InvalidOperationException($"link {From} -- {To} has no length: the network binder fills in every default");

    public bool Joins(string a, string b) => From == a && To == b || From == b && To == a;

    public string Other(string node) => node == From ? To : From;
}

/// <summary>The hardware a program runs on: nodes, links and network-wide settings.</summary>
public sealed record Network(string Name, ImmutableArray<NetworkNode> Nodes, ImmutableArray<NetworkLink> Links, ImmutableSortedDictionary<string, PropertyValue> Properties)
{
    /// <summary>Speed of light in fibre (m/s), for heralding signals and classical messages; the schema gives its default.</summary>
    public double FiberSpeed => Properties.TryGetValue("fiber_speed", out var v) && v.Number is { } q
        ? q.Value
        : throw new InvalidOperationException($"network {Name} has no fiber_speed: the network binder fills in every default");

    /// <summary>The constant processing delay of every classical message between two nodes (seconds); 0 when not given.</summary>
    public double ClassicalDelay => Properties.TryGetValue("classical_delay", out var v) && v.Number is { } q ? q.Value : 0;

    /// <summary>Whether repeaters swap as soon as both of their links hold pairs (`swap = asap`) instead of in nested order.</summary>
    public bool SwapAsap => Properties.TryGetValue("swap", out var v) && v.Symbol == "asap";

    /// <summary>Whether each link end's memories are a pool of slots that regenerate as soon as they are freed (`link_memories = pooled`) instead of being held by a request until its pair is delivered.</summary>
    public bool PooledMemories => Properties.TryGetValue("link_memories", out var v) && v.Symbol == "pooled";

    /// <summary>Whether a link's upstream end asks the other end for a free slot before each attempt (`link_pairing = request`) instead of both ends starting once both have one.</summary>
    public bool PairingByRequest => Properties.TryGetValue("link_pairing", out var v) && v.Symbol == "request";

    public NetworkNode? FindNode(string name) => Nodes.FirstOrDefault(n => n.Name == name);

    public IEnumerable<NetworkLink> LinksOf(string node) => Links.Where(l => l.From == node || l.To == node);

    public NetworkLink? FindLink(string a, string b) => Links.FirstOrDefault(l => l.Joins(a, b));

    /// <summary>
    /// The connected component of every node (numbered from 0 in node order). Callers that
    /// only ask "are a and b connected?" many times compute this once instead of searching a
    /// path per question.
    /// </summary>
    public IReadOnlyDictionary<string, int> Components()
    {
        var component = new Dictionary<string, int>(StringComparer.Ordinal);
        var adjacent = Nodes.ToDictionary(n => n.Name, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var link in Links)
        {
            if (!adjacent.ContainsKey(link.From) || !adjacent.ContainsKey(link.To)) continue;
            adjacent[link.From].Add(link.To);
            adjacent[link.To].Add(link.From);
        }
        int next = 0;
        foreach (var start in Nodes)
        {
            if (component.ContainsKey(start.Name)) continue;
            var stack = new Stack<string>();
            stack.Push(start.Name);
            component[start.Name] = next;
            while (stack.Count > 0)
                foreach (var neighbour in adjacent[stack.Pop()])
                    if (component.TryAdd(neighbour, next)) stack.Push(neighbour);
            next++;
        }
        return component;
    }

    /// <summary>True when a chain of links joins the two nodes (both must exist).</summary>
    public static bool Connected(IReadOnlyDictionary<string, int> components, string a, string b) =>
        components.TryGetValue(a, out int x) && components.TryGetValue(b, out int y) && x == y;
}
