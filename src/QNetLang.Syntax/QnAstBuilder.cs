using System.Collections.Immutable;
using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using QNetLang.Core;
using QNetLang.Syntax.Ast;
using QNetLang.Syntax.Generated;
using P = QNetLang.Syntax.Generated.QNetLangParser;

namespace QNetLang.Syntax;

/// <summary>
/// Builds the immutable AST from an ANTLR parse tree of a .qn file. The tree may contain
/// error nodes after recovery; missing pieces become null/empty so that the binder can still
/// check the rest of the file (and report nothing about what the parser already reported).
/// </summary>
internal sealed class QnAstBuilder(SourceText source, DiagnosticBag diagnostics)
{
    private readonly ExpressionBuilder _expressions = new(source, diagnostics);

    public CompilationUnit Build(P.CompilationUnitContext context)
    {
        var items = ImmutableArray.CreateBuilder<TopLevelItem>();
        foreach (var item in context.topLevelItem())
        {
            TopLevelItem? built = item switch
            {
                { } when item.includeDirective() is { } inc => Include(inc),
                { } when item.networkDeclaration() is { } net => Network(net),
                { } when item.programDeclaration() is { } prog => Program(prog),
                _ => null,
            };
            if (built is not null) items.Add(built);
        }
        return new CompilationUnit(source, SourceLanguage.QNetLang, items.ToImmutable(), new TextSpan(0, source.Text.Length));
    }

    private TextSpan Span(ParserRuleContext context) => SyntaxFacts.Span(source, context);

    private Name? NameOf(ITerminalNode? node) => SyntaxFacts.NameOf(source, node);

    private IncludeDirective? Include(P.IncludeDirectiveContext context)
    {
        var literal = context.StringLiteral();
        if (literal is null || literal.Symbol.TokenIndex < 0) return null;
        string text = literal.GetText();
        // An unclosed string was already reported (QN1010); loading a guessed path would only add noise.
        if (text.Length < 2 || !text.EndsWith('"')) return null;
        return new IncludeDirective(text[1..^1], Span(context));
    }

    private NetworkDeclaration? Network(P.NetworkDeclarationContext context)
    {
        var name = NameOf(context.Identifier());
        if (name is null) return null;
        var members = ImmutableArray.CreateBuilder<NetworkMember>();
        foreach (var member in context.networkMember())
        {
            NetworkMember? built = null;
            if (member.nodeDeclaration() is { } node) built = Node(node);
            else if (member.linkDeclaration() is { } link) built = Link(link);
            else if (member.propertyAssignment() is { } prop) built = Property(prop);
            if (built is not null) members.Add(built);
        }
        return new NetworkDeclaration(name, members.ToImmutable(), Span(context));
    }

    private NodeDeclaration? Node(P.NodeDeclarationContext context)
    {
        var name = NameOf(context.Identifier());
        var kindContext = context.nodeKind();
        if (name is null || kindContext is null) return null;
        var kind = kindContext.Start.Type switch
        {
            QNetLangLexer.QPU => NodeKind.Qpu,
            QNetLangLexer.REPEATER => NodeKind.Repeater,
            _ => NodeKind.EndNode,
        };
        return new NodeDeclaration(kind, name, Properties(context.propertyAssignment()), Span(context));
    }

    private LinkDeclaration? Link(P.LinkDeclarationContext context)
    {
        var ids = context.Identifier();
        if (ids.Length < 2) return null;
        var from = NameOf(ids[0]);
        var to = NameOf(ids[1]);
        if (from is null || to is null) return null;
        return new LinkDeclaration(from, to, Properties(context.propertyAssignment()), Span(context));
    }

    private ImmutableArray<PropertyAssignment> Properties(P.PropertyAssignmentContext[] contexts) =>
        contexts.Select(Property).OfType<PropertyAssignment>().ToImmutableArray();

