using System.Collections.Frozen;
using QNetLang.Core;

namespace QNetLang.Semantics;

/// <summary>What values a property accepts.</summary>
public enum PropertyRange
{
    /// <summary>An integer ≥ 0.</summary>
    Count,
    /// <summary>An integer ≥ 1.</summary>
    PositiveCount,
    /// <summary>A number in [0, 1].</summary>
    Probability,
    /// <summary>A number ≥ 0.</summary>
    NonNegative,
    /// <summary>A number &gt; 0.</summary>
    Positive,
    /// <summary>One of <see cref="PropertySpec.Symbols"/>, written as a bare name.</summary>
    Symbol,
}

/// <summary>One property: its dimension, the values it accepts, its default and what it means.</summary>
/// <remarks>
/// <paramref name="AppliesWhen"/> limits a property to owners whose symbol property has one of
/// some values (fibre loss to `kind = fiber`, apertures to free-space kinds, `bright_state` to
/// `scheme = single_click`): its default is filled in only there, and giving it elsewhere is
/// warned about (QN2044).
/// </remarks>
public sealed record PropertySpec(string Name, Dimension Dimension, PropertyRange Range, double? Default, string Doc, IReadOnlyList<string>? Symbols = null, string? DefaultSymbol = null, bool Required = false, PropertyCondition? AppliesWhen = null);

/// <summary>A property applies only when the symbol property <paramref name="Property"/> is one of <paramref name="Symbols"/>.</summary>
public sealed record PropertyCondition(string Property, IReadOnlyList<string> Symbols)
{
    public bool Holds(string? symbol) => symbol is not null && Symbols.Contains(symbol);

    public string Describe() => $"'{Property} = {string.Join(" | ", Symbols)}'";
}

/// <summary>
/// The properties of networks, nodes and links, as a table: the binder checks against it, the
/// docs list it, and the simulator reads the values it guarantees (defaults included).
/// </summary>
public static class PropertySchema
{
    public const string NetworkOwner = "network";
    public const string QpuOwner = "qpu";
    public const string RepeaterOwner = "repeater";
    public const string EndNodeOwner = "endnode";
    public const string LinkOwner = "link";

    private static readonly string[] LinkKinds = ["fiber", "free_space", "satellite"];
    private static readonly string[] SwapOrders = ["nested", "asap"];
    private static readonly string[] MemoryUses = ["per_request", "pooled"];
    private static readonly string[] LinkPairings = ["instant", "request"];
    private static readonly PropertyCondition PooledMemories = new("link_memories", ["pooled"]);
    private static readonly string[] RoutingMetrics = ["fidelity", "time", "rate_fidelity"];
    private static readonly string[] DistillationProtocols = ["bbpssw", "dejmps"];
    private static readonly string[] HeraldingSchemes = ["direct", "single_click", "double_click", "source"];
    private static readonly PropertyCondition Fiber = new("kind", ["fiber"]);
    private static readonly PropertyCondition FreeSpace = new("kind", ["free_space", "satellite"]);
    private static readonly PropertyCondition SingleClick = new("scheme", ["single_click"]);
    private static readonly PropertyCondition Encoded = new("generation", ["2", "3"]);
    private static readonly PropertyCondition SecondGeneration = new("generation", ["2"]);
    private static readonly PropertyCondition ThirdGeneration = new("generation", ["3"]);
    private static readonly string[] PhotonSources = ["single_photon", "coherent", "spdc"];
    private static readonly PropertyCondition MultiPhoton = new("source", ["coherent", "spdc"]);
    private static readonly PropertyCondition Satellite = new("kind", ["satellite"]);

