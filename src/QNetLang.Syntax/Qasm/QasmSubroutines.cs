using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Syntax.Ast;

namespace QNetLang.Syntax.Qasm;

/// <summary>
/// OpenQASM 3 subroutines (`def`), inlined at each call. A subroutine takes qubits and qubit
/// registers and may return a bit register it declares: the call <c>c = f(q, a);</c> becomes
/// f's body with each parameter replaced by its argument and the returned local replaced by
/// <c>c</c>, so the measurements inside write <c>c</c> directly. This is exactly OpenQASM's
/// meaning when the body writes every element it returns before returning it (the usual
/// `measure anc -> b; return b;`) and reads nothing of it before; the body is otherwise
/// copied statement for statement, with its own spans, so messages point into the definition.
/// </summary>
internal sealed class QasmSubroutines(SourceText source, DiagnosticBag diagnostics, long maxInlinedStatements)
{
    /// <summary>A definition: its parameters in order, the local bit register it returns (if any) and its body.</summary>
    public sealed record Definition(Name Name, ImmutableArray<Name> Qubits, Name? Returned, ImmutableArray<Statement> Body)
    {
        /// <summary>Per parameter: its classical type, or null for a qubit (empty: all qubits).</summary>
        public ImmutableArray<ClassicalTypeSyntax?> Classical { get; init; } = [];

        /// <summary>A classical result: its type and the expression of the final <c>return</c>.</summary>
        public ClassicalTypeSyntax? ResultType { get; init; }

        public Expression? ResultValue { get; init; }

        /// <summary>The type of the returned local bit register (<c>-> bit[2]</c>), when that is how it returns.</summary>
        public ClassicalTypeSyntax? ReturnedType { get; init; }

        public bool IsClassical(int parameter) => !Classical.IsDefaultOrEmpty && Classical[parameter] is not null;
    }

    private readonly Dictionary<string, Definition?> _definitions = new(StringComparer.Ordinal);

    // Calls inlined so far: numbers the local variables of each call.
    private int _calls;