    private PropertyAssignment? Property(P.PropertyAssignmentContext context)
    {
        var nameContext = context.propertyName();
        var name = NameOf(nameContext?.Identifier() ?? nameContext?.QUBIT() ?? nameContext?.BIT());
        var value = _expressions.Build(context.expression());
        return name is null || value is null ? null : new PropertyAssignment(name, value, Span(context));
    }

    private ProgramDeclaration? Program(P.ProgramDeclarationContext context)
    {
        var ids = context.Identifier();
        if (ids.Length < 1) return null;
        var name = NameOf(ids[0]);
        var network = ids.Length > 1 ? NameOf(ids[1]) : null;
        if (name is null) return null;
        return new ProgramDeclaration(name, network, Block(context.block()), Span(context));
    }

    private ImmutableArray<Statement> Block(P.BlockContext? context) =>
        context is null ? ImmutableArray<Statement>.Empty : context.statement().Select(Statement).OfType<Statement>().ToImmutableArray();

    private ImmutableArray<Statement> Body(P.BodyContext? context)
    {
        if (context is null) return ImmutableArray<Statement>.Empty;
        if (context.block() is { } block) return Block(block);
        return Statement(context.statement()) is { } single ? ImmutableArray.Create(single) : ImmutableArray<Statement>.Empty;
    }

