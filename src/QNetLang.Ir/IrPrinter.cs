using System.Globalization;
using System.Text;
using QNetLang.Core;

namespace QNetLang.Ir;

/// <summary>
/// The textual form of the IR (for <c>--emit ir</c>, <c>--dump</c> and golden tests). Output is
/// a pure function of the circuit: same circuit, same bytes. Angles that are simple fractions of
/// pi print as such (<c>pi/4</c>), everything else in round-trip form.
/// </summary>
public static class IrPrinter
{
    public static string Print(Circuit circuit)
    {
        var sb = new StringBuilder();
        sb.Append("circuit ").Append(circuit.Name).Append(" on ").Append(circuit.Network.Name).Append('\n');
        PrintNetwork(sb, circuit.Network);
        sb.Append("qubits ").Append(circuit.Qubits.Length).Append('\n');
        foreach (var q in circuit.Qubits)
        {
            sb.Append("  %").Append(q.Index).Append(' ').Append(q.Name);
            if (q.Node is not null) sb.Append(" @ ").Append(q.Node);
            if (q.Role == QubitRole.Communication) sb.Append(" comm");
            sb.Append('\n');
        }
        sb.Append("bits ").Append(circuit.Bits.Length).Append('\n');
        foreach (var b in circuit.Bits) sb.Append("  #").Append(b.Index).Append(' ').Append(b.Name).Append('\n');
        sb.Append("operations ").Append(circuit.AllOperations().Count()).Append('\n');
        new OperationWriter(sb, circuit.Qubits, circuit.Bits).Write(circuit.Operations, 1);
        return sb.ToString();
    }

    /// <summary>One operation on one line, qubits and bits by name (nested blocks indented below it).</summary>
    public static string FormatOperation(Circuit circuit, Operation operation) => FormatOperation(circuit.Qubits, circuit.Bits, operation);

    /// <summary>One operation on one line, with the names of the given qubit and bit tables.</summary>
    public static string FormatOperation(IReadOnlyList<QubitInfo> qubits, IReadOnlyList<BitInfo> bits, Operation operation)
    {
        var sb = new StringBuilder();
        new OperationWriter(sb, qubits, bits).Write([operation], 0);
        return sb.ToString().TrimEnd('\n');
    }

    public static string PrintNetwork(Network network)
    {
        var sb = new StringBuilder();
        PrintNetwork(sb, network);
        return sb.ToString();
    }

    private static void PrintNetwork(StringBuilder sb, Network network)
    {
        sb.Append("network ").Append(network.Name);
        AppendProperties(sb, network.Properties);
        sb.Append('\n');
        foreach (var node in network.Nodes)
        {
            sb.Append("  ").Append(NodeKinds.Name(node.Kind)).Append(' ').Append(node.Name);
            AppendProperties(sb, node.Properties);
            sb.Append('\n');
        }
        foreach (var link in network.Links)
        {
            sb.Append("  link ").Append(link.From).Append(" -- ").Append(link.To);
            AppendProperties(sb, link.Properties);
            sb.Append('\n');
        }
    }

    private static void AppendProperties(StringBuilder sb, IEnumerable<KeyValuePair<string, PropertyValue>> properties)
    {
        foreach (var (name, value) in properties) sb.Append(' ').Append(name).Append('=').Append(value.ToString().Replace(" ", "", StringComparison.Ordinal));
    }