    // Statements of each definition's body, nested ones included, and what all calls have copied
    // so far: bodies that call others grow with every level, so the total is bounded.
    private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);
    private long _inlined;
    private bool _overBudget;

    /// <summary>Records a definition; null marks one that was reported as unsupported, whose calls are then left out silently.</summary>
    public void Define(string name, Definition? definition)
    {
        _definitions[name] = definition;
        _sizes[name] = definition is null ? 0 : StatementCount(definition.Body);
    }

    public bool IsDefined(string name) => _definitions.ContainsKey(name);

    /// <summary>The type a call's value has, for a call inside an expression; null (reported unless the definition was) when it returns nothing.</summary>
    public ClassicalTypeSyntax? ResultTypeOf(Name callee, TextSpan span)
    {
        if (_definitions[callee.Text] is not { } definition) return null;
        if ((definition.ResultType ?? definition.ReturnedType) is { } type) return type;
        Mismatch(span, callee, "it returns nothing, so its call has no value");
        return null;
    }

    /// <summary>
    /// The statements a call stands for, or null when it does not fit the definition (reported)
    /// or the definition itself was unsupported.
    /// </summary>
    public ImmutableArray<Statement>? Inline(Name callee, IReadOnlyList<Expression> arguments, Operand? target, TextSpan span)
    {
        if (_definitions[callee.Text] is not { } definition || _overBudget) return null;
        if ((_inlined += _sizes[callee.Text] + 1) > maxInlinedStatements)
        {
            _overBudget = true;
            diagnostics.Report(Diagnostics.UnrollLimit, new Location(source, span), maxInlinedStatements);
            return null;
        }
        if (arguments.Count != definition.Qubits.Length)
            return Mismatch(span, callee, $"it takes {definition.Qubits.Length} argument(s), the call gives {arguments.Count}");
        if (target is not null && definition.Returned is null && definition.ResultValue is null)
            return Mismatch(span, callee, "it returns nothing, so its result cannot be assigned");
        var map = new Dictionary<string, Operand>(StringComparer.Ordinal);
        var values = new Dictionary<string, (Expression Argument, ClassicalTypeSyntax Type)>(StringComparer.Ordinal);
        for (int i = 0; i < arguments.Count; i++)
        {
            if (definition.IsClassical(i))
            {
                // By value: the argument, converted to the parameter's type where it is used.
                values[definition.Qubits[i].Text] = (arguments[i], definition.Classical[i]!);
                continue;
            }
            Operand? argument = arguments[i] switch
            {
                NameExpression n => new Operand(n.Name, null, n.Span),
                IndexExpression x => new Operand(x.Name, x.Index, x.Span),
                _ => null,
            };
            if (argument is null) return Mismatch(arguments[i].Span, callee, $"argument {i + 1} must be a qubit or a qubit register");
            map[definition.Qubits[i].Text] = argument;
        }
        if (target is not null && definition.Returned is not null) map[definition.Returned.Text] = target;
        // The body's own classical variables get a name of their own at each call, so that two
        // calls do not declare one variable twice and a local never meets a caller's variable.
        int call = _calls++;
        foreach (var local in LocalsOf(definition.Body))
            map.TryAdd(local.Text, new Operand(new Name($"__{callee.Text}_{local.Text}{call}", local.Span), null, local.Span));
        var renamer = new Renamer(map, values);
        var body = definition.Body.Select(renamer.Statement).ToImmutableArray();
        if (target is not null && definition.ResultValue is { } result)
            body = body.Add(new AssignmentStatement(target, null, new CastExpression(definition.ResultType!, renamer.Expression(result), result.Span), span));
        if (renamer.Problem is { } problem) return Mismatch(problem.Span, callee, problem.What);
        return body;
    }

    private static long StatementCount(IEnumerable<Statement> body) => Flatten(body).LongCount();

    /// <summary>The classical variables a body declares, at any depth.</summary>
    private static IEnumerable<Name> LocalsOf(IEnumerable<Statement> body) =>
        Flatten(body).OfType<VariableDeclaration>().Select(v => v.Name);

    /// <summary>Every statement of a body, each followed by those nested in it (loops, branches, blocks).</summary>
    private static IEnumerable<Statement> Flatten(IEnumerable<Statement> body)
    {
        foreach (var statement in body)
        {
            yield return statement;
            var nested = statement switch
            {
                ForStatement f => Flatten(f.Body),
                IfStatement i => Flatten(i.Then).Concat(Flatten(i.Else)),
                WhileStatement w => Flatten(w.Body),
                BlockStatement b => Flatten(b.Body),
                _ => [],
            };
            foreach (var inner in nested) yield return inner;
        }
    }

    private ImmutableArray<Statement>? Mismatch(TextSpan span, Name callee, string why)
    {
        diagnostics.Report(Diagnostics.SubroutineCallMismatch, new Location(source, span), callee.Text, why);
        return null;
    }

    /// <summary>Replaces parameter (and returned-local) names by the call's operands, and classical parameters by their values, throughout a body.</summary>
    private sealed class Renamer(Dictionary<string, Operand> map, Dictionary<string, (Expression Argument, ClassicalTypeSyntax Type)> values)
    {
        public (TextSpan Span, string What)? Problem { get; private set; }

        public Statement Statement(Statement statement) => statement switch
        {
            GateCall g => g with { Arguments = [.. g.Arguments.Select(Expression)], Operands = [.. g.Operands.Select(Operand)] },
            MeasureStatement m => m with { Qubit = Operand(m.Qubit), Target = m.Target is null ? null : Operand(m.Target) },
            ResetStatement r => r with { Qubit = Operand(r.Qubit) },
            BarrierStatement b => b with { Operands = [.. b.Operands.Select(Operand)] },
            ForStatement f => f with { Start = Expression(f.Start), End = Expression(f.End), Body = [.. f.Body.Select(Statement)] },
            IfStatement i => i with { Condition = Expression(i.Condition), Then = [.. i.Then.Select(Statement)], Else = [.. i.Else.Select(Statement)] },
            WhileStatement w => w with { Condition = Expression(w.Condition), Body = [.. w.Body.Select(Statement)] },
            BlockStatement b => b with { Body = [.. b.Body.Select(Statement)] },
            AssignmentStatement a => a with { Target = Operand(a.Target), Value = Expression(a.Value) },
            VariableDeclaration v => v with
            {
                Name = map.TryGetValue(v.Name.Text, out var local) ? local.Name with { Span = v.Name.Span } : v.Name,
                Initializer = v.Initializer is null ? null : Expression(v.Initializer),
            },
            _ => statement,
        };

        private Operand Operand(Operand operand)
        {
            if (values.ContainsKey(operand.Name.Text))
            {
                Problem ??= (operand.Span, $"its body writes the classical parameter '{operand.Name.Text}', which is passed by value");
                return operand;
            }
            if (!map.TryGetValue(operand.Name.Text, out var argument)) return operand with { Index = operand.Index is null ? null : Expression(operand.Index) };
            if (operand.Index is null) return argument with { Span = operand.Span };
            if (argument.Index is not null)
            {
                Problem ??= (operand.Span, $"'{operand.Name.Text}' is indexed, but its argument is a single element");
                return operand;
            }
            return new Operand(argument.Name, Expression(operand.Index), operand.Span);
        }

        public Expression Expression(Expression expression)
        {
            switch (expression)
            {
                case NameExpression n when values.TryGetValue(n.Name.Text, out var value):
                    return new CastExpression(value.Type, value.Argument, n.Span);
                case IndexExpression x when values.TryGetValue(x.Name.Text, out var value):
                    if (value.Argument is NameExpression register) return new IndexExpression(register.Name, Expression(x.Index), x.Span);
                    Problem ??= (x.Span, $"'{x.Name.Text}' is indexed, but its argument is not a register or variable");
                    return x;
                case NameExpression n when map.TryGetValue(n.Name.Text, out var argument):
                    return argument.Index is null ? new NameExpression(argument.Name, n.Span) : new IndexExpression(argument.Name, argument.Index, n.Span);
                case IndexExpression x when map.TryGetValue(x.Name.Text, out var argument):
                    if (argument.Index is not null)
                    {
                        Problem ??= (x.Span, $"'{x.Name.Text}' is indexed, but its argument is a single element");
                        return x;
                    }
                    return new IndexExpression(argument.Name, Expression(x.Index), x.Span);
                case IndexExpression x:
                    return x with { Index = Expression(x.Index) };
                case UnaryExpression u:
                    return u with { Operand = Expression(u.Operand) };
                case CastExpression c:
                    return c with { Operand = Expression(c.Operand) };
                case BinaryExpression b:
                    return b with { Left = Expression(b.Left), Right = Expression(b.Right) };
                case CallExpression c:
                    return c with { Arguments = [.. c.Arguments.Select(Expression)] };
                default:
                    return expression;
            }
        }
    }
}
