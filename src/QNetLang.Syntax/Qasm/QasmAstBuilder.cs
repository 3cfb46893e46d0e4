using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using QNetLang.Core;
using QNetLang.Syntax.Ast;
using QNetLang.Syntax.Generated;
using P = QNetLang.Syntax.Generated.OpenQasmParser;

namespace QNetLang.Syntax.Qasm;

/// <summary>
/// Builds the .qn AST from an OpenQASM parse tree: the whole file becomes one
/// <see cref="ProgramDeclaration"/> with no network. As in <see cref="QnAstBuilder"/>, pieces
/// missing after error recovery are left out silently (the parser already reported them), while
/// constructs outside the importable subset are reported once each as QN1011 and left out.
/// </summary>
internal sealed partial class QasmAstBuilder
{
    /// <summary>The standard-gate libraries; their gates are built into the binder, so including them is a no-op.</summary>
    private static readonly ImmutableHashSet<string> StandardIncludes = ["qelib1.inc", "stdgates.inc"];

    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly QasmExpressionBuilder _expressions;
    private readonly QasmSubroutines _subroutines;
    // Result variables of subroutine calls inside expressions, declared before the top-level statement that makes them.
    private readonly List<Statement> _callResults = new();
    private int _callResultCount;
    // The subroutine whose body is being built: a call of it there is recursion (QN2070).
    private string? _defining;
    private readonly QasmGateModifiers _modifiers;

    /// <summary>Opaque gates declared so far (name → declaration span), and those called.</summary>
    private readonly Dictionary<string, TextSpan> _opaque = new(StringComparer.Ordinal);
    private readonly HashSet<string> _opaqueUsed = new(StringComparer.Ordinal);

    /// <summary>Gate names the file defines and calls, to choose the prelude definitions it needs.</summary>
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly HashSet<string> _called = new(StringComparer.Ordinal);

    /// <summary>Where the qelib1.inc include is: the span injected prelude gates carry.</summary>
    private TextSpan? _qelib1Include;

    private QasmAstBuilder(SourceText source, DiagnosticBag diagnostics, SourceLanguage language, long maxInlinedStatements)
    {
        _source = source;
        _diagnostics = diagnostics;
        _expressions = new QasmExpressionBuilder(source, diagnostics, language);
        _subroutines = new QasmSubroutines(source, diagnostics, maxInlinedStatements);
        _modifiers = new QasmGateModifiers(source, diagnostics);
    }

    public static CompilationUnit Build(SourceText source, DiagnosticBag diagnostics, P.ProgramContext tree, bool withPrelude, long maxInlinedStatements)
    {
        var language = Language(source, diagnostics, tree);
        var builder = new QasmAstBuilder(source, diagnostics, language, maxInlinedStatements);
        var whole = new TextSpan(0, source.Text.Length);
        var name = new Name(QasmProgramName.FromPath(source.Path), new TextSpan(0, 0));
        var statements = builder.TopLevelStatements(tree.statement());
        builder.ReportUnusedOpaque();
        if (withPrelude && language == SourceLanguage.OpenQasm2) statements = builder.WithPrelude(statements);
        var program = new ProgramDeclaration(name, null, statements, whole);
        return new CompilationUnit(source, language, [program], whole);
    }

    /// <summary>
    /// <c>OPENQASM 2.0;</c> or <c>OPENQASM 3;</c>/<c>3.0</c>. An unknown version is reported but
    /// parsing goes on with the nearer one. Without a header (optional only in OpenQASM 3) the
    /// file is read as OpenQASM 2.0 when it includes qelib1.inc and as OpenQASM 3 otherwise, and
    /// a warning says which.
    /// </summary>
    private static SourceLanguage Language(SourceText source, DiagnosticBag diagnostics, P.ProgramContext tree)
    {
        var version = tree.version();
        var token = version?.number()?.Start;
        if (version is null)
        {
            bool qelib1 = tree.statement().Any(s => s.includeStatement()?.StringLiteral()?.GetText() == "\"qelib1.inc\"");
            var at = tree.Start is { TokenIndex: >= 0, Type: not TokenConstants.EOF } first ? SyntaxErrorListener.TokenSpan(source, first) : new TextSpan(0, 0);
            diagnostics.Report(Diagnostics.MissingQasmHeader, new Location(source, at),
                qelib1 ? "2.0" : "3", qelib1 ? "it includes qelib1.inc" : "the version whose header is optional");
            return qelib1 ? SourceLanguage.OpenQasm2 : SourceLanguage.OpenQasm3;
        }
        if (token is null || token.TokenIndex < 0 || token.Type is not (OpenQasmLexer.IntegerLiteral or OpenQasmLexer.FloatLiteral))
            return SourceLanguage.OpenQasm3;
        switch (token.Text)
        {
            case "2.0":
                return SourceLanguage.OpenQasm2;
            case "3" or "3.0":
                return SourceLanguage.OpenQasm3;
            default:
                diagnostics.Report(Diagnostics.UnsupportedQasmVersion, new Location(source, SyntaxErrorListener.TokenSpan(source, token)), SyntaxErrorListener.Shorten(token.Text));
                return token.Text.StartsWith('2') ? SourceLanguage.OpenQasm2 : SourceLanguage.OpenQasm3;
        }
    }

