using QNetLang.Core;
using QNetLang.Syntax.Ast;

namespace QNetLang.Syntax.Qasm;

/// <summary>
/// Moves every span of a built-in gate definition to one place in the user's file. The binder
/// and the lowerer read spans against the file being compiled, so a definition parsed from
/// other text (the qelib1.inc prelude) must not keep spans that point into that text.
/// </summary>
internal static class SpanRelocator
{
    public static GateDefinition Relocate(GateDefinition gate, TextSpan at) => new(
        Name(gate.Name, at),
        [.. gate.Parameters.Select(p => Name(p, at))],
        [.. gate.Qubits.Select(q => Name(q, at))],
        [.. gate.Body.Select(s => Statement(s, at))],
        at);

    private static Name Name(Name name, TextSpan at) => new(name.Text, at);

    // The prelude's bodies hold gate calls only (a gate body may hold nothing else).
    private static Statement Statement(Statement statement, TextSpan at) => statement switch
    {
        GateCall call => new GateCall(Name(call.Gate, at), [.. call.Arguments.Select(a => Expression(a, at))], [.. call.Operands.Select(o => Operand(o, at))], at),
        _ => throw new InvalidOperationException($"a built-in gate body holds a {statement.GetType().Name}"),
    };

    private static Operand Operand(Operand operand, TextSpan at) =>
        new(Name(operand.Name, at), operand.Index is null ? null : Expression(operand.Index, at), at);

    private static Expression Expression(Expression expression, TextSpan at) => expression switch
    {
        LiteralExpression literal => literal with { Unit = literal.Unit is null ? null : Name(literal.Unit, at), Span = at },
        NameExpression name => new NameExpression(Name(name.Name, at), at),
        IndexExpression index => new IndexExpression(Name(index.Name, at), Expression(index.Index, at), at),
        CallExpression call => new CallExpression(Name(call.Function, at), [.. call.Arguments.Select(a => Expression(a, at))], at),
        UnaryExpression unary => new UnaryExpression(unary.Operator, Expression(unary.Operand, at), at),
        BinaryExpression binary => new BinaryExpression(binary.Operator, Expression(binary.Left, at), Expression(binary.Right, at), at),
        _ => throw new InvalidOperationException($"unknown expression {expression.GetType().Name}"),
    };
}
