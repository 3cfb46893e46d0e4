using System.Globalization;
using System.Text;

namespace QNetLang.Bench.Distribution;

/// <summary>
/// Generators for the circuit families the distributed-compilation literature benchmarks on,
/// as OpenQASM 3 text. Each is deterministic for its seed.
/// </summary>
public static class CircuitFamilies
{
    /// <summary>
    /// Random CZ-fraction circuits (pytket-dqc, Sundaram et al.): n layers; in each layer every
    /// qubit gets an H with probability 1 − f, and the others are paired at random by CZ gates.
    /// </summary>
    public static string CzFraction(int qubits, double fraction, int seed)
    {
        var random = new Random(seed);
        var sb = Header(qubits);
        for (int layer = 0; layer < qubits; layer++)
        {
            var paired = new List<int>();
            for (int q = 0; q < qubits; q++)
            {
                if (random.NextDouble() < 1 - fraction) sb.Append("h q[").Append(q).Append("];\n");
                else paired.Add(q);
            }
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(paired));
            for (int i = 0; i + 1 < paired.Count; i += 2)
                sb.Append("cz q[").Append(paired[i]).Append("], q[").Append(paired[i + 1]).Append("];\n");
        }
        return sb.ToString();
    }

    /// <summary>The quantum Fourier transform without the final swaps: H then controlled phases π/2^k.</summary>
    public static string QftWithoutSwaps(int qubits)
    {
        var sb = Header(qubits);
        for (int j = 0; j < qubits; j++)
        {
            sb.Append("h q[").Append(j).Append("];\n");
            for (int k = j + 1; k < qubits; k++)
                sb.Append("cp(pi / ").Append(Math.Pow(2, k - j).ToString("R", CultureInfo.InvariantCulture)).Append(") q[").Append(k).Append("], q[").Append(j).Append("];\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// Quantum volume: n layers; each pairs the qubits by a random permutation and applies a
    /// random two-qubit unitary to each pair, in its generic form of three CX gates between
    /// random single-qubit unitaries (the KAK form Qiskit's QuantumVolume decomposes to).
    /// </summary>
    public static string QuantumVolume(int qubits, int seed)
    {
        var random = new Random(seed);
        var sb = Header(qubits);
        string U() => string.Join(", ", Enumerable.Range(0, 3).Select(_ => (random.NextDouble() * 2 * Math.PI).ToString("R", CultureInfo.InvariantCulture)));
        for (int layer = 0; layer < qubits; layer++)
        {
            var order = Enumerable.Range(0, qubits).ToArray();
            random.Shuffle(order);
            for (int i = 0; i + 1 < qubits; i += 2)
            {
                int a = order[i], b = order[i + 1];
                for (int round = 0; round < 3; round++)
                {
                    sb.Append("U(").Append(U()).Append(") q[").Append(a).Append("];\n");
                    sb.Append("U(").Append(U()).Append(") q[").Append(b).Append("];\n");
                    sb.Append("cx q[").Append(a).Append("], q[").Append(b).Append("];\n");
                }
                sb.Append("U(").Append(U()).Append(") q[").Append(a).Append("];\n");
                sb.Append("U(").Append(U()).Append(") q[").Append(b).Append("];\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>One QAOA layer for MaxCut on a G(n, p) random graph: H, RZZ(γ) per edge, RX(β).</summary>
    public static string Qaoa(int qubits, double edgeProbability, int seed)
    {
        var random = new Random(seed);
        var sb = Header(qubits);
        for (int q = 0; q < qubits; q++) sb.Append("h q[").Append(q).Append("];\n");
        for (int a = 0; a < qubits; a++)
            for (int b = a + 1; b < qubits; b++)
                if (random.NextDouble() < edgeProbability) sb.Append("rzz(0.7) q[").Append(a).Append("], q[").Append(b).Append("];\n");
        for (int q = 0; q < qubits; q++) sb.Append("rx(0.3) q[").Append(q).Append("];\n");
        return sb.ToString();
    }

    /// <summary>Cuccaro ripple-carry adder of two n-bit numbers (2n + 2 qubits), MAJ and UMA blocks of CX and Toffoli.</summary>
    public static string CuccaroAdder(int bits)
    {
        int qubits = 2 * bits + 2;
        var sb = Header(qubits);
        // q[0] carry in, a[i] = q[1 + 2i], b[i] = q[2 + 2i], q[2n + 1] carry out.
        int A(int i) => 1 + 2 * i;
        int B(int i) => 2 + 2 * i;
        void Maj(int c, int b, int a)
        {
            sb.Append($"cx q[{a}], q[{b}];\ncx q[{a}], q[{c}];\nccx q[{c}], q[{b}], q[{a}];\n");
        }
        void Uma(int c, int b, int a)
        {
            sb.Append($"ccx q[{c}], q[{b}], q[{a}];\ncx q[{a}], q[{c}];\ncx q[{c}], q[{b}];\n");
        }
        Maj(0, B(0), A(0));
        for (int i = 1; i < bits; i++) Maj(A(i - 1), B(i), A(i));
        sb.Append($"cx q[{A(bits - 1)}], q[{qubits - 1}];\n");
        for (int i = bits - 1; i >= 1; i--) Uma(A(i - 1), B(i), A(i));
        Uma(0, B(0), A(0));
        return sb.ToString();
    }

    /// <summary>
    /// Bernstein–Vazirani with the all-ones secret, as QASMBench's bv_n* circuits: X and H on the
    /// ancilla (the last qubit), H on the data qubits, one CX from every data qubit into the
    /// ancilla, H on the data qubits. Every CX targets one qubit, so the optimum is one copy of the
    /// ancilla per remote QPU (K − 1 ebits).
    /// </summary>
    public static string BernsteinVazirani(int qubits)
    {
        var sb = Header(qubits);
        int ancilla = qubits - 1;
        sb.Append($"x q[{ancilla}];\nh q[{ancilla}];\n");
        for (int q = 0; q < ancilla; q++) sb.Append($"h q[{q}];\n");
        for (int q = 0; q < ancilla; q++) sb.Append($"cx q[{q}], q[{ancilla}];\n");
        for (int q = 0; q < ancilla; q++) sb.Append($"h q[{q}];\n");
        return sb.ToString();
    }

    private static StringBuilder Header(int qubits) =>
        new StringBuilder("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n").Append("qubit[").Append(qubits).Append("] q;\n");
}
