using System.Globalization;
using System.Text;
using QNetLang.Ir;

namespace QNetLang.Backends.Qasm3;

/// <summary>
/// One OpenQASM 3 program per node. Local qubits are numbered within the node; network
/// operations are calls to declared `extern` functions whose first argument is the pair or
/// message number that manifest.json pairs with the peer's call:
/// <c>entangle(pair, qubit)</c> (this node's half of a Bell pair lands in local qubit
/// <c>q[qubit]</c>), <c>send_bit(message, value)</c>, <c>receive_bit(message) -&gt; bit</c>,
/// <c>send_qubit(message, qubit)</c> and <c>receive_qubit(message, qubit) -&gt; bit</c> (1 when the
/// qubit arrived).
/// </summary>
public static class NodeQasmEmitter
{
    public const string Externs = """
        extern entangle(int[32], int[32]);
        extern send_bit(int[32], bit);
        extern receive_bit(int[32]) -> bit;
        extern send_qubit(int[32], int[32]);
        extern receive_qubit(int[32], int[32]) -> bit;
        """;

    public static string Emit(DistributedProgram circuit, NodeProgram program)
    {
        var local = new Dictionary<int, int>();
        foreach (int q in program.Qubits) local[q] = local.Count;
        var sb = new StringBuilder();
        sb.Append("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n\n");
        sb.Append("// Node ").Append(program.Node).Append(" of network ").Append(circuit.Network.Name).Append(", program ").Append(circuit.Name).Append(".\n");
        sb.Append("// Network operations are extern calls; manifest.json pairs them with the peer node's.\n");
        sb.Append(Externs.Replace("\r", "", StringComparison.Ordinal)).Append('\n');
        var operations = NodeInstructions.Flatten(program.Instructions).OfType<LocalInstruction>().Select(l => l.Operation).ToList();
        foreach (var definition in QasmWriter.Preamble(operations)) sb.Append(definition).Append('\n');
        sb.Append('\n');
        foreach (var (global, index) in local)
            sb.Append("// q[").Append(index).Append("] = ").Append(circuit.Qubits[global].Name).Append(circuit.Qubits[global].Role == QubitRole.Communication ? " (communication)\n" : "\n");
        if (local.Count > 0) sb.Append("qubit[").Append(local.Count).Append("] q;\n");

        var (registers, bitNames) = QasmNames.BitRegisters(circuit.Bits);
        var usedBits = NodeInstructions.BitsUsed(program.Instructions);
        var usedRegisters = new HashSet<string>(usedBits.Select(b => QasmNames.RegisterOf(circuit.Bits[b])), StringComparer.Ordinal);
        foreach (var register in registers.Where(r => usedRegisters.Contains(r.Name)))
            sb.Append(register.Size == 0 ? $"bit {register.Name};\n" : $"bit[{register.Size}] {register.Name};\n");
        sb.Append('\n');

        string Q(int global) => "q[" + local[global].ToString(CultureInfo.InvariantCulture) + "]";
        var writer = new QasmWriter(sb, Q, b => bitNames[b], QasmNames.BitsText(circuit.Bits, bitNames));
        Write(program.Instructions, writer, sb, local, bitNames, 0);
        return sb.ToString();
    }

    private static void Write(IEnumerable<NodeInstruction> instructions, QasmWriter writer, StringBuilder sb, Dictionary<int, int> local, string[] bitNames, int indent)
    {
        string pad = new(' ', indent * 4);
        string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        foreach (var instruction in instructions)
        {
            switch (instruction)
            {
                case LocalInstruction l:
                    writer.Write(l.Operation, indent);
                    break;
                case EntangleInstruction e:
                    sb.Append(pad).Append("entangle(").Append(N(e.PairId)).Append(", ").Append(N(local[e.Qubit])).Append(");  // with ").Append(e.Peer);
                    if (e.Path.Length > 2) sb.Append(" via ").Append(string.Join(" -- ", e.Path));
                    sb.Append('\n');
                    break;
                case SendBitInstruction s:
                    sb.Append(pad).Append("send_bit(").Append(N(s.MessageId)).Append(", ").Append(bitNames[s.Bit]).Append(");  // to ").Append(s.To).Append('\n');
                    break;
                case ReceiveBitInstruction r:
                    sb.Append(pad).Append(bitNames[r.Bit]).Append(" = receive_bit(").Append(N(r.MessageId)).Append(");  // from ").Append(r.From).Append('\n');
                    break;
                case SendQubitInstruction s:
                    sb.Append(pad).Append("send_qubit(").Append(N(s.MessageId)).Append(", ").Append(N(local[s.Qubit])).Append(");  // to ").Append(s.To).Append('\n');
                    break;
                case ReceiveQubitInstruction r:
                    sb.Append(pad);
                    if (r.ArrivalBit is { } flag) sb.Append(bitNames[flag]).Append(" = ");
                    sb.Append("receive_qubit(").Append(N(r.MessageId)).Append(", ").Append(N(local[r.Qubit])).Append(");  // from ").Append(r.From).Append('\n');
                    break;
                case ConditionalInstruction c:
                    sb.Append(pad).Append(c.IsLoop ? "while (" : "if (").Append(writer.Condition(c.Condition)).Append(") {\n");
                    Write(c.Then, writer, sb, local, bitNames, indent + 1);
                    sb.Append(pad).Append('}');
                    if (c.Else.Length > 0)
                    {
                        sb.Append(" else {\n");
                        Write(c.Else, writer, sb, local, bitNames, indent + 1);
                        sb.Append(pad).Append('}');
                    }
                    sb.Append('\n');
                    break;
            }
        }
    }
}