    public static FrozenDictionary<string, IReadOnlyList<PropertySpec>> ByOwner { get; } = new Dictionary<string, IReadOnlyList<PropertySpec>>
    {
        [NetworkOwner] =
        [
            new("fiber_speed", Dimension.Speed, PropertyRange.Positive, 2.0e8, "Speed of light in fibre; classical messages and heralding signals travel at it."),
            new("classical_delay", Dimension.Time, PropertyRange.NonNegative, 0, "Constant processing delay added to every classical message between two nodes (swap and failure news, feed-forward), on top of its travel time."),
            new("swap", Dimension.None, PropertyRange.Symbol, null, "Order of entanglement swaps along a route: nested (a node swaps once both halves of its level are complete and known to it) or asap (every repeater swaps as soon as both of its own links hold pairs).", SwapOrders, "nested"),
            new("link_memories", Dimension.None, PropertyRange.Symbol, null, "How memories serve entanglement: per_request (a request holds one memory pair on every link of its route until its pair is delivered) or pooled (each link end's memories, a node's memories split evenly over its links, are slots that attempt again as soon as a swap, the application or the cutoff frees them; a repeater swaps any left pair with any right pair).", MemoryUses, "per_request"),
            new("link_pairing", Dimension.None, PropertyRange.Symbol, null, "How the two ends of a link agree on the slots of an attempt: instant (an attempt starts once both ends have a free slot) or request (the end nearer the route's source asks the other end for a free slot by a classical message, and the attempt's attempt_time starts when the request arrives; a request that finds no free slot comes back refused after the round trip and is sent again).", LinkPairings, "instant", AppliesWhen: PooledMemories),
            new("routing", Dimension.None, PropertyRange.Symbol, null, "How routes are chosen: fidelity (the highest end-to-end pair fidelity, then the fastest), time (the fastest expected generation, then the fewest hops) or rate_fidelity (the most distillable pairs per second: hashing yield of the fresh pair over its expected time).", RoutingMetrics, "fidelity"),
            // Repeater generations (docs/simulator.md, "Repeater generations"). Absent: the first generation.
            new("generation", Dimension.None, PropertyRange.PositiveCount, null, "Repeater generation of the network's repeaters: 1 (heralded links, two-way signalling, swapping, distillation; also when absent), 2 (encoded memories: heralded encoded links, swaps that do not wait for the far end) or 3 (one-way loss-tolerant encoded photons, error correction at every hop)."),
            new("physical_error", Dimension.None, PropertyRange.Probability, 1e-3, "Generations 2 and 3: error probability of one physical operation (gate or measurement) in an encoded memory or photon block.", AppliesWhen: Encoded),
            new("threshold", Dimension.None, PropertyRange.Probability, 1e-2, "Generations 2 and 3: the code's threshold error probability; the logical error per encoded operation is 0.1*(p/threshold)^((d+1)/2).", AppliesWhen: Encoded),
            new("local_gate_time", Dimension.Time, PropertyRange.NonNegative, 1e-6, "Generations 2 and 3: duration of one transversal gate on an encoded block (encoding, swap, re-encoding).", AppliesWhen: Encoded),
            new("local_measure_time", Dimension.Time, PropertyRange.NonNegative, 1e-6, "Generations 2 and 3: duration of one transversal measurement of an encoded block.", AppliesWhen: Encoded),
            new("code_distance", Dimension.None, PropertyRange.PositiveCount, 3, "Generation 2: distance d of the rotated surface code [[d^2, 1, d]] each memory is encoded in (d^2 physical pairs per encoded link).", AppliesWhen: SecondGeneration),
            new("qpc_blocks", Dimension.None, PropertyRange.PositiveCount, 4, "Generation 3: blocks n of the quantum parity code QPC(n, m) each photon block is encoded in.", AppliesWhen: ThirdGeneration),
            new("qpc_photons", Dimension.None, PropertyRange.PositiveCount, 4, "Generation 3: photons m per block of the quantum parity code QPC(n, m).", AppliesWhen: ThirdGeneration),
        ],
        [QpuOwner] =
        [
            new("qubits", Dimension.None, PropertyRange.PositiveCount, null, "Data qubits available to the program.", Required: true),
            new("comm", Dimension.None, PropertyRange.Count, 2, "Communication qubits used for entanglement with other nodes."),
            new("t1", Dimension.Time, PropertyRange.Positive, null, "Energy relaxation time (amplitude damping); infinite when absent."),
            new("t2", Dimension.Time, PropertyRange.Positive, null, "Dephasing time; infinite when absent."),
            new("gate_error", Dimension.None, PropertyRange.Probability, 0, "Depolarising error probability of a single-qubit gate."),
            new("two_qubit_error", Dimension.None, PropertyRange.Probability, 0, "Depolarising error probability of a two-qubit gate."),
            new("measure_error", Dimension.None, PropertyRange.Probability, 0, "Probability that a measurement result is flipped."),
            new("gate_time", Dimension.Time, PropertyRange.NonNegative, 0, "Duration of a single-qubit gate."),
            new("two_qubit_gate_time", Dimension.Time, PropertyRange.NonNegative, 0, "Duration of a two-qubit gate."),
            new("measure_time", Dimension.Time, PropertyRange.NonNegative, 0, "Duration of a measurement."),
        ],
        [RepeaterOwner] =
        [
            new("memories", Dimension.None, PropertyRange.PositiveCount, 2, "Quantum memories for holding link pairs before the swap."),
            new("t1", Dimension.Time, PropertyRange.Positive, null, "Memory energy relaxation time; infinite when absent."),
            new("t2", Dimension.Time, PropertyRange.Positive, null, "Memory dephasing time; infinite when absent."),
            new("swap_success", Dimension.None, PropertyRange.Probability, 1, "Probability that a Bell-state measurement (swap) succeeds."),
            new("swap_time", Dimension.Time, PropertyRange.NonNegative, 0, "Duration of a swap."),
            new("measure_error", Dimension.None, PropertyRange.Probability, 0, "Probability that a Bell-state measurement outcome is flipped."),
        ],
        [EndNodeOwner] =
        [
            new("qubits", Dimension.None, PropertyRange.PositiveCount, 1, "Photonic qubits the node prepares or detects at once."),
            new("detector_efficiency", Dimension.None, PropertyRange.Probability, 1, "Probability that an arriving photon is detected."),
            new("t1", Dimension.Time, PropertyRange.Positive, null, "Energy relaxation time of stored qubits; infinite when absent."),
            new("t2", Dimension.Time, PropertyRange.Positive, null, "Dephasing time of stored qubits; infinite when absent."),
            new("measure_error", Dimension.None, PropertyRange.Probability, 0, "Probability that a measurement result is flipped."),
        ],
        [LinkOwner] =
        [
            new("length", Dimension.Length, PropertyRange.NonNegative, 0, "Length of the channel; 0 means co-located, lossless and instantaneous."),
            new("loss", Dimension.Attenuation, PropertyRange.NonNegative, 0.2, "Fibre attenuation; transmissivity is 10^(-loss*length/10).", AppliesWhen: Fiber),
            new("total_loss", Dimension.Decibel, PropertyRange.NonNegative, null, "Whole-channel loss in dB; overrides the loss model (loss*length for fibre, diffraction, atmosphere and pointing for free space)."),
            new("tx_aperture", Dimension.Length, PropertyRange.Positive, 0.3, "Free-space links: diameter of the transmitting telescope.", AppliesWhen: FreeSpace),
            new("rx_aperture", Dimension.Length, PropertyRange.Positive, 1.0, "Free-space links: diameter of the receiving telescope.", AppliesWhen: FreeSpace),
            new("wavelength", Dimension.Length, PropertyRange.Positive, 810e-9, "Free-space links: wavelength of the photons; diffraction loss grows with it.", AppliesWhen: FreeSpace),
            new("elevation", Dimension.None, PropertyRange.Positive, 90, "Free-space links: elevation of the beam above the horizon in degrees (0 < elevation <= 90); the atmosphere is crossed 1/sin(elevation) times.", AppliesWhen: FreeSpace),
            new("atmospheric_loss", Dimension.Decibel, PropertyRange.NonNegative, 0, "Free-space links: atmospheric extinction at the zenith, in dB.", AppliesWhen: FreeSpace),
            new("pointing_loss", Dimension.Decibel, PropertyRange.NonNegative, 0, "Free-space links: loss from pointing error and jitter, in dB.", AppliesWhen: FreeSpace),
            new("success", Dimension.None, PropertyRange.Probability, null, "Per-attempt heralding success probability; overrides the loss model."),
            new("fidelity", Dimension.None, PropertyRange.Probability, 1, "Fidelity of freshly generated pairs (Werner state)."),
            new("rate", Dimension.Frequency, PropertyRange.Positive, null, "Source rate: one epr attempt takes 1/rate plus the heralding round trip, and send emits at most one photon per 1/rate; no limit on sends when absent (with attempt_time neither)."),
            new("attempt_time", Dimension.Time, PropertyRange.NonNegative, null, "Duration of one attempt besides the heralding round trip, and the source's period for send (alternative to rate)."),
            new("kind", Dimension.None, PropertyRange.Symbol, null, "Channel kind: fibre (loss per km, light at fiber_speed) or free space and satellite (diffraction, atmosphere and pointing losses, light at c in vacuum).", LinkKinds, "fiber"),
            new("scheme", Dimension.None, PropertyRange.Symbol, null, "How a pair is heralded: direct (a photon crosses the whole link), single_click or double_click (both nodes send photons to a midpoint station), source (a midpoint pair source sends a photon to each node).", HeraldingSchemes, "direct"),
            new("bright_state", Dimension.None, PropertyRange.Probability, 0.05, "Single-click links: the population alpha of the emitted bright state; success 2*alpha*eta_arm, fidelity 1 - alpha.", AppliesWhen: SingleClick),
            new("distill", Dimension.None, PropertyRange.Symbol, null, "Recurrence protocol that distils end-to-end pairs routed over this link to target_fidelity; none when absent (then qnlc run --distill applies).", DistillationProtocols),
            new("target_fidelity", Dimension.None, PropertyRange.Probability, null, "Fidelity that distill raises end-to-end pairs to (above 0.5, below 1); given with distill."),
            new("detector_efficiency", Dimension.None, PropertyRange.Probability, 1, "Detector efficiency at the heralding station."),
            new("dark_count", Dimension.None, PropertyRange.Probability, 0, "Probability of a dark count in one detection window of each heralding detection; a false herald gives a maximally mixed pair."),
            new("source", Dimension.None, PropertyRange.Symbol, null, "Photon statistics of the link's source: single_photon (exactly one photon per pulse or pair per attempt), coherent (weak coherent pulses for send: Poissonian photon number of mean mean_photon_number) or spdc (a midpoint pair source with scheme = source: thermal pair number of mean mean_photon_number; multi-pair emission raises false heralds and lowers the fidelity); single_photon when absent.", PhotonSources),
            new("mean_photon_number", Dimension.None, PropertyRange.Positive, 0.5, "Coherent and SPDC sources: the mean photon number per pulse (coherent, the signal intensity mu) or mean pair number per attempt (spdc).", AppliesWhen: MultiPhoton),
            new("misalignment", Dimension.None, PropertyRange.Probability, null, "Probability that a photon sent with send and detected gives the wrong bit in either basis (optical misalignment, e_d); 0 when absent."),
            new("orbit_height", Dimension.Length, PropertyRange.Positive, null, "Satellite links: height of the circular orbit; with it the link follows a pass's geometry (slant range, elevation, loss over time) instead of fixed length and elevation.", AppliesWhen: Satellite),
            new("max_elevation", Dimension.None, PropertyRange.Positive, 90, "Satellite links with orbit_height: the pass's highest elevation in degrees (90 = overhead), which fixes the ground station's distance from the ground track.", AppliesWhen: Satellite),
            new("min_elevation", Dimension.None, PropertyRange.NonNegative, 10, "Satellite links with orbit_height: the lowest elevation in degrees at which the station tracks the satellite; the pass lasts while the elevation is above it.", AppliesWhen: Satellite),
            new("pass_time", Dimension.Time, PropertyRange.NonNegative, 0, "Satellite links with orbit_height: the time into the pass (from rise above min_elevation) at which a shot starts; sweep it to follow a pass.", AppliesWhen: Satellite),
            new("beam_wander", Dimension.None, PropertyRange.NonNegative, 0, "Free-space links: angular spread in radians added to the beam's diffraction divergence by turbulence next to the transmitter (beam wander and broadening of an uplink; about 0 for a downlink, whose turbulence is next to the receiver).", AppliesWhen: FreeSpace),
            new("modes", Dimension.None, PropertyRange.PositiveCount, 1, "Multiplexed attempts per round (temporal, spectral or spatial modes): a round heralds a pair when any of its modes does, success 1 - (1 - p)^modes."),
            new("cutoff", Dimension.Time, PropertyRange.Positive, null, "Pairs older than this are discarded; no cutoff when absent."),
            new("availability", Dimension.None, PropertyRange.Probability, 1, "Fraction of time the link is usable (weather, pointing)."),
            new("pass_duration", Dimension.Time, PropertyRange.Positive, null, "Satellite links: how long each visibility window lasts."),
            new("pass_interval", Dimension.Time, PropertyRange.Positive, null, "Satellite links: time from the start of one window to the next."),
        ],
    }.ToFrozenDictionary();

