using System.Collections.Frozen;
using System.Numerics;

namespace QNetLang.Ir;

/// <summary>
/// The gate table (gates are data): every gate the checker, the simulator and the emitters
/// know, with its arity, parameters, unitary, QIR intrinsic and documentation. OpenQASM 2 names
/// (U, CX, u1, u2, u3, cu1, …) are aliases of the OpenQASM 3 gates they equal.
/// </summary>
public static class GateCatalog
{
    private static readonly Complex I = Complex.ImaginaryOne;

    public static IReadOnlyList<GateInfo> Gates { get; }

    private static readonly FrozenDictionary<string, GateInfo> ByName;
    private static readonly FrozenDictionary<string, string> AliasTable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["U"] = "u",
        ["u3"] = "u",
        ["CX"] = "cx",
        ["cnot"] = "cx",
        ["u1"] = "p",
        ["phase"] = "p",
        ["cu1"] = "cp",
        ["cphase"] = "cp",
        ["i"] = "id",
        ["toffoli"] = "ccx",
        ["fredkin"] = "cswap",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    static GateCatalog()
    {
        var gates = new List<GateInfo>
        {
            Single("id", 0, null, true, "Identity: does nothing (kept as an explicit idle).", _ => M(1, 0, 0, 1)),
            Single("h", 0, "h", true, "Hadamard: |0> -> |+>, |1> -> |->.", _ => Scale(M(1, 1, 1, -1), 1 / Math.Sqrt(2))),
            Single("x", 0, "x", true, "Pauli X (bit flip).", _ => M(0, 1, 1, 0)),
            Single("y", 0, "y", true, "Pauli Y.", _ => M(0, -I, I, 0)),
            Single("z", 0, "z", true, "Pauli Z (phase flip).", _ => M(1, 0, 0, -1)),
            Single("s", 0, "s", true, "Phase gate S = sqrt(Z) = diag(1, i).", _ => M(1, 0, 0, I)),
            Single("sdg", 0, "s__adj", true, "Inverse of S: diag(1, -i).", _ => M(1, 0, 0, -I)),
            Single("t", 0, "t", false, "T gate = sqrt(S) = diag(1, e^{i pi/4}).", _ => M(1, 0, 0, Complex.FromPolarCoordinates(1, Math.PI / 4))),
            Single("tdg", 0, "t__adj", false, "Inverse of T: diag(1, e^{-i pi/4}).", _ => M(1, 0, 0, Complex.FromPolarCoordinates(1, -Math.PI / 4))),
            Single("sx", 0, "sx", true, "sqrt(X).", _ => Scale(M(1 + I, 1 - I, 1 - I, 1 + I), 0.5)),
            Single("sxdg", 0, null, true, "Inverse of sqrt(X).", _ => Scale(M(1 - I, 1 + I, 1 + I, 1 - I), 0.5)),
            Single("rx", 1, "rx", false, "rx(theta) = exp(-i theta X / 2).", p => Rx(p[0])),
            Single("ry", 1, "ry", false, "ry(theta) = exp(-i theta Y / 2).", p => Ry(p[0])),
            Single("rz", 1, "rz", false, "rz(theta) = exp(-i theta Z / 2) = diag(e^{-i theta/2}, e^{i theta/2}).", p => Rz(p[0])),
            Single("p", 1, null, false, "Phase p(lambda) = diag(1, e^{i lambda}) (OpenQASM 2: u1).", p => Phase(p[0])),
            Single("u", 3, null, false, "General single-qubit gate u(theta, phi, lambda) as in OpenQASM 3 (OpenQASM 2: U, u3).", p => U(p[0], p[1], p[2])),
            Single("u2", 2, null, false, "u2(phi, lambda) = u(pi/2, phi, lambda) (OpenQASM 2).", p => U(Math.PI / 2, p[0], p[1])),
            Two("cx", 0, "cx", true, "Controlled X (CNOT): control first, target second.", _ => Controlled(M(0, 1, 1, 0))),
            Two("cy", 0, "cy", true, "Controlled Y.", _ => Controlled(M(0, -I, I, 0))),
            Two("cz", 0, "cz", true, "Controlled Z (symmetric).", _ => Controlled(M(1, 0, 0, -1))),
            Two("ch", 0, null, false, "Controlled Hadamard.", _ => Controlled(Scale(M(1, 1, 1, -1), 1 / Math.Sqrt(2)))),
            Two("cp", 1, null, false, "Controlled phase cp(lambda) = diag(1, 1, 1, e^{i lambda}) (OpenQASM 2: cu1).", p => Controlled(Phase(p[0]))),
            Two("crx", 1, null, false, "Controlled rx(theta).", p => Controlled(Rx(p[0]))),
            Two("cry", 1, null, false, "Controlled ry(theta).", p => Controlled(Ry(p[0]))),
            Two("crz", 1, null, false, "Controlled rz(theta).", p => Controlled(Rz(p[0]))),
            Two("cu", 4, null, false, "Controlled u(theta, phi, lambda) with an extra phase gamma on the control's |1> branch (OpenQASM 3).", p => Controlled(Scale(U(p[0], p[1], p[2]), Complex.FromPolarCoordinates(1, p[3])))),
            Two("swap", 0, "swap", true, "Exchanges two qubits.", _ => Swap()),
            Two("rxx", 1, "rxx", false, "rxx(theta) = exp(-i theta X⊗X / 2).", p => TwoAxis(p[0], Pauli('x'))),
            Two("ryy", 1, "ryy", false, "ryy(theta) = exp(-i theta Y⊗Y / 2).", p => TwoAxis(p[0], Pauli('y'))),
            Two("rzz", 1, "rzz", false, "rzz(theta) = exp(-i theta Z⊗Z / 2).", p => TwoAxis(p[0], Pauli('z'))),
            new("ccx", 3, 0, "ccx", false, "Toffoli: X on the third qubit when the first two are 1.", _ => DoublyControlled(M(0, 1, 1, 0))),
            new("cswap", 3, 0, null, false, "Fredkin: swaps the last two qubits when the first is 1.", _ => ControlledSwap()),
        };
        Gates = gates;
        ByName = gates.ToFrozenDictionary(g => g.Name, StringComparer.Ordinal);
    }

