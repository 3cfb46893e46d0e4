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
        return circuit with { Operations = Route(circuit.Operations, circuit, router, location, context) };
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
