using System.Collections.Immutable;
using QNetLang.Compiler;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Tests;

/// <summary>The validator catches broken IR (it guards every pass, so it must not be toothless).</summary>
public class IrValidatorTests
{
    private static Circuit Sample()
    {
        var network = NetworkFactory.AllToAll(2, 2);
        return new Circuit("t", network,
            [new QubitInfo(0, "q[0]", "qpu0"), new QubitInfo(1, "q[1]", "qpu1")],
            [new BitInfo(0, "c", 0)],
            [new GateOperation(GateCatalog.Get("cx"), [], [0, 1], Location.None), new MeasureOperation(0, 0, Location.None)]);
    }

    [Fact]
    public void ValidCircuitPasses() => Assert.Empty(IrValidator.Validate(Sample()));

    [Fact]
    public void BrokenCircuitsAreCaught()
    {
        var c = Sample();
        Assert.NotEmpty(IrValidator.Validate(c with { Operations = [new GateOperation(GateCatalog.Get("cx"), [], [0, 0], Location.None)] }));
        Assert.NotEmpty(IrValidator.Validate(c with { Operations = [new GateOperation(GateCatalog.Get("h"), [], [5], Location.None)] }));
        Assert.NotEmpty(IrValidator.Validate(c with { Operations = [new GateOperation(GateCatalog.Get("rz"), [], [0], Location.None)] }));
        Assert.NotEmpty(IrValidator.Validate(c with { Operations = [new MeasureOperation(0, 3, Location.None)] }));
        Assert.NotEmpty(IrValidator.Validate(c with { Operations = [new EprOperation(0, 0, Location.None)] }));
        Assert.NotEmpty(IrValidator.Validate(c with { Operations = [new TeleportOperation(0, "mars", Location.None)] }));
        Assert.NotEmpty(IrValidator.Validate(c with { Operations = [new EprOperation(0, 1, Location.None) { Path = ["qpu1", "qpu0"] }] }));
        Assert.Empty(IrValidator.Validate(c with { Operations = [new EprOperation(0, 1, Location.None) { Path = ["qpu0", "qpu1"] }] }));
        Assert.NotEmpty(IrValidator.Validate(c with { Qubits = [new QubitInfo(0, "q[0]", "nowhere"), c.Qubits[1]] }));
        Assert.NotEmpty(IrValidator.Validate(c with
        {
            Operations = [new IfOperation(new BitCondition(0, true), [new TeleportOperation(0, "qpu1", Location.None)], ImmutableArray<Operation>.Empty, Location.None)],
        }));
    }

    [Fact]
    public void RoutesAreDirectOnAllToAllNetworksAndNullWhenUnreachable()
    {
        var network = NetworkFactory.AllToAll(4, 1);
        Assert.Equal(["qpu0", "qpu3"], new Router(network).Route("qpu0", "qpu3")!.Value.ToArray());
        var cut = network with { Links = [.. network.Links.Where(l => l.From != "qpu3" && l.To != "qpu3")] };
        Assert.Null(new Router(cut).Route("qpu0", "qpu3"));
    }
}
