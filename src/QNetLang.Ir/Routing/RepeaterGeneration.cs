namespace QNetLang.Ir;

/// <summary>
/// The network's repeater generation (`generation = 1 | 2 | 3`) and the parameters of the
/// encoded ones, typed, in SI units (docs/simulator.md, "Repeater generations"). Generation 1 is
/// the heralded, two-way signalled, swapped and distilled chain the entanglement service always
/// ran; 2 and 3 encode each memory or photon block in a code whose logical error per encoded
/// operation follows the threshold-style formula <see cref="LogicalError"/>.
/// </summary>
/// <param name="Generation">1, 2 or 3 (the binder refuses others, QN2055).</param>
/// <param name="PhysicalError">Error probability p of one physical operation (2 and 3).</param>
/// <param name="Threshold">The code's threshold p_th (2 and 3); p &lt; p_th (QN2056).</param>
/// <param name="GateTime">One transversal gate on a block, seconds.</param>
/// <param name="MeasureTime">One transversal measurement of a block, seconds.</param>
/// <param name="CodeDistance">Generation 2: distance d of the rotated surface code [[d², 1, d]].</param>
/// <param name="QpcBlocks">Generation 3: blocks n of the quantum parity code QPC(n, m).</param>
/// <param name="QpcPhotons">Generation 3: photons m per block.</param>
public sealed record RepeaterGeneration(
    int Generation,
    double PhysicalError,
    double Threshold,
    double GateTime,
    double MeasureTime,
    int CodeDistance,
    int QpcBlocks,
    int QpcPhotons)
{
    /// <summary>The prefactor A of the threshold formula p_L = A·(p/p_th)^⌈d/2⌉ (the usual surface-code fit, Fowler et al. 2012, is 0.03–0.1; the larger is the conservative one).</summary>
    public const double LogicalErrorPrefactor = 0.1;

    public static RepeaterGeneration Of(Network network)
    {
        var p = new PropertyReader(network.Properties, $"network {network.Name}");
        int generation = p.Optional("generation") is { } g ? checked((int)g) : 1;
        return generation switch
        {
            1 => new RepeaterGeneration(1, 0, 0, 0, 0, 0, 0, 0),
            2 => new RepeaterGeneration(2, p.Required("physical_error"), p.Required("threshold"), p.Required("local_gate_time"), p.Required("local_measure_time"),
                p.Count("code_distance"), 0, 0),
            _ => new RepeaterGeneration(3, p.Required("physical_error"), p.Required("threshold"), p.Required("local_gate_time"), p.Required("local_measure_time"),
                0, p.Count("qpc_blocks"), p.Count("qpc_photons")),
        };
    }

    /// <summary>A transversal gate and a measurement: encoding a link, an encoded swap, a re-encoding hop (seconds).</summary>
    public double OperationTime => GateTime + MeasureTime;

    /// <summary>
    /// The distance against Pauli errors of the code in use: d for the surface code; min(n, m)
    /// for QPC(n, m), which votes bit flips within a block of m and phase flips across n blocks.
    /// </summary>
    public int Distance => Generation == 2 ? CodeDistance : Math.Min(QpcBlocks, QpcPhotons);

    /// <summary>Physical qubits one station holds per end-to-end pair in flight: two encoded halves (2·d² or 2·n·m); generation 1 uses the node's memories.</summary>
    public int QubitsPerStation => Generation switch
    {
        2 => 2 * CodeDistance * CodeDistance,
        3 => 2 * QpcBlocks * QpcPhotons,
        _ => 0,
    };

    /// <summary>
    /// Logical error probability of one encoded operation, p_L = A·(p/p_th)^⌈d/2⌉ with A = 0.1,
    /// at most 3/4 (a fully depolarised logical qubit); p includes the physical pairs' infidelity
    /// where the caller adds it.
    /// </summary>
    public double LogicalError(double physicalError) =>
        Math.Min(0.75, LogicalErrorPrefactor * Math.Pow(physicalError / Threshold, (Distance + 1) / 2));

    /// <summary>
    /// Probability that a QPC(n, m) photon block crossing one hop of transmissivity η can be
    /// decoded (Muralidharan et al., PRL 112, 250501 (2014), loss only): every block keeps at
    /// least one photon and at least one block keeps all m,
    /// P = [1 − (1−η)^m]^n − [1 − (1−η)^m − η^m]^n.
    /// </summary>
    public static double QpcHopSuccess(double eta, int blocks, int photons)
    {
        double anyArrives = 1 - Math.Pow(1 - eta, photons);
        double allArrive = Math.Pow(eta, photons);
        return Math.Max(0, Math.Pow(anyArrives, blocks) - Math.Pow(anyArrives - allArrive, blocks));
    }
}
