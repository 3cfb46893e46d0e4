using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace QNetLang.Cluster.Grains;

/// <summary>
/// Random placement that skips the workers the command suspects (they stopped answering; see
/// <c>ClusterWatch</c>). Orleans declares a killed worker dead only after its probes, which on a
/// busy machine can take long; until then plain random placement keeps choosing it.
/// </summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class AvoidSuspectsPlacement : PlacementStrategy
{
    /// <summary>The request-context key that carries the suspects' addresses, separated by ';'.</summary>
    public const string SuspectsKey = "qnlc.suspects";

    internal static readonly AvoidSuspectsPlacement Instance = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class AvoidSuspectsPlacementAttribute() : PlacementAttribute(AvoidSuspectsPlacement.Instance);

public sealed class AvoidSuspectsPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        var suspects = target.RequestContextData is { } data && data.TryGetValue(AvoidSuspectsPlacement.SuspectsKey, out var value) && value is string text
            ? text.Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : null;
        var candidates = suspects is null ? silos : [.. silos.Where(s => !suspects.Contains(s.ToParsableString()))];
        if (candidates.Length == 0) candidates = silos;
        return Task.FromResult(candidates[Random.Shared.Next(candidates.Length)]);
    }
}
