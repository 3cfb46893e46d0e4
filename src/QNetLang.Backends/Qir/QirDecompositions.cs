using System.Collections.Frozen;
using System.Collections.Immutable;
using QNetLang.Ir;

namespace QNetLang.Backends.Qir;

/// <summary>One gate of a decomposition: the gate, which of the decomposed gate's operands it acts on, and its angles from the decomposed gate's parameters.</summary>
public sealed record DecompositionStep(string Gate, ImmutableArray<int> Operands, Func<IReadOnlyList<double>, double[]> Angles);

/// <summary>
/// How gates without a QIR intrinsic (<see cref="GateInfo.QirName"/> is null) are written with
/// gates that have one. Every entry equals the gate up to a global phase, which no measurement
/// can see; the unit tests check each one against the catalog's unitary. Entries may use other
/// decomposed gates (cu uses p and u), so <see cref="Expand"/> applies the table recursively.
/// </summary>
public static class QirDecompositions
{
    private static readonly FrozenDictionary<string, DecompositionStep[]> Table = new Dictionary<string, DecompositionStep[]>(StringComparer.Ordinal)
    {
        // The identity is an explicit idle in OpenQASM; QIR has no idle, and doing nothing is exact.
        ["id"] = [],
        // p(λ) = e^{iλ/2} rz(λ).
        ["p"] = [S("rz", [0], p => [p[0]])],
        // u(θ,φ,λ) = e^{i(φ+λ)/2} rz(φ) ry(θ) rz(λ); the rightmost factor acts first.
        ["u"] = [S("rz", [0], p => [p[2]]), S("ry", [0], p => [p[0]]), S("rz", [0], p => [p[1]])],
        ["u2"] = [S("rz", [0], p => [p[1]]), S("ry", [0], _ => [Math.PI / 2]), S("rz", [0], p => [p[0]])],
        // sx = e^{iπ/4} rx(π/2), so its inverse is rx(-π/2) up to phase.
        ["sxdg"] = [S("rx", [0], _ => [-Math.PI / 2])],
        // H = ry(π/4) Z ry(-π/4), so controlled-H conjugates CZ by ry on the target.
        ["ch"] = [S("ry", [1], _ => [-Math.PI / 4]), S("cz", [0, 1], _ => []), S("ry", [1], _ => [Math.PI / 4])],
        // The textbook controlled-phase: the control's rz carries the phase on |11>.
        ["cp"] =
        [
            S("rz", [0], p => [p[0] / 2]), S("cx", [0, 1], _ => []), S("rz", [1], p => [-p[0] / 2]),
            S("cx", [0, 1], _ => []), S("rz", [1], p => [p[0] / 2]),
        ],
        ["crz"] = [S("rz", [1], p => [p[0] / 2]), S("cx", [0, 1], _ => []), S("rz", [1], p => [-p[0] / 2]), S("cx", [0, 1], _ => [])],
        ["cry"] = [S("ry", [1], p => [p[0] / 2]), S("cx", [0, 1], _ => []), S("ry", [1], p => [-p[0] / 2]), S("cx", [0, 1], _ => [])],
        // rx = S† ry S, and S on the target commutes with the control.
        ["crx"] = [S("s", [1], _ => []), S("cry", [0, 1], p => [p[0]]), S("sdg", [1], _ => [])],
        // OpenQASM 3's own definition of cu (stdgates.inc).
        ["cu"] =
        [
            S("p", [0], p => [p[3]]), S("p", [0], p => [(p[2] + p[1]) / 2]), S("p", [1], p => [(p[2] - p[1]) / 2]),
            S("cx", [0, 1], _ => []), S("u", [1], p => [-p[0] / 2, 0, -(p[1] + p[2]) / 2]),
            S("cx", [0, 1], _ => []), S("u", [1], p => [p[0] / 2, p[1], 0]),
        ],
        // Fredkin from a Toffoli between two CNOTs.
        ["cswap"] = [S("cx", [2, 1], _ => []), S("ccx", [0, 1, 2], _ => []), S("cx", [2, 1], _ => [])],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The gates that have a decomposition, by name.</summary>
    public static IEnumerable<string> Decomposed => Table.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// The gate as a sequence of gates that all have a QIR intrinsic, on the given qubits. A gate
    /// with an intrinsic is returned unchanged.
    /// </summary>
    public static IEnumerable<(GateInfo Gate, double[] Angles, int[] Qubits)> Expand(GateInfo gate, IReadOnlyList<double> angles, IReadOnlyList<int> qubits)
    {
        if (gate.QirName is not null)
        {
            yield return (gate, angles.ToArray(), qubits.ToArray());
            yield break;
        }
        if (!Table.TryGetValue(gate.Name, out var steps))
            throw new InvalidOperationException($"gate '{gate.Name}' has neither a QIR intrinsic nor a decomposition");
        foreach (var step in steps)
        {
            var inner = GateCatalog.Get(step.Gate);
            foreach (var part in Expand(inner, step.Angles(angles), step.Operands.Select(o => qubits[o]).ToArray()))
                yield return part;
        }
    }

    private static DecompositionStep S(string gate, int[] operands, Func<IReadOnlyList<double>, double[]> angles) =>
        new(gate, [.. operands], angles);
}
