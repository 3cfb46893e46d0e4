using System.Collections.Frozen;

namespace QNetLang.Simulation.Engines;

/// <summary>One tableau primitive: H, S, CX or a Pauli, on operand indices of the gate.</summary>
internal readonly record struct CliffordStep(char Op, int A, int B = -1);

/// <summary>
/// Every Clifford gate of the catalog as H, S, CX and Pauli steps (equal up to a global phase;
/// a test checks each against the catalog's unitary).
/// </summary>
internal static class CliffordDecomposition
{
    private static readonly FrozenDictionary<string, CliffordStep[]> Table = new Dictionary<string, CliffordStep[]>
    {
        ["id"] = [],
        ["h"] = [new('H', 0)],
        ["x"] = [new('X', 0)],
        ["y"] = [new('Y', 0)],
        ["z"] = [new('Z', 0)],
        ["s"] = [new('S', 0)],
        ["sdg"] = [new('S', 0), new('S', 0), new('S', 0)],
        ["sx"] = [new('H', 0), new('S', 0), new('H', 0)],
        ["sxdg"] = [new('H', 0), new('S', 0), new('S', 0), new('S', 0), new('H', 0)],
        ["cx"] = [new('C', 0, 1)],
        ["cy"] = [new('S', 1), new('S', 1), new('S', 1), new('C', 0, 1), new('S', 1)],
        ["cz"] = [new('H', 1), new('C', 0, 1), new('H', 1)],
        ["swap"] = [new('C', 0, 1), new('C', 1, 0), new('C', 0, 1)],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryGet(string gate, out CliffordStep[] steps) => Table.TryGetValue(gate, out steps!);

    public static IEnumerable<string> Gates => Table.Keys;
}
