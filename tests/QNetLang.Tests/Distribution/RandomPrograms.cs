using System.Globalization;
using System.Text;

namespace QNetLang.Tests.Distribution;

/// <summary>Random circuits (as OpenQASM 3) and random networks (as .qn) for property tests.</summary>
public static class RandomPrograms
{
    private static readonly string[] OneQubit = ["h", "x", "y", "z", "s", "sdg", "t", "tdg", "sx", "rx", "ry", "rz", "p", "u"];
    private static readonly string[] TwoQubit = ["cx", "cz", "cy", "cp", "crz", "crx", "ch", "swap", "rzz", "rxx", "ryy", "cu"];
    private static readonly string[] ThreeQubit = ["ccx", "cswap"];

    public static string Circuit(Random random, int qubits, int gates)
    {
        var sb = new StringBuilder("OPENQASM 3;\ninclude \"stdgates.inc\";\n");
        sb.Append("qubit[").Append(qubits).Append("] q;\n");
        for (int i = 0; i < gates; i++)
        {
            int arity = qubits >= 3 && random.NextDouble() < 0.1 ? 3 : random.NextDouble() < 0.55 ? 2 : 1;
            string name = arity switch
            {
                1 => OneQubit[random.Next(OneQubit.Length)],
                2 => TwoQubit[random.Next(TwoQubit.Length)],
                _ => ThreeQubit[random.Next(ThreeQubit.Length)],
            };
            int parameters = name switch { "u" => 3, "cu" => 4, "rx" or "ry" or "rz" or "p" or "cp" or "crz" or "crx" or "rzz" or "rxx" or "ryy" => 1, _ => 0 };
            var operands = Enumerable.Range(0, qubits).OrderBy(_ => random.Next()).Take(arity);
            sb.Append(name);
            if (parameters > 0)
                sb.Append('(').Append(string.Join(", ", Enumerable.Range(0, parameters).Select(_ => (random.NextDouble() * 6 - 3).ToString("R", CultureInfo.InvariantCulture)))).Append(')');
            sb.Append(' ').Append(string.Join(", ", operands.Select(o => $"q[{o}]"))).Append(";\n");
        }
        return sb.ToString();
    }