    private Statement? Statement(P.StatementContext? context)
    {
        if (context is null) return null;
        var span = Span(context);
        switch (context.GetChild(0))
        {
            case P.QubitDeclarationContext q:
            {
                var ids = q.Identifier();
                var name = ids.Length > 0 ? NameOf(ids[0]) : null;
                if (name is null) return null;
                var pin = q.PIN() is not null && ids.Length > 1 ? NameOf(ids[1]) : null;
                return new QubitDeclaration(name, Designator(q.designator()), pin, span);
            }
            case P.BitDeclarationContext b:
            {
                var name = NameOf(b.Identifier());
                return name is null ? null : new BitDeclaration(name, Designator(b.designator()), span);
            }
            case P.ConstDeclarationContext c:
            {
                var name = NameOf(c.Identifier());
                var value = _expressions.Build(c.expression());
                if (name is null || value is null || c.scalarType() is null) return null;
                var type = c.scalarType().Start.Type switch
                {
                    QNetLangLexer.INT => ScalarType.Int,
                    QNetLangLexer.FLOAT => ScalarType.Float,
                    _ => ScalarType.Angle,
                };
                return new ConstDeclaration(type, name, value, span);
            }
            case P.GateDefinitionContext g:
                return GateDefinition(g, span);
            case P.SubroutineDefinitionContext d:
                return SubroutineDefinition(d, span);
            case P.ReturnStatementContext r:
            {
                Expression? value = null;
                if (r.expression() is { } returned && (value = _expressions.Build(returned)) is null) return null;
                return new ReturnStatement(value, span);
            }
            case P.CallStatementContext call:
            {
                var name = NameOf(call.Identifier());
                if (name is null) return null;
                var arguments = call.expressionList()?.expression().Select(_expressions.Build).ToList() ?? [];
                if (arguments.Any(a => a is null)) return null;
                var callSpan = TextSpan.FromBounds(span.Start, Math.Max(span.Start, span.End - 1));
                return new CallStatement(new CallExpression(name, [.. arguments.Cast<Expression>()], callSpan), span);
            }
            case P.GateCallStatementContext call:
            {
                var name = NameOf(call.Identifier());
                if (name is null) return null;
                var args = call.expressionList()?.expression().Select(_expressions.Build).OfType<Expression>().ToImmutableArray() ?? ImmutableArray<Expression>.Empty;
                return new GateCall(name, args, Operands(call.operandList()), span);
            }
            case P.MeasureArrowStatementContext m:
            {
                var ops = m.operand();
                var qubit = ops.Length > 0 ? Operand(ops[0]) : null;
                return qubit is null ? null : new MeasureStatement(qubit, ops.Length > 1 ? Operand(ops[1]) : null, span);
            }
            case P.MeasureAssignStatementContext m:
            {
                var ops = m.operand();
                if (ops.Length < 2) return null;
                var target = Operand(ops[0]);
                var qubit = Operand(ops[1]);
                return qubit is null ? null : new MeasureStatement(qubit, target, span);
            }
            case P.ResetStatementContext r:
                return Operand(r.operand()) is { } resetQubit ? new ResetStatement(resetQubit, span) : null;
            case P.BarrierStatementContext bar:
                return new BarrierStatement(Operands(bar.operandList()), span);
            case P.ForStatementContext f:
            {
                var variable = NameOf(f.Identifier());
                var range = f.range();
                var bounds = range?.expression();
                if (variable is null || bounds is null || bounds.Length < 2) return null;
                var start = _expressions.Build(bounds[0]);
                var end = _expressions.Build(bounds[1]);
                if (start is null || end is null) return null;
                return new ForStatement(variable, start, end, Block(f.block()), span);
            }
            case P.IfStatementContext i:
            {
                var condition = _expressions.Build(i.expression());
                return condition is null ? null : new IfStatement(condition, Body(i.thenBody), Body(i.elseBody), span);
            }
            case P.WhileStatementContext w:
            {
                var condition = _expressions.Build(w.expression());
                return condition is null ? null : new WhileStatement(condition, Body(w.body()), span);
            }
            case P.AtStatementContext a:
                return NameOf(a.Identifier()) is { } atNode ? new AtStatement(atNode, Block(a.block()), span) : null;
            case P.EprStatementContext e:
            {
                var ops = e.operand();
                if (ops.Length < 2) return null;
                var first = Operand(ops[0]);
                var second = Operand(ops[1]);
                return first is null || second is null ? null : new EprStatement(first, second, span);
            }
            case P.TeleportStatementContext t:
            {
                var qubit = Operand(t.operand());
                var destination = NameOf(t.Identifier());
                return qubit is null || destination is null ? null : new TeleportStatement(qubit, destination, span);
            }
            case P.VariableDeclarationContext v:
            {
                var name = NameOf(v.Identifier());
                var type = _expressions.ClassicalType(v.variableType()?.Start, v.designator());
                Expression? initializer = null;
                if (v.expression() is { } init && (initializer = _expressions.Build(init)) is null) return null;
                return name is null || type is null ? null : new VariableDeclaration(type, name, initializer, span);
            }
            case P.AssignmentStatementContext a:
            {
                var target = Operand(a.operand());
                var value = _expressions.Build(a.expression());
                if (target is null || value is null || a.op is null) return null;
                BinaryOperator? op = a.op.Text switch
                {
                    "+=" => BinaryOperator.Add,
                    "-=" => BinaryOperator.Subtract,
                    "*=" => BinaryOperator.Multiply,
                    "/=" => BinaryOperator.Divide,
                    "%=" => BinaryOperator.Modulo,
                    "&=" => BinaryOperator.BitAnd,
                    "|=" => BinaryOperator.BitOr,
                    "^=" => BinaryOperator.BitXor,
                    "<<=" => BinaryOperator.ShiftLeft,
                    ">>=" => BinaryOperator.ShiftRight,
                    "**=" => BinaryOperator.Power,
                    _ => null,
                };
                return new AssignmentStatement(target, op, value, span);
            }
            case P.SendStatementContext s:
            {
                var ops = s.operand();
                var destination = NameOf(s.Identifier());
                if (destination is null || ops.Length == 0) return null;
                var qubit = Operand(ops[^1]);
                var flag = s.flag is not null && ops.Length > 1 ? Operand(ops[0]) : null;
                return qubit is null ? null : new SendStatement(qubit, destination, flag, span);
            }
            case P.FigureDeclarationContext fig:
            {
                var name = NameOf(fig.Identifier());
                var value = _expressions.Build(fig.expression());
                return name is null || value is null ? null : new FigureDeclaration(name, value, span);
            }
            case P.BlockContext block:
                return new BlockStatement(Block(block), span);
            default:
                return null;
        }
    }

