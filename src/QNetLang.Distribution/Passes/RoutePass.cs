using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Distribution.Passes;

/// <summary>Gives every Bell pair its route through the network (repeaters swap along it).</summary>
public sealed class RoutePass : IPass
{
    public string Name => "route";

    public IReadOnlyList<string> Requires => [CircuitProperties.Placed, CircuitProperties.Local];

    public IReadOnlyList<string> Guarantees => [CircuitProperties.Routed];

    public Circuit Run(Circuit circuit, PassContext context)
    {
        var router = new Router(circuit.Network);
        var location = new LocationTracker(circuit);
        var routed = circuit with { Operations = Route(circuit.Operations, circuit, router, location, context) };
        WarnAboutSlowLinks(routed, context);
        return routed;
    }

    /// <summary>QN3005, once per link: a routed pair over a link whose expected pair time is beyond the run's time limit.</summary>
    private static void WarnAboutSlowLinks(Circuit circuit, PassContext context)
    {
        var warned = new HashSet<NetworkLink>();
        // A link's physics once, not once per pair routed over it (hundreds of thousands).
        var expectedOf = new Dictionary<NetworkLink, double>(ReferenceEqualityComparer.Instance);
        foreach (var epr in circuit.AllOperations().OfType<EprOperation>())
            for (int i = 0; i + 1 < epr.Path.Length; i++)
            {
                var link = circuit.Network.FindLink(epr.Path[i], epr.Path[i + 1])!;
                if (!expectedOf.TryGetValue(link, out double expected)) expectedOf[link] = expected = LinkPhysics.Of(link, circuit.Network).ExpectedSeconds;
                if (expected <= context.MaxTimeSeconds || !warned.Add(link)) continue;
                context.Diagnostics.Report(Diagnostics.PairSlowerThanTimeLimit, epr.Location, epr.Path[0], epr.Path[^1],
                    Units.FormatNumber(expected), $"{link.From}–{link.To}", Units.FormatNumber(context.MaxTimeSeconds));
            }
    }

    private static ImmutableArray<Operation> Route(ImmutableArray<Operation> operations, Circuit circuit, Router router, LocationTracker location, PassContext context)
    {
        var output = ImmutableArray.CreateBuilder<Operation>(operations.Length);
        foreach (var op in operations)
        {
            switch (op)
            {
                case EprOperation e when e.Path.IsEmpty:
                {
                    string a = location.NodeOf(e.First)!, b = location.NodeOf(e.Second)!;
                    if (router.Route(a, b) is { } path) output.Add(e with { Path = path });
                    else
                    {
                        context.Diagnostics.Report(Diagnostics.NoRoute, e.Location, a, b, circuit.Network.Name);
                        output.Add(e);
                    }
                    break;
                }
                case IfOperation i:
                    output.Add(i with { Then = Route(i.Then, circuit, router, location.Clone(), context), Else = Route(i.Else, circuit, router, location.Clone(), context) });
                    break;
                default:
                    output.Add(op);
                    break;
            }
            location.Apply(op);
        }
        return output.ToImmutable();
    }
}