    /// <summary>Quantum-volume-like layers: random pairs, each a block of three CX between random rotations (circuits that reward migration).</summary>
    public static string BlockLayers(Random random, int qubits, int layers)
    {
        var sb = new StringBuilder("OPENQASM 3;\ninclude \"stdgates.inc\";\n");
        sb.Append("qubit[").Append(qubits).Append("] q;\n");
        string Angle() => (random.NextDouble() * 6 - 3).ToString("R", CultureInfo.InvariantCulture);
        for (int layer = 0; layer < layers; layer++)
        {
            var order = Enumerable.Range(0, qubits).OrderBy(_ => random.Next()).ToArray();
            for (int i = 0; i + 1 < qubits; i += 2)
                for (int round = 0; round < 3; round++)
                    sb.Append($"u({Angle()}, {Angle()}, {Angle()}) q[{order[i]}];\nry({Angle()}) q[{order[i + 1]}];\ncx q[{order[i]}], q[{order[i + 1]}];\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// <see cref="BlockLayers"/> written the way transpilers write such files: each pair's block
    /// whole, the blocks in a random order that respects each qubit's layer order, so one layer's
    /// blocks are interleaved with later layers' (partitioning must reorder them by layer).
    /// </summary>
    public static string InterleavedBlockLayers(Random random, int qubits, int layers)
    {
        var sb = new StringBuilder("OPENQASM 3;\ninclude \"stdgates.inc\";\n");
        sb.Append("qubit[").Append(qubits).Append("] q;\n");
        string Angle() => (random.NextDouble() * 6 - 3).ToString("R", CultureInfo.InvariantCulture);
        var pending = new List<(int Layer, int A, int B)>();
        for (int layer = 0; layer < layers; layer++)
        {
            var order = Enumerable.Range(0, qubits).OrderBy(_ => random.Next()).ToArray();
            for (int i = 0; i + 1 < qubits; i += 2) pending.Add((layer, order[i], order[i + 1]));
        }
        var done = new int[qubits];
        while (pending.Count > 0)
        {
            // A block is ready when both its qubits have finished every earlier layer.
            var ready = pending.Where(b => pending.All(o => o.Layer >= b.Layer || (o.A != b.A && o.B != b.B && o.A != b.B && o.B != b.A))).ToList();
            var (_, a, b) = ready[random.Next(ready.Count)];
            pending.Remove(ready.First(r => r.A == a && r.B == b));
            for (int round = 0; round < 3; round++)
                sb.Append($"u({Angle()}, {Angle()}, {Angle()}) q[{a}];\nry({Angle()}) q[{b}];\ncx q[{a}], q[{b}];\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// Layers in which each qubit either meets a random partner (CZ, CX either way, CP) or gets
    /// one of H, X, SX, RX, RZ, T: long runs in the Z and the X basis that merge across H·H and
    /// X-type rotations, the circuits basis-aware packing rewrites.
    /// </summary>
    public static string PackingLayers(Random random, int qubits, int layers)
    {
        var sb = new StringBuilder("OPENQASM 3;\ninclude \"stdgates.inc\";\n");
        sb.Append("qubit[").Append(qubits).Append("] q;\n");
        string Angle() => (random.NextDouble() * 6 - 3).ToString("R", CultureInfo.InvariantCulture);
        string[] single = ["h", "h", "h", "x", "sx", "rx", "rz", "t"];
        string[] pair = ["cz", "cx", "cx", "cp"];
        for (int layer = 0; layer < layers; layer++)
        {
            var order = Enumerable.Range(0, qubits).OrderBy(_ => random.Next()).ToArray();
            int paired = random.Next(0, qubits / 2 + 1) * 2;
            for (int i = 0; i + 1 < paired; i += 2)
            {
                string name = pair[random.Next(pair.Length)];
                string parameters = name == "cp" ? $"({Angle()})" : "";
                sb.Append($"{name}{parameters} q[{order[i]}], q[{order[i + 1]}];\n");
            }
            for (int i = paired; i < qubits; i++)
            {
                string name = single[random.Next(single.Length)];
                string parameters = name is "rx" or "rz" ? $"({Angle()})" : "";
                sb.Append($"{name}{parameters} q[{order[i]}];\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Layers in which each qubit either meets a random partner (mostly CZ, sometimes CX either
    /// way, CY or CP) or gets H (often), Z, S, X or T: the H·(CZ…)·H sandwiches that a copy can be
    /// kept through, with now and then a gate that must stop it.
    /// </summary>
    public static string SandwichLayers(Random random, int qubits, int layers)
    {
        var sb = new StringBuilder("OPENQASM 3;\ninclude \"stdgates.inc\";\n");
        sb.Append("qubit[").Append(qubits).Append("] q;\n");
        string Angle() => (random.NextDouble() * 6 - 3).ToString("R", CultureInfo.InvariantCulture);
        string[] single = ["h", "h", "h", "h", "h", "h", "h", "h", "h", "z", "s", "x", "t"];
        string[] pair = ["cz", "cz", "cz", "cz", "cz", "cz", "cz", "cz", "cx", "cy", "cp"];
        for (int layer = 0; layer < layers; layer++)
        {
            var order = Enumerable.Range(0, qubits).OrderBy(_ => random.Next()).ToArray();
            int paired = random.Next(0, qubits / 2 + 1) * 2;
            for (int i = 0; i + 1 < paired; i += 2)
            {
                string name = pair[random.Next(pair.Length)];
                string parameters = name == "cp" ? $"({Angle()})" : "";
                sb.Append($"{name}{parameters} q[{order[i]}], q[{order[i + 1]}];\n");
            }
            for (int i = paired; i < qubits; i++) sb.Append($"{single[random.Next(single.Length)]} q[{order[i]}];\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// A connected network of <paramref name="qpus"/> QPUs with random extra repeaters and links,
    /// enough data capacity for <paramref name="qubits"/>, and small communication pools (so that
    /// copies are closed early and reopened).
    /// </summary>
    public static string Network(Random random, int qpus, int qubits)
    {
        var sb = new StringBuilder("network rnd {\n");
        int capacity = (qubits + qpus - 1) / qpus + random.Next(0, 2);
        var names = new List<string>();
        for (int i = 0; i < qpus; i++)
        {
            names.Add($"p{i}");
            sb.Append($"    qpu p{i} {{ qubits = {capacity}; comm = {random.Next(1, 3)}; }}\n");
        }
        int repeaters = random.Next(0, 3);
        for (int i = 0; i < repeaters; i++)
        {
            names.Add($"r{i}");
            sb.Append($"    repeater r{i} {{ swap_success = 0.9; }}\n");
        }
        // A random spanning tree, then a few extra links.
        var links = new HashSet<(int, int)>();
        for (int i = 1; i < names.Count; i++) links.Add((random.Next(i), i));
        for (int extra = random.Next(0, 3); extra > 0; extra--)
        {
            int a = random.Next(names.Count), b = random.Next(names.Count);
            if (a != b) links.Add((Math.Min(a, b), Math.Max(a, b)));
        }
        foreach (var (a, b) in links.OrderBy(l => l))
            sb.Append($"    link {names[a]} -- {names[b]} {{ length = {random.Next(1, 60)} km; }}\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>
    /// QPUs just large enough for the qubits, with two or three communication qubits each, on a
    /// random tree (no repeaters, no extra links): most pairs are two or more hops apart.
    /// </summary>
    public static string TreeNetwork(Random random, int qpus, int qubits)
    {
        var sb = new StringBuilder("network tree {\n");
        int capacity = (qubits + qpus - 1) / qpus;
        for (int i = 0; i < qpus; i++)
            sb.Append($"    qpu p{i} {{ qubits = {capacity}; comm = {random.Next(2, 4)}; }}\n");
        for (int i = 1; i < qpus; i++)
            sb.Append($"    link p{random.Next(i)} -- p{i} {{ length = {random.Next(1, 60)} km; }}\n");
        sb.Append("}\n");
        return sb.ToString();
    }
}