    private TextSpan Span(ParserRuleContext context) => SyntaxFacts.Span(_source, context);

    private Name? NameOf(ITerminalNode? node) => SyntaxFacts.NameOf(_source, node);

    private void Unsupported(TextSpan span, string what) =>
        _diagnostics.Report(Diagnostics.UnsupportedQasmFeature, new Location(_source, span), what);

    private void Unsupported(IToken token, string what) =>
        Unsupported(SyntaxErrorListener.TokenSpan(_source, token), what);

    /// <summary>The program's statements, each preceded by the result variables of the subroutine calls inside its expressions.</summary>
    private ImmutableArray<Statement> TopLevelStatements(IEnumerable<P.StatementContext> contexts)
    {
        var statements = ImmutableArray.CreateBuilder<Statement>();
        foreach (var context in contexts)
        {
            var built = ImmutableArray.CreateBuilder<Statement>();
            Add(context, built);
            statements.AddRange(_callResults);
            _callResults.Clear();
            statements.AddRange(built);
        }
        return statements.ToImmutable();
    }

    private ImmutableArray<Statement> Statements(IEnumerable<P.StatementContext> contexts)
    {
        var statements = ImmutableArray.CreateBuilder<Statement>();
        foreach (var context in contexts) Add(context, statements);
        return statements.ToImmutable();
    }

    private ImmutableArray<Statement> Body(P.BodyContext? context)
    {
        if (context is null) return [];
        if (context.scope() is { } scope) return Statements(scope.statement());
        return context.statement() is { } single ? Statements([single]) : [];
    }

    /// <summary>
    /// Adds what one statement imports to: usually one node, none, two for <c>bit c = measure q;</c>,
    /// or one per selected element for a statement with a slice, set or alias (QasmSlices.cs).
    /// </summary>
    private void Add(P.StatementContext context, ImmutableArray<Statement>.Builder into)
    {
        var span = Span(context);
        Statement? built = null;
        switch (context.GetChild(0))
        {
            case P.IncludeStatementContext include:
                Include(include);
                break;
            case P.RegisterDeclarationContext register:
                built = Register(register, span);
                break;
            case P.QubitDeclarationContext qubit:
            {
                var name = NameOf(qubit.Identifier());
                if (name is not null && Size(qubit.designator(), out var size))
                {
                    Declared(name, true, size);
                    built = new QubitDeclaration(name, size, null, span);
                }
                break;
            }
            case P.BitDeclarationContext bit:
                BitDeclaration(bit, span, into);
                break;
            case P.ConstDeclarationContext constant:
                built = Const(constant, span);
                break;
            case P.VariableDeclarationContext variable:
                VariableDeclaration(variable, span, into);
                break;
            case P.InputDeclarationContext input:
            {
                var name = NameOf(input.Identifier());
                var typeToken = input.scalarType()?.Start;
                if (name is not null && typeToken is not null && typeToken.TokenIndex >= 0) built = new InputDeclaration(ScalarTypeOf(typeToken), name, span);
                break;
            }
            case P.GateDefinitionContext gate:
                built = GateDefinition(gate, span);
                break;
            case P.GateCallStatementContext call when call.gateModifier().Length > 0:
                ModifiedGateCall(call, span, into);
                break;
            case P.GateCallStatementContext call:
                if (GateCalls(call, span) is { } calls) into.AddRange(calls);
                break;
            case P.MeasureArrowStatementContext measure:
                Measure(measure.operand().FirstOrDefault(), measure.target, span, into);
                break;
            case P.MeasureAssignStatementContext measure:
                if (measure.target is not null) Measure(measure.qubit, measure.target, span, into);
                break;
            case P.AliasStatementContext alias:
                DefineAlias(alias);
                break;
            case P.AssignmentStatementContext assignment:
                Assignment(assignment, span, into);
                break;
            case P.SubroutineDefinitionContext definition:
                DefineSubroutine(definition);
                break;
            case P.ReturnStatementContext:
                Unsupported(span, "'return' outside the end of a subroutine");
                break;
            case P.CallStatementContext call:
            {
                var callee = NameOf(call.Identifier());
                if (callee is null) break;
                if (callee.Text == _defining)
                {
                    _diagnostics.Report(Diagnostics.RecursiveSubroutine, new Location(_source, callee.Span), callee.Text);
                    break;
                }
                if (!_subroutines.IsDefined(callee.Text))
                {
                    Unsupported(callee.Span, $"call of '{callee.Text}', which is not a subroutine defined before it");
                    break;
                }
                if (_expressions.BuildAll(call.expressionList()) is { } arguments && _subroutines.Inline(callee, arguments, null, span) is { } body)
                    into.AddRange(body);
                break;
            }
            case P.ResetStatementContext reset:
                if (Select(reset.operand()) is { } resetQubit && Broadcast([resetQubit]) is { } resets)
                    into.AddRange(resets.Select(r => new ResetStatement(r[0], span)));
                break;
            case P.BarrierStatementContext barrier:
                if (Selections(barrier.operandList()) is { } barrierOperands)
                    built = new BarrierStatement([.. barrierOperands.SelectMany(o => o.Many ?? [o.Plain!])], span);
                break;
            case P.ForStatementContext loop:
                built = For(loop, span);
                break;
            case P.IfStatementContext branch:
            {
                var condition = _expressions.Build(branch.expression()) is { } parsed ? ResolveAliases(parsed) : null;
                if (condition is not null && RunCalls(condition, into) is { } test) built = new IfStatement(test, Body(branch.thenBody), Body(branch.elseBody), span);
                break;
            }
            case P.WhileStatementContext loop:
            {
                var condition = _expressions.Build(loop.expression()) is { } parsed ? ResolveAliases(parsed) : null;
                var conditionCalls = ImmutableArray.CreateBuilder<Statement>();
                if (condition is null || RunCalls(condition, conditionCalls) is not { } test) break;
                // The condition's calls run before the first test and again after every iteration.
                into.AddRange(conditionCalls);
                built = new WhileStatement(test, Body(loop.body()).AddRange(conditionCalls), span);
                break;
            }
            case P.UnsupportedStatementContext unsupported:
                ReportUnsupported(unsupported);
                break;
            case P.AnnotationOrDirectiveContext marker:
            {
                string text = marker.GetText();
                string word = new(text.TakeWhile(ch => !char.IsWhiteSpace(ch)).ToArray());
                Unsupported(span, text.StartsWith('@') ? $"annotation '{SyntaxErrorListener.Shorten(word)}'" : $"directive '{SyntaxErrorListener.Shorten(word)}'");
                break;
            }
            case P.ScopeContext scope:
                built = new BlockStatement(Statements(scope.statement()), span);
                break;
        }
        if (built is not null) into.Add(built);
    }

