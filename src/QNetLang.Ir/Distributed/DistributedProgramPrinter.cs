using System.Text;
namespace QNetLang.Ir;

/// <summary>The dump after the schedule stage: one block per node, qubits and bits by name.</summary>
public static class DistributedProgramPrinter
{
    public static string Print(DistributedProgram program)
    {
        var sb = new StringBuilder();
        sb.Append("schedule ").Append(program.Name).Append(" on ").Append(program.Network.Name)
          .Append(": ").Append(program.Pairs).Append(" pair(s), ").Append(program.BitMessages).Append(" bit message(s), ")
          .Append(program.QubitMessages).Append(" qubit message(s)\n");
        foreach (var node in program.Nodes)
        {
            sb.Append("node ").Append(node.Node).Append(" holds ")
              .Append(string.Join(", ", node.Qubits.Select(q => program.Qubits[q].Name))).Append('\n');
            Write(sb, program, node.Instructions, 1);
        }
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, DistributedProgram circuit, IEnumerable<NodeInstruction> instructions, int indent)
    {
        string Q(int q) => circuit.Qubits[q].Name;
        string B(int b) => circuit.Bits[b].Name;
        foreach (var instruction in instructions)
        {
            sb.Append(' ', indent * 2);
            switch (instruction)
            {
                case LocalInstruction local:
                    sb.Append(IrPrinter.FormatOperation(circuit.Qubits, circuit.Bits, local.Operation));
                    break;
                case EntangleInstruction e:
                    sb.Append("entangle pair ").Append(e.PairId).Append(' ').Append(Q(e.Qubit)).Append(" with ").Append(e.Peer);
                    if (e.Path.Length > 2) sb.Append(" via ").Append(string.Join(" -- ", e.Path));
                    break;
                case SendBitInstruction s:
                    sb.Append("send bit ").Append(B(s.Bit)).Append(" to ").Append(s.To).Append(" (message ").Append(s.MessageId).Append(')');
                    break;
                case ReceiveBitInstruction r:
                    sb.Append("receive bit ").Append(B(r.Bit)).Append(" from ").Append(r.From).Append(" (message ").Append(r.MessageId).Append(')');
                    break;
                case SendQubitInstruction s:
                    sb.Append("send qubit ").Append(Q(s.Qubit)).Append(" to ").Append(s.To).Append(" (message ").Append(s.MessageId).Append(')');
                    break;
                case ReceiveQubitInstruction r:
                    sb.Append("receive qubit ").Append(Q(r.Qubit)).Append(" from ").Append(r.From).Append(" (message ").Append(r.MessageId).Append(')');
                    if (r.ArrivalBit is { } flag) sb.Append(" arrived ").Append(B(flag));
                    break;
                case ConditionalInstruction c:
                    sb.Append(c.IsLoop ? "while " : "if ").Append(IrPrinter.FormatCondition(c.Condition, B)).Append(" {\n");
                    Write(sb, circuit, c.Then, indent + 1);
                    sb.Append(' ', indent * 2).Append('}');
                    if (c.Else.Length > 0)
                    {
                        sb.Append(" else {\n");
                        Write(sb, circuit, c.Else, indent + 1);
                        sb.Append(' ', indent * 2).Append('}');
                    }
                    break;
            }
            sb.Append('\n');
        }
    }
}
