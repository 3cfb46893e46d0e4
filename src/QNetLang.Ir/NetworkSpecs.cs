using QNetLang.Core;
namespace QNetLang.Ir;

/// <summary>
/// A node's device parameters, typed, in SI units (seconds, probabilities). Every value comes
/// from the node's bound properties, whose defaults the property schema filled in when the
/// network was bound; nothing here restates a default. Coherence times are null when infinite.
/// Parameters a kind of node does not have (a repeater runs no program gates) are 0.
/// </summary>
public sealed record NodeSpec(
    int DataQubits,
    int CommQubits,
    double? T1,
    double? T2,
    double GateError,
    double TwoQubitError,
    double MeasureError,
    double GateTime,
    double TwoQubitGateTime,
    double MeasureTime,
    double SwapSuccess,
    double SwapTime,
    double DetectorEfficiency)
{
    public static NodeSpec Of(NetworkNode node)
    {
        var p = new PropertyReader(node.Properties, $"{node.Kind} {node.Name}");
        return node.Kind switch
        {
            NodeKind.Qpu => new NodeSpec(
                DataQubitsOf(node), CommQubitsOf(node), p.Optional("t1"), p.Optional("t2"),
                p.Required("gate_error"), p.Required("two_qubit_error"), p.Required("measure_error"),
                p.Required("gate_time"), p.Required("two_qubit_gate_time"), p.Required("measure_time"),
                SwapSuccess: 1, SwapTime: 0, DetectorEfficiency: 1),
            // A repeater holds no program qubits; its memories hold link pairs until the swap.
            NodeKind.Repeater => new NodeSpec(
                DataQubitsOf(node), CommQubitsOf(node), p.Optional("t1"), p.Optional("t2"),
                0, 0, p.Required("measure_error"), 0, 0, 0,
                p.Required("swap_success"), p.Required("swap_time"), DetectorEfficiency: 1),
            // An end node prepares or detects photons: its qubits are also its memories.
            _ => new NodeSpec(
                DataQubitsOf(node), CommQubitsOf(node), p.Optional("t1"), p.Optional("t2"),
                0, 0, p.Required("measure_error"), 0, 0, 0,
                SwapSuccess: 1, SwapTime: 0, p.Required("detector_efficiency")),
        };
    }

    /// <summary>Program qubits a node can hold (the partitioner asks often, so this reads one property, not the whole spec).</summary>
    public static int DataQubitsOf(NetworkNode node) =>
        node.Kind == NodeKind.Repeater ? 0 : new PropertyReader(node.Properties, node.Name).Count("qubits");

    /// <summary>Communication qubits (QPU `comm`), memories (repeater) or photon slots (end node `qubits`).</summary>
    public static int CommQubitsOf(NetworkNode node) =>
        new PropertyReader(node.Properties, node.Name).Count(node.Kind switch { NodeKind.Qpu => "comm", NodeKind.Repeater => "memories", _ => "qubits" });
}

/// <summary>
/// A link's parameters, typed, in SI units (metres, seconds, dB). As for <see cref="NodeSpec"/>,
/// defaults were filled in by the schema at bind time; optional parameters are null when absent.
/// Parameters of another kind of link or scheme are null too: `loss` on free-space links, the
/// free-space ones (apertures, wavelength, elevation in degrees, atmospheric and pointing loss)
/// on fibre, `bright_state` unless the scheme is single-click.
/// </summary>
public sealed record LinkSpec(
    double Length,
    double? LossDbPerKm,
    double? TotalLossDb,
    double? Success,
    double Fidelity,
    double? Rate,
    double? AttemptTime,
    LinkKind Kind,
    double DetectorEfficiency,
    double DarkCount,
    double? Cutoff,
    double Availability,
    double? PassDuration,
    double? PassInterval,
    HeraldingScheme Scheme,
    double? BrightState,
    FreeSpaceOptics? Optics,
    DistillSpec? Distill = null,
    int Modes = 1)
{
    public static LinkSpec Of(NetworkLink link)
    {
        var p = new PropertyReader(link.Properties, $"link {link.From} -- {link.To}");
        return new LinkSpec(
            p.Required("length"), link.Kind == LinkKind.Fiber ? p.Required("loss") : null, p.Optional("total_loss"), p.Optional("success"),
            p.Required("fidelity"), p.Optional("rate"), p.Optional("attempt_time"), link.Kind,
            p.Required("detector_efficiency"), p.Required("dark_count"), p.Optional("cutoff"), p.Required("availability"),
            p.Optional("pass_duration"), p.Optional("pass_interval"),
            link.Scheme, p.Optional("bright_state"),
            link.Kind == LinkKind.Fiber ? null : new FreeSpaceOptics(
                p.Required("tx_aperture"), p.Required("rx_aperture"), p.Required("wavelength"),
                p.Required("elevation"), p.Required("atmospheric_loss"), p.Required("pointing_loss")),
            p.Symbol("distill") is { } protocol ? new DistillSpec(protocol, p.Required("target_fidelity")) : null,
            p.Optional("modes") is { } modes ? checked((int)modes) : 1);
    }
}

/// <summary>A free-space channel's optics: aperture diameters and wavelength in metres, elevation in degrees, losses in dB.</summary>
public sealed record FreeSpaceOptics(
    double TxAperture,
    double RxAperture,
    double Wavelength,
    double ElevationDegrees,
    double AtmosphericLossDb,
    double PointingLossDb);

/// <summary>
/// A link's `distill` and `target_fidelity`: end-to-end pairs routed over the link are distilled
/// by <see cref="Protocol"/> ("bbpssw" or "dejmps", as the schema allows) until their fidelity
/// reaches <see cref="TargetFidelity"/> (docs/simulator.md, "Distillation").
/// </summary>
public sealed record DistillSpec(string Protocol, double TargetFidelity);

/// <summary>Reads bound property values; a value the schema guarantees but is missing is a broken invariant, not a user error.</summary>
internal readonly struct PropertyReader(IReadOnlyDictionary<string, PropertyValue> properties, string owner)
{
    public double? Optional(string name) => properties.TryGetValue(name, out var v) ? v.Number?.Value : null;

    public string? Symbol(string name) => properties.TryGetValue(name, out var v) ? v.Symbol : null;

    public double Required(string name) =>
        Optional(name) ?? throw new InvalidOperationException($"{owner} has no value for '{name}': the network binder fills in every default");

    public int Count(string name) => checked((int)Required(name));
}