    /// <summary>
    /// <c>c = f(q, a);</c> inlines subroutine f writing its result into c; any other assignment
    /// (<c>x = e;</c>, <c>c &lt;&lt;= 1;</c>) is a classical assignment, folded or computed at run time.
    /// </summary>
    private void Assignment(P.AssignmentStatementContext context, TextSpan span, ImmutableArray<Statement>.Builder into)
    {
        if (context.op?.Type == OpenQasmLexer.EQUALS && context.expression() is P.CallExpressionContext call
            && NameOf(call.Identifier()) is { } callee && _subroutines.IsDefined(callee.Text))
        {
            if (PlainOperand(context.operand(), "subroutine result") is { } target && _expressions.BuildAll(call.expressionList()) is { } arguments
                && _subroutines.Inline(callee, arguments, target, span) is { } body)
                into.AddRange(body);
            return;
        }
        if (context.op is null) return;
        BinaryOperator? op = context.op.Text switch
        {
            "=" => null,
            "+=" => BinaryOperator.Add,
            "-=" => BinaryOperator.Subtract,
            "*=" => BinaryOperator.Multiply,
            "/=" => BinaryOperator.Divide,
            "%=" => BinaryOperator.Modulo,
            "**=" => BinaryOperator.Power,
            "&=" => BinaryOperator.BitAnd,
            "|=" => BinaryOperator.BitOr,
            "^=" => BinaryOperator.BitXor,
            "<<=" => BinaryOperator.ShiftLeft,
            ">>=" => BinaryOperator.ShiftRight,
            _ => (BinaryOperator)(-1),
        };
        if (op == (BinaryOperator)(-1))
        {
            Unsupported(context.op, $"assignment operator '{context.op.Text}'");
            return;
        }
        if (PlainOperand(context.operand(), "assignment target") is not { } assigned) return;
        if (_expressions.Build(context.expression()) is not { } value || ResolveAliases(value) is not { } resolved) return;
        if (RunCalls(resolved, into) is not { } computed) return;
        into.Add(new AssignmentStatement(assigned, op, computed, span));
    }

