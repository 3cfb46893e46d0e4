using System.Text;
using QNetLang.Ir;

namespace QNetLang.Backends.Qasm3;

/// <summary>Writes IR operations as OpenQASM 3 statements, given how qubits and bits are referred to.</summary>
internal sealed class QasmWriter(StringBuilder output, Func<int, string> qubit, Func<int, string> bit, Func<System.Collections.Immutable.ImmutableArray<int>, string> bits)
{
    public void Write(Operation operation, int indent)
    {
        output.Append(' ', indent * 4);
        switch (operation)
        {
            case GateOperation g:
                output.Append(QasmNames.GateName(g.Gate));
                // An angle computed at run time is an expression over the node's bits (typed, so it reads back exactly).
                if (g.HasRuntimeParameters) output.Append('(').Append(string.Join(", ", g.RuntimeParameters.Select(p => ClassicalExpressionWriter.Write(p, bits)))).Append(')');
                else if (g.Parameters.Length > 0) output.Append('(').Append(string.Join(", ", g.Parameters.Select(QasmNames.Angle))).Append(')');
                output.Append(' ').Append(string.Join(", ", g.Qubits.Select(qubit))).Append(";\n");
                break;
            case MeasureOperation m when m.Bit is { } b:
                output.Append(bit(b)).Append(" = measure ").Append(qubit(m.Qubit)).Append(";\n");
                break;
            case MeasureOperation m:
                output.Append("measure ").Append(qubit(m.Qubit)).Append(";\n");
                break;
            case ClassicalAssignOperation a:
                // The target is a bit register (or one bit): the value is converted to its bit pattern.
                output.Append(bits(a.Targets)).Append(" = ").Append(a.Targets.Length == 1 ? "bit" : $"bit[{a.Targets.Length}]")
                    .Append('(').Append(ClassicalExpressionWriter.Write(a.Value, bits)).Append(");\n");
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
        ClassicalCondition c => ClassicalExpressionWriter.Write(c.Test, bits),
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
