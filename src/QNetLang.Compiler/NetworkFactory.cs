using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Semantics;

namespace QNetLang.Compiler;

/// <summary>Networks made from command-line options rather than a .qn file.</summary>
public static class NetworkFactory
{
    /// <summary>
    /// `--qpus K`: K QPUs named qpu0 … qpu{K-1}, every pair linked, each with
    /// <paramref name="qubitsPerQpu"/> data qubits and "enough" communication qubits
    /// (<paramref name="commQubits"/>; the compiler passes the program's qubit count, since a
    /// node never holds copies of more qubits than that), so the idealised network never makes
    /// distribution close a copy early.
    /// </summary>
    public static Network AllToAll(int qpus, int qubitsPerQpu, int? commQubits = null)
    {
        var nodes = Enumerable.Range(0, qpus).Select(i => new NetworkNode(
            $"qpu{i}",
            NodeKind.Qpu,
            Properties(PropertySchema.QpuOwner, new()
            {
                ["qubits"] = PropertyValue.Of(Quantity.Scalar(qubitsPerQpu)),
                ["comm"] = PropertyValue.Of(Quantity.Scalar(Math.Max(2, commQubits ?? qpus))),
            }))).ToImmutableArray();
        var links = new List<NetworkLink>();
        for (int a = 0; a < qpus; a++)
            for (int b = a + 1; b < qpus; b++)
                links.Add(new NetworkLink($"qpu{a}", $"qpu{b}", Properties(PropertySchema.LinkOwner, new())));
        return new Network($"all_to_all_{qpus}", nodes, [.. links], Properties(PropertySchema.NetworkOwner, new()));
    }

    private static ImmutableSortedDictionary<string, PropertyValue> Properties(string owner, Dictionary<string, PropertyValue> given)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (name, value) in given) values[name] = value;
        foreach (var (name, value) in PropertySchema.Defaults(owner)) values.TryAdd(name, value);
        return values.ToImmutable();
    }

    /// <summary>The default capacity ⌊n/K⌋+1 (docs/compiler.md).</summary>
    public static int DefaultQubitsPerQpu(int qubits, int qpus) => qubits / qpus + 1;
}
