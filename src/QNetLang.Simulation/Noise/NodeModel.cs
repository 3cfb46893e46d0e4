using QNetLang.Ir;

namespace QNetLang.Simulation.Noise;

/// <summary>
/// The device parameters of one node, read once from the network (canonical SI units, times
/// converted to picoseconds). Missing coherence times are infinite.
/// </summary>
public sealed record NodeModel(
    string Name,
    NodeKind Kind,
    double? T1,
    double? T2,
    double GateError,
    double TwoQubitError,
    double MeasureError,
    long GateTimePs,
    long TwoQubitGateTimePs,
    long MeasureTimePs,
    double SwapSuccess,
    long SwapTimePs,
    double DetectorEfficiency,
    int Memories)
{
    public static NodeModel From(NetworkNode node) => new(
        node.Name,
        node.Kind,
        node.Get("t1"),
        node.Get("t2"),
        node.Get("gate_error") ?? 0,
        node.Get("two_qubit_error") ?? 0,
        node.Get("measure_error") ?? 0,
        SimTime.FromSeconds(node.Get("gate_time") ?? 0),
        SimTime.FromSeconds(node.Get("two_qubit_gate_time") ?? 0),
        SimTime.FromSeconds(node.Get("measure_time") ?? 0),
        node.Get("swap_success") ?? 1,
        SimTime.FromSeconds(node.Get("swap_time") ?? 0),
        node.Get("detector_efficiency") ?? 1,
        node.Kind switch
        {
            NodeKind.Repeater => (int)(node.Get("memories") ?? 2),
            NodeKind.Qpu => (int)(node.Get("comm") ?? 2),
            _ => (int)(node.Get("qubits") ?? 1),
        });

    /// <summary>True when nothing at this node is noisy (so ideal programs can skip noise entirely).</summary>
    public bool IsIdeal => T1 is null && T2 is null && GateError == 0 && TwoQubitError == 0 && MeasureError == 0;
}
