using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>
/// Distil end-to-end pairs until they reach <see cref="TargetFidelity"/> (`qnlc run --distill
/// PROTOCOL --target-fidelity F`): recurrence on the raw pairs of each request, pairs of equal
/// level combined as soon as both exist.
/// </summary>
public sealed record DistillationPolicy(DistillationProtocol Protocol, double TargetFidelity)
{
    public static DistillationPolicy None { get; } = new(DistillationProtocol.None, 0);

    public bool Active => Protocol != DistillationProtocol.None;
}
