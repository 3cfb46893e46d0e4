using System.Globalization;
using System.Text;
using QNetLang.Ir;

namespace QNetLang.Backends.Qasm3;

/// <summary>
/// The whole distributed circuit as one OpenQASM 3 program that any simulator can run: every
/// node's qubits (data and communication) in one register, each Bell pair prepared in place
/// (reset, H, CX — the network's job on real hardware), mid-circuit measurements and
/// feed-forward as ordinary statements. Running it and the source program and comparing the
/// program's own bit registers checks that distribution kept the meaning.
/// </summary>
public static class FlatQasmEmitter
{
    public static string Emit(Circuit circuit, string description)
    {
        var sb = new StringBuilder();
        sb.Append("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n\n");
        sb.Append("// ").Append(description).Append(": program ").Append(circuit.Name).Append(" on network ").Append(circuit.Network.Name).Append(".\n");
        sb.Append("// Qubits of every node share one register; Bell pairs are prepared in place.\n");
        var operations = circuit.AllOperations().ToList();
        if (operations.Any(op => op is TeleportOperation))
            throw new InvalidOperationException("teleports must be lowered (distribute pass) before flat emission");
        foreach (var definition in QasmWriter.Preamble(operations)) sb.Append(definition).Append('\n');
        sb.Append('\n');
        for (int i = 0; i < circuit.Qubits.Length; i++)
        {
            var q = circuit.Qubits[i];
            sb.Append("// q[").Append(i).Append("] = ").Append(q.Name);
            if (q.Node is not null) sb.Append(" @ ").Append(q.Node);
            if (q.Role == QubitRole.Communication) sb.Append(" (communication)");
            sb.Append('\n');
        }
        if (circuit.Qubits.Length > 0) sb.Append("qubit[").Append(circuit.Qubits.Length).Append("] q;\n");
        var (registers, bitNames) = QasmNames.BitRegisters(circuit.Bits);
        foreach (var register in registers)
            sb.Append(register.Size == 0 ? $"bit {register.Name};\n" : $"bit[{register.Size}] {register.Name};\n");
        sb.Append('\n');

        string Q(int index) => "q[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        var writer = new QasmWriter(sb, Q, b => bitNames[b], QasmNames.BitsText(circuit.Bits, bitNames));
        Write(circuit, circuit.Operations, writer, sb, Q, bitNames, 0);
        return sb.ToString();
    }

    private static void Write(Circuit circuit, IEnumerable<Operation> operations, QasmWriter writer, StringBuilder sb, Func<int, string> q, string[] bitNames, int indent)
    {
        string pad = new(' ', indent * 4);
        foreach (var op in operations)
        {
            switch (op)
            {
                case EprOperation e:
                    sb.Append(pad).Append("// Bell pair ").Append(circuit.Qubits[e.First].Name).Append(" -- ").Append(circuit.Qubits[e.Second].Name);
                    if (e.Path.Length > 2) sb.Append(" via ").Append(string.Join(" -- ", e.Path));
                    sb.Append('\n');
                    sb.Append(pad).Append("reset ").Append(q(e.First)).Append(";\n");
                    sb.Append(pad).Append("reset ").Append(q(e.Second)).Append(";\n");
                    sb.Append(pad).Append("h ").Append(q(e.First)).Append(";\n");
                    sb.Append(pad).Append("cx ").Append(q(e.First)).Append(", ").Append(q(e.Second)).Append(";\n");
                    break;
                case SendOperation s:
                    // Lossless in this ideal rendering: the qubit arrives, and its flag says so.
                    sb.Append(pad).Append("// ").Append(circuit.Qubits[s.Qubit].Name).Append(" sent to ").Append(s.Destination).Append('\n');
                    if (s.ArrivalBit is { } flag) sb.Append(pad).Append(bitNames[flag]).Append(" = 1;\n");
                    break;
                case IfOperation i when i.Then.Concat(i.Else).Any(inner => inner is EprOperation or SendOperation or IfOperation):
                    sb.Append(pad).Append(i.IsLoop ? "while (" : "if (").Append(writer.Condition(i.Condition)).Append(") {\n");
                    Write(circuit, i.Then, writer, sb, q, bitNames, indent + 1);
                    sb.Append(pad).Append('}');
                    if (i.Else.Length > 0)
                    {
                        sb.Append(" else {\n");
                        Write(circuit, i.Else, writer, sb, q, bitNames, indent + 1);
                        sb.Append(pad).Append('}');
                    }
                    sb.Append('\n');
                    break;
                default:
                    writer.Write(op, indent);
                    break;
            }
        }
    }
}
