using QNetLang.Core;
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
    public static NodeModel From(NetworkNode node)
    {
        var spec = node.Spec;
        return new(
            node.Name,
            node.Kind,
            spec.T1,
            spec.T2,
            spec.GateError,
            spec.TwoQubitError,
            spec.MeasureError,
            SimTime.FromSeconds(spec.GateTime),
            SimTime.FromSeconds(spec.TwoQubitGateTime),
            SimTime.FromSeconds(spec.MeasureTime),
            spec.SwapSuccess,
            SimTime.FromSeconds(spec.SwapTime),
            spec.DetectorEfficiency,
            spec.CommQubits);
    }

    /// <summary>
    /// A pair's half held in this node's memory for <paramref name="dtPs"/>: the memory's decay
    /// (<see cref="MemoryDecay"/>), twirled to Pauli noise so the pair stays Bell-diagonal.
    /// </summary>
    public BellDiagonal Hold(BellDiagonal state, long dtPs)
    {
        if (dtPs <= 0 || T1 is null && T2 is null) return state;
        var (x, y, z) = MemoryDecay.For(T1, T2, SimTime.ToSeconds(dtPs)).Twirled;
        return state.WithPauliNoise(x, y, z);
    }
}
