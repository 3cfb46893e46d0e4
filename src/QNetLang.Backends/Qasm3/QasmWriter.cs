using System.Text;
using QNetLang.Ir;

namespace QNetLang.Backends.Qasm3;

/// <summary>Writes IR operations as OpenQASM 3 statements, given how qubits and bits are referred to.</summary>
internal sealed class QasmWriter(StringBuilder output, Func<int, string> qubit, Func<int, string> bit)
{
    public void Write(Operation operation, int indent)
    {
        output.Append(' ', indent * 4);
        switch (operation)
        {
            case GateOperation g:
                output.Append(QasmNames.GateName(g.Gate));
                if (g.Parameters.Length > 0) output.Append('(').Append(string.Join(", ", g.Parameters.Select(QasmNames.Angle))).Append(')');
                output.Append(' ').Append(string.Join(", ", g.Qubits.Select(qubit))).Append(";\n");
                break;
            case MeasureOperation m when m.Bit is { } b:
                output.Append(bit(b)).Append(" = measure ").Append(qubit(m.Qubit)).Append(";\n");
                break;
            case MeasureOperation m:
                output.Append("measure ").Append(qubit(m.Qubit)).Append(";\n");
                break;
            case ResetOperation r:
                output.Append("reset ").Append(qubit(r.Qubit)).Append(";\n");
                break;
            case BarrierOperation b:
                output.Append("barrier ").Append(string.Join(", ", b.Qubits.Select(qubit))).Append(";\n");
                break;
            case IfOperation i:
                output.Append(i.IsLoop ? "while (" : "if (").Append(Condition(i.Condition)).Append(") {\n");
                foreach (var inner in i.Then) Write(inner, indent + 1);
                output.Append(' ', indent * 4).Append('}');
                if (i.Else.Length > 0)
                {
                    output.Append(" else {\n");
                    foreach (var inner in i.Else) Write(inner, indent + 1);
                    output.Append(' ', indent * 4).Append('}');
                }
                output.Append('\n');
                break;
            default:
                throw new InvalidOperationException($"QasmWriter cannot write {operation.GetType().Name} as a plain statement");
        }
    }

    public string Condition(Condition condition) => condition switch
    {
        BitCondition b => b.Value ? bit(b.Bit) : "!" + bit(b.Bit),
        NotCondition n => "!(" + Condition(n.Operand) + ")",
        AndCondition a => "(" + string.Join(" && ", a.Operands.Select(Condition)) + ")",
        OrCondition o => "(" + string.Join(" || ", o.Operands.Select(Condition)) + ")",
        ConstantCondition c => c.Value ? "true" : "false",
        _ => throw new InvalidOperationException(condition.GetType().Name),
    };

    /// <summary>Definitions of the non-standard gates the operations use.</summary>
    public static IEnumerable<string> Preamble(IEnumerable<Operation> operations)
    {
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var g in operations.OfType<GateOperation>()) used.Add(g.Gate.Name);
        // rxx and ryy are written with cx/rz directly; only the names used need a definition.
        return used.Where(QasmNames.Definitions.ContainsKey).Select(n => QasmNames.Definitions[n]);
    }
}
