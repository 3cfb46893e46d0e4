namespace QNetLang.Ir;

/// <summary>
/// The ebits of a distributed program and their consumers. Every Bell pair in the distributed
/// circuit comes from exactly one of: a teleport written in the source, a teleport the
/// partitioner inserted to migrate a qubit, a cat-entangled copy for telegates, or an `epr`
/// statement; so <see cref="Ebits"/> equals <see cref="ConsumerTotal"/>.
/// </summary>
public sealed record EbitAccount(int Ebits, int SourceTeleportations, int Migrations, int CatEntanglements, int EprStatements)
{
    /// <summary>Teleportations of either kind: each consumes one ebit.</summary>
    public int Teleportations => SourceTeleportations + Migrations;

    public int ConsumerTotal => Teleportations + CatEntanglements + EprStatements;
}