    private GateDefinition? GateDefinition(P.GateDefinitionContext context, TextSpan span)
    {
        var name = NameOf(context.Identifier());
        if (name is null) return null;
        var parameters = IdentifierList(context.@params);
        var qubits = IdentifierList(context.qubits);
        // `gate bell(x, y) { }` — with no bare qubit list, the parenthesised names are the qubits.
        if (context.qubits is null && context.LPAREN() is not null)
        {
            qubits = parameters;
            parameters = ImmutableArray<Name>.Empty;
        }
        return new GateDefinition(name, parameters, qubits, Block(context.block()), span);
    }

    private SubroutineDefinition? SubroutineDefinition(P.SubroutineDefinitionContext context, TextSpan span)
    {
        var name = NameOf(context.Identifier());
        if (name is null) return null;
        var parameters = ImmutableArray.CreateBuilder<SubroutineParameter>();
        foreach (var parameter in context.subroutineParameter())
        {
            var parameterName = NameOf(parameter.Identifier());
            if (parameterName is null || parameter.parameterType is null) return null;
            if (parameter.parameterType.Type == QNetLangLexer.QUBIT)
            {
                Expression? size = null;
                if (parameter.designator() is { } designator && (size = Designator(designator)) is null) return null;
                parameters.Add(new SubroutineParameter(null, size, parameterName, Span(parameter)));
                continue;
            }
            if (_expressions.ClassicalType(parameter.parameterType, parameter.designator()) is not { } type) return null;
            parameters.Add(new SubroutineParameter(type, null, parameterName, Span(parameter)));
        }
        ClassicalTypeSyntax? result = null;
        if (context.returnType is not null && (result = _expressions.ClassicalType(context.returnType, context.returnWidth)) is null) return null;
        return new SubroutineDefinition(name, parameters.ToImmutable(), result, Block(context.block()), span);
    }

    private ImmutableArray<Name> IdentifierList(P.IdentifierListContext? context) =>
        context is null ? ImmutableArray<Name>.Empty : context.Identifier().Select(NameOf).OfType<Name>().ToImmutableArray();

    private Expression? Designator(P.DesignatorContext? context) =>
        context is null ? null : _expressions.Build(context.expression());

    private ImmutableArray<Operand> Operands(P.OperandListContext? context) =>
        context is null ? ImmutableArray<Operand>.Empty : context.operand().Select(Operand).OfType<Operand>().ToImmutableArray();

    private Operand? Operand(P.OperandContext? context)
    {
        if (context is null) return null;
        var name = NameOf(context.Identifier());
        if (name is null) return null;
        var index = context.expression() is { } e ? _expressions.Build(e) : null;
        if (context.expression() is not null && index is null) return null;
        return new Operand(name, index, Span(context));
    }
}

/// <summary>Shared helpers for turning ANTLR tokens into spans and names.</summary>
internal static class SyntaxFacts
{
    public static TextSpan Span(SourceText source, ParserRuleContext context)
    {
        int start = Math.Clamp(context.Start?.StartIndex ?? 0, 0, source.Text.Length);
        var stopToken = context.Stop;
        int stop = stopToken is null || stopToken.StopIndex < start ? start : Math.Min(stopToken.StopIndex + 1, source.Text.Length);
        return TextSpan.FromBounds(start, stop);
    }

    /// <summary>Null for a missing token conjured by error recovery.</summary>
    public static Name? NameOf(SourceText source, ITerminalNode? node)
    {
        if (node is null || node is IErrorNode) return null;
        var token = node.Symbol;
        if (token.TokenIndex < 0 || token.StartIndex < 0) return null;
        return new Name(token.Text, SyntaxErrorListener.TokenSpan(source, token));
    }

    public static string InvariantNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