    /// <summary>A classical type keyword (<c>uint</c>, <c>bit</c>, …) with its optional width; null when the width cannot be built.</summary>
    private ClassicalTypeSyntax? TypeSyntax(IToken keyword, P.DesignatorContext? designator)
    {
        var kind = keyword.Type switch
        {
            OpenQasmLexer.BOOL => ClassicalTypeKeyword.Bool,
            OpenQasmLexer.INT => ClassicalTypeKeyword.Int,
            OpenQasmLexer.UINT => ClassicalTypeKeyword.Uint,
            OpenQasmLexer.FLOAT => ClassicalTypeKeyword.Float,
            OpenQasmLexer.ANGLE => ClassicalTypeKeyword.Angle,
            _ => ClassicalTypeKeyword.Bit,
        };
        Expression? width = null;
        if (designator is not null && (width = _expressions.Build(designator.expression())) is null) return null;
        var span = SyntaxErrorListener.TokenSpan(_source, keyword);
        return new ClassicalTypeSyntax(kind, width, width is null ? span : TextSpan.FromBounds(span.Start, width.Span.End + 1));
    }

    /// <summary><c>uint[4] k = 1;</c>, <c>bool b = measure q;</c>: a declaration, then its initial assignment or measurement.</summary>
    private void VariableDeclaration(P.VariableDeclarationContext context, TextSpan span, ImmutableArray<Statement>.Builder into)
    {
        var name = NameOf(context.Identifier());
        var typeToken = context.variableType()?.Start;
        if (name is null || typeToken is null || typeToken.TokenIndex < 0) return;
        var keyword = typeToken.Type switch
        {
            OpenQasmLexer.BOOL => ClassicalTypeKeyword.Bool,
            OpenQasmLexer.INT => ClassicalTypeKeyword.Int,
            OpenQasmLexer.UINT => ClassicalTypeKeyword.Uint,
            OpenQasmLexer.FLOAT => ClassicalTypeKeyword.Float,
            _ => ClassicalTypeKeyword.Angle,
        };
        Expression? width = null;
        if (context.designator() is { } designator && (width = _expressions.Build(designator.expression())) is null) return;
        var typeSpan = SyntaxErrorListener.TokenSpan(_source, typeToken);
        var type = new ClassicalTypeSyntax(keyword, width, width is null ? typeSpan : TextSpan.FromBounds(typeSpan.Start, width.Span.End + 1));
        Expression? initializer = null;
        if (context.expression() is { } init && (initializer = _expressions.Build(init) is { } built ? ResolveAliases(built) : null) is null) return;
        if (initializer is { } value && (initializer = RunCalls(value, into)) is null) return;
        into.Add(new VariableDeclaration(type, name, initializer, span));
        if (context.MEASURE() is not null && PlainOperand(context.operand(), "measured qubit") is { } qubit)
            into.Add(new MeasureStatement(qubit, new Operand(name, null, name.Span), span));
    }

    /// <summary>
    /// Runs the subroutine calls inside an expression (<c>c = f(q) + 1;</c>, <c>if (f(q) == 1)</c>)
    /// in OpenQASM's order, left to right and each call's arguments before it: each call is
    /// inlined into <paramref name="into"/> writing a result variable of its own (declared before
    /// the top-level statement, <see cref="TopLevelStatements"/>), which replaces the call. Null
    /// when a call was reported.
    /// </summary>
    private Expression? RunCalls(Expression expression, ImmutableArray<Statement>.Builder into)
    {
        switch (expression)
        {
            case CallExpression call when call.Function.Text == _defining:
                _diagnostics.Report(Diagnostics.RecursiveSubroutine, new Location(_source, call.Function.Span), call.Function.Text);
                return null;
            case CallExpression call when _subroutines.IsDefined(call.Function.Text):
            {
                var arguments = new List<Expression>();
                foreach (var argument in call.Arguments)
                {
                    if (RunCalls(argument, into) is not { } computed) return null;
                    arguments.Add(computed);
                }
                if (_subroutines.ResultTypeOf(call.Function, call.Span) is not { } type) return null;
                var result = new Name($"__{call.Function.Text}_result{_callResultCount++}", call.Span);
                if (_subroutines.Inline(call.Function, arguments, new Operand(result, null, call.Span), call.Span) is not { } body) return null;
                _callResults.Add(new VariableDeclaration(type, result, null, call.Span));
                into.AddRange(body);
                return new NameExpression(result, call.Span);
            }
            case UnaryExpression u:
                return RunCalls(u.Operand, into) is { } operand ? u with { Operand = operand } : null;
            case CastExpression c:
                return RunCalls(c.Operand, into) is { } cast ? c with { Operand = cast } : null;
            case BinaryExpression b:
            {
                if (RunCalls(b.Left, into) is not { } left) return null;
                return RunCalls(b.Right, into) is { } right ? b with { Left = left, Right = right } : null;
            }
            default:
                return expression;
        }
    }

