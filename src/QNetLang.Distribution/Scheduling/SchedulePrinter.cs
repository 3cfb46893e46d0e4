using System.Text;
using QNetLang.Ir;

namespace QNetLang.Distribution.Scheduling;

/// <summary>The dump after the schedule stage: one block per node, qubits and bits by name.</summary>
public static class SchedulePrinter
{
    public static string Print(Circuit circuit, DistributedSchedule schedule)
    {
        var sb = new StringBuilder();
        sb.Append("schedule ").Append(circuit.Name).Append(" on ").Append(circuit.Network.Name)
          .Append(": ").Append(schedule.Pairs).Append(" pair(s), ").Append(schedule.BitMessages).Append(" bit message(s), ")
          .Append(schedule.QubitMessages).Append(" qubit message(s)\n");
        foreach (var program in schedule.Programs)
        {
            sb.Append("node ").Append(program.Node).Append(" holds ")
              .Append(string.Join(", ", program.Qubits.Select(q => circuit.Qubits[q].Name))).Append('\n');
            Write(sb, circuit, program.Instructions, 1);
        }
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Circuit circuit, IEnumerable<NodeInstruction> instructions, int indent)
    {
        string Q(int q) => circuit.Qubits[q].Name;
        string B(int b) => circuit.Bits[b].Name;
        foreach (var instruction in instructions)
        {
            sb.Append(' ', indent * 2);
            switch (instruction)
            {
                case LocalInstruction local:
                    sb.Append(IrPrinter.FormatOperation(circuit, local.Operation));
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
                    sb.Append("if ").Append(IrPrinter.FormatCondition(c.Condition, B)).Append(" {\n");
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