    /// <summary>Looks a gate up by its OpenQASM 3 name or an OpenQASM 2 alias.</summary>
    public static bool TryGet(string name, out GateInfo gate)
    {
        if (AliasTable.TryGetValue(name, out var canonical)) name = canonical;
        return ByName.TryGetValue(name, out gate!);
    }

    public static GateInfo Get(string name) =>
        TryGet(name, out var gate) ? gate : throw new KeyNotFoundException($"no gate '{name}' in the catalog");

    public static IReadOnlyDictionary<string, string> Aliases => AliasTable;

    private static GateInfo Single(string name, int parameters, string? qir, bool clifford, string doc, Func<IReadOnlyList<double>, Complex[,]> u) =>
        new(name, 1, parameters, qir, clifford, doc, u);

    private static GateInfo Two(string name, int parameters, string? qir, bool clifford, string doc, Func<IReadOnlyList<double>, Complex[,]> u) =>
        new(name, 2, parameters, qir, clifford, doc, u);

    private static Complex[,] M(Complex a, Complex b, Complex c, Complex d) => new[,] { { a, b }, { c, d } };

    private static Complex[,] Scale(Complex[,] m, Complex factor)
    {
        var r = (Complex[,])m.Clone();
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < r.GetLength(1); j++) r[i, j] *= factor;
        return r;
    }

    private static Complex[,] Rx(double t) => M(Math.Cos(t / 2), -I * Math.Sin(t / 2), -I * Math.Sin(t / 2), Math.Cos(t / 2));

    private static Complex[,] Ry(double t) => M(Math.Cos(t / 2), -Math.Sin(t / 2), Math.Sin(t / 2), Math.Cos(t / 2));

    private static Complex[,] Rz(double t) => M(Complex.FromPolarCoordinates(1, -t / 2), 0, 0, Complex.FromPolarCoordinates(1, t / 2));

    private static Complex[,] Phase(double l) => M(1, 0, 0, Complex.FromPolarCoordinates(1, l));

    private static Complex[,] U(double theta, double phi, double lambda) => M(
        Math.Cos(theta / 2),
        -Complex.FromPolarCoordinates(1, lambda) * Math.Sin(theta / 2),
        Complex.FromPolarCoordinates(1, phi) * Math.Sin(theta / 2),
        Complex.FromPolarCoordinates(1, phi + lambda) * Math.Cos(theta / 2));

    private static Complex[,] Controlled(Complex[,] target)
    {
        var r = new Complex[4, 4];
        r[0, 0] = 1;
        r[1, 1] = 1;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) r[2 + i, 2 + j] = target[i, j];
        return r;
    }

    private static Complex[,] DoublyControlled(Complex[,] target)
    {
        var r = new Complex[8, 8];
        for (int i = 0; i < 6; i++) r[i, i] = 1;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) r[6 + i, 6 + j] = target[i, j];
        return r;
    }

    private static Complex[,] Swap()
    {
        var r = new Complex[4, 4];
        r[0, 0] = 1;
        r[1, 2] = 1;
        r[2, 1] = 1;
        r[3, 3] = 1;
        return r;
    }

    private static Complex[,] ControlledSwap()
    {
        var r = new Complex[8, 8];
        for (int i = 0; i < 8; i++) r[i, i] = 1;
        // |1 0 1> (index 5) <-> |1 1 0> (index 6)
        r[5, 5] = 0;
        r[6, 6] = 0;
        r[5, 6] = 1;
        r[6, 5] = 1;
        return r;
    }

    private static Complex[,] Pauli(char axis) => axis switch
    {
        'x' => M(0, 1, 1, 0),
        'y' => M(0, -I, I, 0),
        _ => M(1, 0, 0, -1),
    };

    /// <summary>exp(-i t/2 P⊗P) = cos(t/2) I - i sin(t/2) P⊗P, since (P⊗P)² = I.</summary>
    private static Complex[,] TwoAxis(double t, Complex[,] p)
    {
        var r = new Complex[4, 4];
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
                for (int c = 0; c < 2; c++)
                    for (int d = 0; d < 2; d++)
                    {
                        int row = a * 2 + b, col = c * 2 + d;
                        Complex kron = p[a, c] * p[b, d];
                        r[row, col] = (row == col ? Math.Cos(t / 2) : 0) - I * Math.Sin(t / 2) * kron;
                    }
        return r;
    }
}