    /// <summary>Writes operations with qubits and bits by name (<c>q[3]</c>, <c>c[0]</c>), as the tables above them declare.</summary>
    private sealed class OperationWriter(StringBuilder sb, IReadOnlyList<QubitInfo> qubits, IReadOnlyList<BitInfo> bits)
    {
        public void Write(IEnumerable<Operation> operations, int indent)
        {
            foreach (var op in operations)
            {
                sb.Append(' ', indent * 2);
                switch (op)
                {
                    case GateOperation g:
                        sb.Append(g.Gate.Name);
                        if (g.HasRuntimeParameters) sb.Append('(').Append(string.Join(", ", g.RuntimeParameters.Select(p => ClassicalExpressionWriter.Write(p, B)))).Append(')');
                        else if (g.Parameters.Length > 0) sb.Append('(').Append(string.Join(", ", g.Parameters.Select(FormatAngle))).Append(')');
                        sb.Append(' ');
                        AppendQubits(g.Qubits);
                        break;
                    case MeasureOperation m:
                        sb.Append("measure ").Append(Q(m.Qubit));
                        if (m.Bit is { } bit) sb.Append(" -> ").Append(B(bit));
                        break;
                    case ResetOperation r:
                        sb.Append("reset ").Append(Q(r.Qubit));
                        break;
                    case BarrierOperation b:
                        sb.Append("barrier ");
                        AppendQubits(b.Qubits);
                        break;
                    case EprOperation e:
                        sb.Append("epr ").Append(Q(e.First)).Append(", ").Append(Q(e.Second));
                        if (e.Path.Length > 0) sb.Append(" via ").Append(string.Join(" -- ", e.Path));
                        break;
                    case TeleportOperation t:
                        sb.Append("teleport ").Append(Q(t.Qubit)).Append(" -> ").Append(t.Destination);
                        if (t.Path.Length > 0) sb.Append(" via ").Append(string.Join(" -- ", t.Path));
                        break;
                    case SendOperation s:
                        sb.Append("send ").Append(Q(s.Qubit)).Append(" -> ").Append(s.Destination);
                        if (s.ArrivalBit is { } flag) sb.Append(" arrived ").Append(B(flag));
                        break;
                    case ClassicalAssignOperation a:
                        sb.Append("assign ").Append(string.Join(", ", a.Targets.Select(B))).Append(" = ").Append(ClassicalExpressionWriter.Write(a.Value, B));
                        break;
                    case IfOperation i:
                        sb.Append(i.IsLoop ? "while " : "if ").Append(FormatCondition(i.Condition, B)).Append(" {\n");
                        Write(i.Then, indent + 1);
                        sb.Append(' ', indent * 2).Append('}');
                        if (i.Else.Length > 0)
                        {
                            sb.Append(" else {\n");
                            Write(i.Else, indent + 1);
                            sb.Append(' ', indent * 2).Append('}');
                        }
                        break;
                    default:
                        throw new InvalidOperationException($"IrPrinter does not know {op.GetType().Name}");
                }
                sb.Append('\n');
            }
        }

        /// <summary>Qubit names separated by commas, appended in place (a distributed circuit prints millions of gates).</summary>
        private void AppendQubits(System.Collections.Immutable.ImmutableArray<int> indices)
        {
            for (int i = 0; i < indices.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Q(indices[i]));
            }
        }

        private string Q(int index) => index >= 0 && index < qubits.Count ? qubits[index].Name : "%" + index.ToString(CultureInfo.InvariantCulture);

        private string B(int index) => index >= 0 && index < bits.Count ? bits[index].Name : "#" + index.ToString(CultureInfo.InvariantCulture);
    }

    public static string FormatCondition(Condition condition, Func<int, string> bitName) => condition switch
    {
        BitCondition b => $"{bitName(b.Bit)} == {(b.Value ? 1 : 0)}",
        NotCondition n => $"!({FormatCondition(n.Operand, bitName)})",
        AndCondition a => "(" + string.Join(" && ", a.Operands.Select(c => FormatCondition(c, bitName))) + ")",
        OrCondition o => "(" + string.Join(" || ", o.Operands.Select(c => FormatCondition(c, bitName))) + ")",
        ConstantCondition c => c.Value ? "true" : "false",
        ClassicalCondition c => ClassicalExpressionWriter.Write(c.Test, bitName),
        _ => throw new InvalidOperationException($"IrPrinter does not know {condition.GetType().Name}"),
    };

    /// <summary><c>pi/4</c>, <c>-3*pi/2</c>, <c>0</c>, or the round-trip decimal.</summary>
    public static string FormatAngle(double value)
    {
        if (value == 0) return "0";
        double ratio = value / Math.PI;
        for (int denominator = 1; denominator <= 64; denominator++)
        {
            double numerator = Math.Round(ratio * denominator);
            if (numerator == 0 || Math.Abs(ratio * denominator - numerator) > 1e-9 * denominator) continue;
            long n = (long)numerator;
            string head = n switch { 1 => "pi", -1 => "-pi", _ => n.ToString(CultureInfo.InvariantCulture) + "*pi" };
            return denominator == 1 ? head : head + "/" + denominator.ToString(CultureInfo.InvariantCulture);
        }
        return Units.FormatNumber(value);
    }
}