    /// <summary>
    /// <c>def f(qubit[2] a, qubit b, uint[2] k) -> bit[2] { bit[2] r; ...; return r; }</c>: qubit
    /// parameters, classical parameters (by value: each use reads the argument converted to the
    /// parameter's type; the body may not assign them), and optionally a bit register declared
    /// in the body and returned by a final <c>return</c>, or a classical value returned by a final
    /// <c>return EXPRESSION;</c>. Anything else (other local declarations) is reported once at the
    /// definition, whose calls are then left out.
    /// </summary>
    private void DefineSubroutine(P.SubroutineDefinitionContext context)
    {
        var name = NameOf(context.Identifier());
        if (name is null) return;
        bool supported = true;
        var qubits = ImmutableArray.CreateBuilder<Name>();
        var classical = ImmutableArray.CreateBuilder<ClassicalTypeSyntax?>();
        foreach (var argument in context.subroutineArgument())
        {
            var type = argument.argumentType()?.Start;
            if (type is null || NameOf(argument.Identifier()) is not { } parameter) return;
            ClassicalTypeSyntax? classicalType = null;
            if (type.Type != OpenQasmLexer.QUBIT && (classicalType = TypeSyntax(type, argument.designator())) is null) return;
            qubits.Add(parameter);
            classical.Add(classicalType);
        }
        // A classical result other than a returned local bit register: `-> uint[2] { ...; return k + 1; }`.
        ClassicalTypeSyntax? resultType = null;
        if (context.returnType is { } returnType && returnType.Start.Type != OpenQasmLexer.BIT
            && (resultType = TypeSyntax(returnType.Start, context.designator())) is null) return;
        Expression? resultValue = null;
        var statements = context.scope()?.statement() ?? [];
        var body = ImmutableArray.CreateBuilder<Statement>();
        var hidden = qubits.Select(q => q.Text).Where(_shadowed.Add).ToList();
        _defining = name.Text;
        Name? returned = null;
        var locals = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            if (statement.GetChild(0) is P.BitDeclarationContext local && local.bitInitializer() is null && context.returnType is not null && resultType is null)
            {
                if (NameOf(local.Identifier()) is { } localName) locals.Add(localName.Text);
                continue;
            }
            if (statement.GetChild(0) is P.ReturnStatementContext classicalReturn && i == statements.Length - 1 && resultType is not null)
            {
                // Calls in the returned expression run last in the body, left to right, as elsewhere.
                if ((resultValue = _expressions.Build(classicalReturn.expression())) is null || (resultValue = RunCalls(resultValue!, body)) is null)
                {
                    _defining = null;
                    foreach (var q in hidden) _shadowed.Remove(q);
                    return;
                }
                continue;
            }
            if (statement.GetChild(0) is P.ReturnStatementContext ret && i == statements.Length - 1 && context.returnType is not null)
            {
                if (_expressions.Build(ret.expression()) is NameExpression { } value && locals.Contains(value.Name.Text)) returned = value.Name;
                else
                {
                    Unsupported(Span(ret), "'return' of anything but a bit register the subroutine declares");
                    supported = false;
                }
                continue;
            }
            if (statement.GetChild(0) is P.QubitDeclarationContext or P.BitDeclarationContext or P.ConstDeclarationContext or P.GateDefinitionContext or P.RegisterDeclarationContext)
            {
                Unsupported(Span(statement), "declaration inside a subroutine (other than the bit register it returns)");
                supported = false;
                continue;
            }
            Add(statement, body);
        }
        foreach (var q in hidden) _shadowed.Remove(q);
        _defining = null;
        if (context.returnType is not null && returned is null && resultValue is null && supported)
        {
            Unsupported(name.Span, "subroutine with a return type but no final 'return'");
            supported = false;
        }
        if (returned is not null && locals.Count > 1)
        {
            Unsupported(name.Span, "subroutine with a local bit register it does not return");
            supported = false;
        }
        _subroutines.Define(name.Text, supported
            ? new QasmSubroutines.Definition(name, qubits.ToImmutable(), returned, body.ToImmutable())
            {
                Classical = classical.ToImmutable(),
                ResultType = resultType,
                ResultValue = resultValue,
                ReturnedType = returned is not null && context.returnType is { } bits ? TypeSyntax(bits.Start, context.designator()) : null,
            }
            : null);
    }

    private void Include(P.IncludeStatementContext context)
    {
        var literal = context.StringLiteral();
        if (literal is null || literal.Symbol.TokenIndex < 0) return;
        string text = literal.GetText();
        string path = text.Length >= 2 ? text[1..^1] : text;
        if (!StandardIncludes.Contains(path))
            Unsupported(Span(context), $"include of '{SyntaxErrorListener.Shorten(path)}'");
        else if (path == "qelib1.inc") _qelib1Include ??= Span(context);
    }

    private Statement? Register(P.RegisterDeclarationContext context, TextSpan span)
    {
        var name = NameOf(context.Identifier());
        if (name is null || context.keyword is null || !Size(context.designator(), out var size)) return null;
        Declared(name, context.keyword.Type == OpenQasmLexer.QREG, size);
        return context.keyword.Type == OpenQasmLexer.QREG
            ? new QubitDeclaration(name, size, null, span)
            : new BitDeclaration(name, size, span);
    }

    /// <summary>
    /// The register size: null for a single qubit or bit. False when a size was written but could
    /// not be built, so that a broken <c>qubit[…] q;</c> does not turn into a single qubit.
    /// </summary>
    private bool Size(P.DesignatorContext? designator, out Expression? size)
    {
        size = designator is null ? null : _expressions.Build(designator.expression());
        return designator is null || size is not null;
    }

    private void BitDeclaration(P.BitDeclarationContext context, TextSpan span, ImmutableArray<Statement>.Builder into)
    {
        var name = NameOf(context.Identifier());
        if (name is null || !Size(context.designator(), out var size)) return;
        Declared(name, false, size);
        var initializer = context.bitInitializer();
        if (initializer is not null && initializer.MEASURE() is null)
        {
            // `bit[2] f = "11";`: the binder checks it is a constant; the register is declared
            // even when the value cannot be built, so its later uses do not cascade.
            into.Add(new BitDeclaration(name, size, span) { Initializer = _expressions.Build(initializer.expression()) });
            return;
        }
        into.Add(new BitDeclaration(name, size, span));
        if (initializer is null) return;
        // `bit[2] c = measure q;` is a declaration followed by `c = measure q;`.
        if (Select(initializer.operand()) is { } qubit && Broadcast([qubit, new Selection(new Operand(name, null, name.Span), null, name.Span)]) is { } rows)
            into.AddRange(rows.Select(r => new MeasureStatement(r[0], r[1], span)));
    }

    private ConstDeclaration? Const(P.ConstDeclarationContext context, TextSpan span)
    {
        var name = NameOf(context.Identifier());
        var typeToken = context.scalarType()?.Start;
        if (name is null || typeToken is null || typeToken.TokenIndex < 0) return null;
        var value = _expressions.Build(context.expression());
        if (value is null) return null;
        Constant(name, value);
        return new ConstDeclaration(ScalarTypeOf(typeToken), name, value, span);
    }

    /// <summary>The bit width of `int[32]` or `angle[20]` is dropped: constants are folded exactly.</summary>
    private static ScalarType ScalarTypeOf(IToken typeToken) => typeToken.Type switch
    {
        OpenQasmLexer.INT or OpenQasmLexer.UINT => ScalarType.Int,
        OpenQasmLexer.FLOAT => ScalarType.Float,
        _ => ScalarType.Angle,
    };

    private GateDefinition? GateDefinition(P.GateDefinitionContext context, TextSpan span)
    {
        var name = NameOf(context.Identifier());
        if (name is null || context.qubits is null) return null;
        _defined.Add(name.Text);
        var parameters = IdentifierList(context.@params);
        var qubits = IdentifierList(context.qubits);
        var body = Shadowing([.. parameters, .. qubits], () => context.scope() is { } scope ? Statements(scope.statement()) : []);
        return new GateDefinition(name, parameters, qubits, body, span);
    }

    private ImmutableArray<Name> IdentifierList(P.IdentifierListContext? context) =>
        context is null ? [] : [.. context.Identifier().Select(NameOf).OfType<Name>()];

    private ImmutableArray<Statement> Shadowing(IEnumerable<Name> names, Func<ImmutableArray<Statement>> build)
    {
        var hidden = names.Select(n => n.Text).Where(_shadowed.Add).ToList();
        try { return build(); }
        finally { foreach (var n in hidden) _shadowed.Remove(n); }
    }

    /// <summary><c>measure q -> c;</c> / <c>c = measure q;</c>, one per element when either is a slice or alias.</summary>
    private void Measure(P.OperandContext? qubitContext, P.OperandContext? targetContext, TextSpan span, ImmutableArray<Statement>.Builder into)
    {
        var qubit = Select(qubitContext);
        var target = targetContext is null ? null : Select(targetContext);
        if (qubit is null || targetContext is not null && target is null) return;
        if (Broadcast(target is null ? [qubit] : [qubit, target]) is not { } rows) return;
        into.AddRange(rows.Select(r => new MeasureStatement(r[0], r.Length > 1 ? r[1] : null, span)));
    }

    /// <summary>An operand that cannot be a slice or a multi-element alias.</summary>
    private Operand? PlainOperand(P.OperandContext? context, string what)
    {
        if (Select(context) is not { } selection) return null;
        if (selection.Plain is { } plain) return plain;
        Unsupported(selection.Span, $"{what} that is a register slice, index set or alias");
        return null;
    }

    /// <summary>All selections or none.</summary>
    private List<Selection>? Selections(P.OperandListContext? context)
    {
        var selections = new List<Selection>();
        if (context is null) return selections;
        foreach (var operand in context.operand())
        {
            if (Select(operand) is not { } built) return null;
            selections.Add(built);
        }
        return selections;
    }

    /// <summary>The gate call, or one per element when an operand is a slice or an alias (registers broadcast with it).</summary>
    private List<GateCall>? GateCalls(P.GateCallStatementContext context, TextSpan span)
    {
        // Aliases such as U, CX, u1 or cu1 keep their spelling; the binder resolves them.
        var name = NameOf(context.Identifier());
        if (name is null) return null;
        if (_opaque.ContainsKey(name.Text) && !_defined.Contains(name.Text))
        {
            // Left out after the message, so the binder does not add "unknown gate" to it.
            _diagnostics.Report(Diagnostics.OpaqueGateUsed, new Location(_source, name.Span), name.Text);
            _opaqueUsed.Add(name.Text);
            return null;
        }
        if (name.Text == "nop" && !_defined.Contains(name.Text))
        {
            Unsupported(name.Span, "'nop' instruction");
            return null;
        }
        _called.Add(name.Text);
        var arguments = _expressions.BuildAll(context.expressionList());
        var selections = Selections(context.operandList());
        if (arguments is null || selections is null) return null;
        if (Broadcast(selections) is not { } rows) return null;
        return [.. rows.Select(operands => new GateCall(name, [.. arguments], operands, span))];
    }

    /// <summary>
    /// <c>ctrl @ pow(2) @ p(θ) a, b;</c>: the modifiers name a library gate (<see cref="QasmGateModifiers"/>);
    /// <c>negctrl</c> controls are flipped with x before and after.
    /// </summary>
    private void ModifiedGateCall(P.GateCallStatementContext context, TextSpan span, ImmutableArray<Statement>.Builder into)
    {
        var modifiers = new List<GateModifier>();
        foreach (var m in context.gateModifier())
        {
            var at = Span(m);
            if (m.INV() is not null) modifiers.Add(new InverseModifier(at));
            else if (m.POW() is not null)
            {
                if (_expressions.Build(m.expression()) is not { } exponent) return;
                modifiers.Add(new PowerModifier(exponent, at));
            }
            else
            {
                int count = 1;
                if (m.expression() is { } n)
                {
                    if (_expressions.Build(n) is not LiteralExpression { IsInteger: true, Unit: null } literal || literal.Value < 1 || literal.Value > 8)
                    {
                        Unsupported(at, "control count that is not an integer literal from 1 to 8");
                        return;
                    }
                    count = (int)literal.Value;
                }
                modifiers.Add(new ControlModifier(count, m.NEGCTRL() is not null, at));
            }
        }
        if (GateCalls(context, span) is not { Count: > 0 } calls) return;
        if (_defined.Contains(calls[0].Gate.Text))
        {
            Unsupported(Span(context.gateModifier()[0]), $"gate modifier on the user-defined gate '{calls[0].Gate.Text}'");
            return;
        }
        if (_modifiers.Apply(calls[0].Gate, calls[0].Arguments, modifiers) is not { } result) return;
        foreach (var call in calls) Modified(call, result, span, into);
    }

    private static void Modified(GateCall call, QasmGateModifiers.Result result, TextSpan span, ImmutableArray<Statement>.Builder into)
    {
        var flips = result.NegatedControls.Where(i => i < call.Operands.Length).Select(i => new GateCall(new Name("x", call.Gate.Span), [], [call.Operands[i]], span)).ToList();
        into.AddRange(flips);
        for (int r = 0; r < result.Repeat; r++)
            into.Add(call with { Gate = new Name(result.Gate, call.Gate.Span), Arguments = result.Arguments });
        into.AddRange(flips);
    }

    private ForStatement? For(P.ForStatementContext context, TextSpan span)
    {
        var variable = NameOf(context.Identifier());
        var range = context.loopRange();
        if (variable is null || range is null) return null;
        var bounds = range.rangeBounds();
        if (bounds is null)
        {
            if (range.LBRACE() is not null) Unsupported(Span(range), "loop over a set of values");
            else if (range.Identifier() is not null) Unsupported(Span(range), "loop over a register or array");
            return null;
        }
        bool stepped = bounds.COLON().Length > 1;
        // `[a:b]` is first:second; `[a:s:b]` is first:second:third with s the step.
        var last = stepped ? bounds.third : bounds.second;
        if (bounds.first is null || last is null || stepped && bounds.second is null)
        {
            Unsupported(Span(range), "range without a start, a step or an end");
            return null;
        }
        var start = _expressions.Build(bounds.first);
        var end = _expressions.Build(last);
        var step = stepped ? _expressions.Build(bounds.second) : null;
        if (start is null || end is null || stepped && step is null) return null;
        var body = Body(context.body());
        return stepped
            ? new ForStatement(variable, start, end, body, span) { Step = step }
            : new ForStatement(variable, start, ExclusiveEnd(end), body, span);
    }

    /// <summary>
    /// OpenQASM's <c>[a:b]</c> includes b; the AST's range is half-open, so the end becomes
    /// <c>b + 1</c> (folded when b is an integer literal), keeping b's span for messages.
    /// </summary>
    private static Expression ExclusiveEnd(Expression end)
    {
        if (end is LiteralExpression { IsInteger: true, Unit: null } literal && literal.Value < 1e15)
        {
            double next = literal.Value + 1;
            return new LiteralExpression(((long)next).ToString(System.Globalization.CultureInfo.InvariantCulture), next, true, null, literal.Span);
        }
        return new BinaryExpression(BinaryOperator.Add, end, new LiteralExpression("1", 1, true, null, end.Span), end.Span);
    }

    private Operand? Operand(P.OperandContext? context)
    {
        if (context is null) return null;
        if (context.HardwareQubit() is { } hardware)
        {
            Unsupported(hardware.Symbol, $"physical qubit '{SyntaxErrorListener.Shorten(hardware.GetText())}'");
            return null;
        }
        var name = NameOf(context.Identifier());
        if (name is null) return null;
        var selector = context.indexSelector();
        if (selector is null) return new Operand(name, null, Span(context));
        // Slices and sets are expanded by Select (QasmSlices.cs) before they get here.
        var index = _expressions.Build(selector.expression());
        return index is null ? null : new Operand(name, index, Span(context));
    }

    private void ReportUnsupported(P.UnsupportedStatementContext context)
    {
        var keyword = context.keyword;
        if (keyword is null || keyword.TokenIndex < 0) return;
        string text = keyword.Text;
        if (context.CONST() is { } constKeyword)
        {
            Unsupported(constKeyword.Symbol, $"'const {text}' declaration");
            return;
        }
        if (keyword.Type == OpenQasmLexer.OPAQUE)
        {
            Opaque(context);
            return;
        }
        string what = keyword.Type switch
        {
            OpenQasmLexer.GPHASE => "global phase ('gphase')",
            OpenQasmLexer.INPUT or OpenQasmLexer.OUTPUT => $"'{text}' declaration",
            OpenQasmLexer.DELAY => "'delay' instruction",
            OpenQasmLexer.BOX => "'box' block",
            OpenQasmLexer.LET => "'let' alias",
            OpenQasmLexer.EXTERN => "'extern' declaration",
            OpenQasmLexer.DEFCAL or OpenQasmLexer.DEFCALGRAMMAR or OpenQasmLexer.CAL => $"pulse-level calibration ('{text}')",
            OpenQasmLexer.DURATION or OpenQasmLexer.STRETCH => $"'{text}' type",
            OpenQasmLexer.SWITCH => "'switch' statement",
            OpenQasmLexer.BREAK or OpenQasmLexer.CONTINUE or OpenQasmLexer.END => $"'{text}' statement",
            _ => $"non-constant classical variable ('{text}')",
        };
        Unsupported(keyword, what);
    }

    /// <summary>
    /// <c>opaque name(params) qubits;</c> declares a gate without a body. Nothing can run it, but
    /// exporters write such declarations for gates a circuit may not even use, so the declaration
    /// alone is only remembered: calls to it are refused (QN1016) and, if none comes, a warning
    /// says it was ignored (QN1015).
    /// </summary>
    private void Opaque(P.UnsupportedStatementContext context)
    {
        var first = context.looseToken().FirstOrDefault()?.Start;
        if (first is null || first.TokenIndex < 0 || first.Type != OpenQasmLexer.Identifier)
        {
            Unsupported(context.keyword, "'opaque' declaration without a gate name");
            return;
        }
        _opaque.TryAdd(first.Text, SyntaxErrorListener.TokenSpan(_source, first));
    }

    private void ReportUnusedOpaque()
    {
        foreach (var (name, span) in _opaque.OrderBy(o => o.Value.Start))
            if (!_opaqueUsed.Contains(name)) _diagnostics.Report(Diagnostics.UnusedOpaqueGate, new Location(_source, span), name);
    }

    /// <summary>The statements after the definitions of the qelib1.inc prelude gates the file calls but neither defines nor declares opaque.</summary>
    private ImmutableArray<Statement> WithPrelude(ImmutableArray<Statement> statements) =>
        Qelib1Prelude.Prepend(statements, n => _called.Contains(n) && !_defined.Contains(n) && !_opaque.ContainsKey(n), _qelib1Include);
}
