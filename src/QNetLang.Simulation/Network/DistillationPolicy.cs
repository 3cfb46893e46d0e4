using QNetLang.Ir;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Network;

/// <summary>
/// Distil end-to-end pairs until they reach <see cref="TargetFidelity"/>: recurrence on the raw
/// pairs of each request, pairs of equal level combined as soon as both exist. A link's
/// `distill` and `target_fidelity` give one for the pairs routed over it; `qnlc run --distill
/// PROTOCOL --target-fidelity F` gives the default for routes whose links say nothing.
/// </summary>
public sealed record DistillationPolicy(DistillationProtocol Protocol, double TargetFidelity)
{
    public static DistillationPolicy None { get; } = new(DistillationProtocol.None, 0);

    public bool Active => Protocol != DistillationProtocol.None;

    public static DistillationPolicy Of(DistillSpec spec) => new(spec.Protocol switch
    {
        "bbpssw" => DistillationProtocol.Bbpssw,
        "dejmps" => DistillationProtocol.Dejmps,
        _ => throw new InvalidOperationException($"unknown distillation protocol '{spec.Protocol}' (the schema admits bbpssw and dejmps)"),
    }, spec.TargetFidelity);

    /// <summary>
    /// The policy for a route: the links' own, the highest target winning (the first link along
    /// the route on a tie), so that every link's pairs get at least what it asks for; the run's
    /// default when no link on the route gives one.
    /// </summary>
    public static DistillationPolicy ForRoute(IEnumerable<LinkModel> links, DistillationPolicy fallback)
    {
        DistillationPolicy? chosen = null;
        foreach (var link in links)
            if (link.Distillation is { } own && (chosen is null || own.TargetFidelity > chosen.TargetFidelity)) chosen = own;
        return chosen ?? fallback;
    }

    /// <summary>The protocol's name as the language and the report write it.</summary>
    public string Name => Protocol switch { DistillationProtocol.Bbpssw => "bbpssw", DistillationProtocol.Dejmps => "dejmps", _ => "none" };
}
