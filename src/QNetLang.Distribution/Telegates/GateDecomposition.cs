using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Distribution.Telegates;

/// <summary>
/// Rewrites gates that a telegate cannot implement directly into gates that it can: every
/// multi-qubit gate in the result acts diagonally (as a control) on all but at most one of its
/// qubits. SWAP, RXX and RYY act non-diagonally on both qubits; three-qubit gates span up to
/// three nodes. The decompositions are exact (up to a global phase) and keep source locations.
/// </summary>
public static class GateDecomposition
{
    /// <summary>True when a remote instance of this gate must be decomposed first.</summary>
    public static bool NeedsDecomposition(GateInfo gate) =>
        gate.QubitCount > 2 || gate.QubitCount == 2 && !gate.DiagonalOn[0] && !gate.DiagonalOn[1];

    public static IEnumerable<GateOperation> Decompose(GateOperation op)
    {
        var q = op.Qubits;
        var p = op.Parameters;
        var at = op.Location;
        switch (op.Gate.Name)
        {
            case "swap":
                yield return G("cx", at, q[0], q[1]);
                yield return G("cx", at, q[1], q[0]);
                yield return G("cx", at, q[0], q[1]);
                break;
            case "rxx":
                yield return G("h", at, q[0]);
                yield return G("h", at, q[1]);
                yield return G("rzz", at, [p[0]], q[0], q[1]);
                yield return G("h", at, q[0]);
                yield return G("h", at, q[1]);
                break;
            case "ryy":
                yield return G("rx", at, [Math.PI / 2], q[0]);
                yield return G("rx", at, [Math.PI / 2], q[1]);
                yield return G("rzz", at, [p[0]], q[0], q[1]);
                yield return G("rx", at, [-Math.PI / 2], q[0]);
                yield return G("rx", at, [-Math.PI / 2], q[1]);
                break;
            case "ccx":
                yield return G("h", at, q[2]);
                foreach (var g in DoublyControlledZ(q[0], q[1], q[2], at)) yield return g;
                yield return G("h", at, q[2]);
                break;
            case "cswap":
                // cswap(c, a, b) = cx b,a · ccx c,a,b · cx b,a
                yield return G("cx", at, q[2], q[1]);
                foreach (var g in Decompose(G("ccx", at, q[0], q[1], q[2]))) yield return g;
                yield return G("cx", at, q[2], q[1]);
                break;
            default:
                throw new InvalidOperationException($"no decomposition for {op.Gate.Name}");
        }
    }

    /// <summary>
    /// CCZ from controlled phases: cp(π/2) b,c · cx a,b · cp(−π/2) b,c · cx a,b · cp(π/2) a,c.
    /// Exact: the phase on |abc⟩ is (π/2)·c·(b + a⊕b... ) which sums to π·a·b·c.
    /// </summary>
    private static IEnumerable<GateOperation> DoublyControlledZ(int a, int b, int c, Location at)
    {
        yield return G("cp", at, [Math.PI / 2], b, c);
        yield return G("cx", at, a, b);
        yield return G("cp", at, [-Math.PI / 2], b, c);
        yield return G("cx", at, a, b);
        yield return G("cp", at, [Math.PI / 2], a, c);
    }

    private static GateOperation G(string name, Location at, params int[] qubits) => G(name, at, [], qubits);

    private static GateOperation G(string name, Location at, double[] parameters, params int[] qubits) =>
        new(GateCatalog.Get(name), parameters.ToImmutableArray(), qubits.ToImmutableArray(), at);
}
