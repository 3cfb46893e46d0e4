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
/// on fibre, `bright_state` unless the scheme is single-click, `mean_photon_number` for a
/// single-photon source. A satellite link with `orbit_height` has the slant range of its pass
/// at `pass_time` as <see cref="Length"/> and the elevation there in its optics.
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
    int Modes = 1,
    PhotonSource Source = PhotonSource.SinglePhoton,
    double? MeanPhotonNumber = null,
    double Misalignment = 0,
    SatellitePass? Pass = null,
    double PassTime = 0)
{
    public static LinkSpec Of(NetworkLink link)
    {
        var p = new PropertyReader(link.Properties, $"link {link.From} -- {link.To}");
        var source = p.Symbol("source") switch { "coherent" => PhotonSource.Coherent, "spdc" => PhotonSource.Spdc, _ => PhotonSource.SinglePhoton };
        // A satellite link with an orbit follows its pass: the slant range and the elevation at
        // pass_time replace length and elevation.
        var pass = link.Kind == LinkKind.Satellite && p.Optional("orbit_height") is { } height
            ? new SatellitePass(height, p.Required("max_elevation"), p.Required("min_elevation")) : null;
        double passTime = pass is null ? 0 : p.Required("pass_time");
        var (length, elevation) = pass?.At(passTime) is { } at ? (at.SlantRange, (double?)at.ElevationDegrees) : (p.Required("length"), p.Optional("elevation"));
        return new LinkSpec(
            length, link.Kind == LinkKind.Fiber ? p.Required("loss") : null, p.Optional("total_loss"), p.Optional("success"),
            p.Required("fidelity"), p.Optional("rate"), p.Optional("attempt_time"), link.Kind,
            p.Required("detector_efficiency"), p.Required("dark_count"), p.Optional("cutoff"), p.Required("availability"),
            p.Optional("pass_duration"), p.Optional("pass_interval"),
            link.Scheme, p.Optional("bright_state"),
            link.Kind == LinkKind.Fiber ? null : new FreeSpaceOptics(
                p.Required("tx_aperture"), p.Required("rx_aperture"), p.Required("wavelength"),
                elevation ?? p.Required("elevation"), p.Required("atmospheric_loss"), p.Required("pointing_loss"), p.Required("beam_wander")),
            p.Symbol("distill") is { } protocol ? new DistillSpec(protocol, p.Required("target_fidelity")) : null,
            p.Optional("modes") is { } modes ? checked((int)modes) : 1,
            source, source == PhotonSource.SinglePhoton ? null : p.Required("mean_photon_number"),
            p.Optional("misalignment") ?? 0, pass, passTime);
    }
}

/// <summary>
/// A free-space channel's optics: aperture diameters and wavelength in metres, elevation in
/// degrees, losses in dB, and the turbulence-induced angular spread of the beam in radians.
/// </summary>
public sealed record FreeSpaceOptics(
    double TxAperture,
    double RxAperture,
    double Wavelength,
    double ElevationDegrees,
    double AtmosphericLossDb,
    double PointingLossDb,
    double BeamWander = 0);

/// <summary>The photon statistics of a link's source (the link's `source`; docs/simulator.md, "Photon sources").</summary>
public enum PhotonSource
{
    /// <summary>Exactly one photon per pulse (send) or one pair per attempt (scheme = source).</summary>
    SinglePhoton,
    /// <summary>Weak coherent pulses: Poissonian photon number of mean `mean_photon_number`.</summary>
    Coherent,
    /// <summary>Spontaneous parametric down-conversion: thermal pair number of mean `mean_photon_number`.</summary>
    Spdc,
}

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