    /// <summary>
    /// The default values of an owner's properties (those that have one), in canonical units,
    /// for properties not in <paramref name="given"/>; a conditional property's default only
    /// where its condition holds (on the given or default symbol).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, Ir.PropertyValue>> Defaults(string owner, IReadOnlyDictionary<string, Ir.PropertyValue>? given = null)
    {
        given ??= new Dictionary<string, Ir.PropertyValue>();
        foreach (var spec in ByOwner[owner])
        {
            if (given.ContainsKey(spec.Name) || !Applies(owner, spec, given)) continue;
            if (spec.Default is { } d) yield return new(spec.Name, Ir.PropertyValue.Of(new Quantity(d, spec.Dimension)));
            else if (spec.DefaultSymbol is { } symbol) yield return new(spec.Name, Ir.PropertyValue.OfSymbol(symbol));
        }
    }

    /// <summary>
    /// Whether <paramref name="spec"/> applies to an owner with these values (its condition's
    /// symbol as given, else its default). A condition on a number (`generation = 2 | 3`)
    /// compares the number as written in invariant digits.
    /// </summary>
    public static bool Applies(string owner, PropertySpec spec, IReadOnlyDictionary<string, Ir.PropertyValue> values)
    {
        if (spec.AppliesWhen is not { } condition) return true;
        string? symbol = values.TryGetValue(condition.Property, out var v)
            ? v.Symbol ?? v.Number?.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            : Find(owner, condition.Property)?.DefaultSymbol;
        return condition.Holds(symbol);
    }

    public static PropertySpec? Find(string owner, string property) =>
        ByOwner.TryGetValue(owner, out var specs) ? specs.FirstOrDefault(s => s.Name == property) : null;

    /// <summary>The range as words for messages: "an integer ≥ 1", "a probability between 0 and 1".</summary>
    public static string DescribeRange(PropertySpec spec) => spec.Range switch
    {
        PropertyRange.Count => "an integer ≥ 0",
        PropertyRange.PositiveCount => "an integer ≥ 1",
        PropertyRange.Probability => "a probability between 0 and 1",
        PropertyRange.NonNegative => "≥ 0",
        PropertyRange.Positive => "> 0",
        _ => "one of " + string.Join(", ", spec.Symbols ?? []),
    };
}
