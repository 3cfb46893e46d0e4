namespace QNetLang.Ir;

/// <summary>Counts read off a distributed circuit for report.json and summaries.</summary>
public static class DistributionReport
{
    /// <summary>
    /// Entangled pairs the program consumes: every Bell pair between nodes in the distributed
    /// circuit (generated for remote gates and teleports, or written as `epr`). Pairs inside a
    /// conditional are counted once, as if the branch runs.
    /// </summary>
    public static int Ebits(Circuit distributed) => distributed.AllOperations().Count(op => op is EprOperation);

    /// <summary>Elementary link pairs: a pair routed over d links needs d of them (joined by swaps).</summary>
    public static int LinkPairs(Circuit distributed) =>
        distributed.AllOperations().OfType<EprOperation>().Sum(e => Math.Max(1, e.Path.Length - 1));

    /// <summary>Where the ebits go: each consumer counted on its own, so that the total can be checked against <see cref="Ebits"/>.</summary>
    public static EbitAccount Account(Circuit original, Circuit distributed, DistributionStatistics statistics) => new(
        Ebits: Ebits(distributed),
        SourceTeleportations: original.AllOperations().Count(op => op is TeleportOperation),
        Migrations: statistics.Migrations,
        CatEntanglements: statistics.CatEntanglements,
        EprStatements: original.AllOperations().Count(op => op is EprOperation));
}
