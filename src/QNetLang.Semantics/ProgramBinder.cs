using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>
/// Binds one program: declares registers, constants and gates in source order, resolves every
/// name, checks gate arities and operand kinds, and resolves node names against the network.
/// Everything that can be checked without unrolling is checked here, including code inside
/// loops that run zero times; index ranges and values that depend on loop variables are checked
/// by the <see cref="Lowerer"/>. Every declaration and every name it resolves, node names
/// included, goes to the <see cref="SymbolTable"/> through one <see cref="NameRecorder"/>.
/// </summary>
public sealed partial class ProgramBinder
{
    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly Network _network;
    private readonly ExpressionEvaluator _evaluator;
    private readonly FigureBinder _figures;
    private readonly Scope _globals = new(null);
    private readonly Dictionary<string, UserGate> _gates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GateSymbol> _gateSymbols = new(StringComparer.Ordinal);
    private readonly List<QubitRegisterSymbol> _qubits = new();
    private readonly List<BitRegisterSymbol> _bits = new();
    private readonly List<ConstSymbol> _constants = new();
    private readonly List<SubroutineSymbol> _subroutines = new();
    private readonly NameRecorder _names;
    private ProgramSymbol? _program;
    private int _qubitCount;
    private int _bitCount;
    // The subroutine whose body is being bound: a call of it there is recursion (QN2070).
    private string? _defining;

    /// <param name="symbols">The compilation's table, which already holds the networks' symbols; a new one when null.</param>
    public ProgramBinder(SourceText source, Network network, DiagnosticBag diagnostics, SymbolTable? symbols = null)
    {
        _source = source;
        _network = network;
        _diagnostics = diagnostics;
        _evaluator = new ExpressionEvaluator(source, diagnostics);
        _figures = new FigureBinder(source, diagnostics, _evaluator, SemanticLimits.MaxFigureRounds, network);
        _names = new NameRecorder(symbols ?? new SymbolTable(), source);
    }

    public BoundProgram Bind(ProgramDeclaration program)
    {
        _program = new ProgramSymbol(program.Name.Text, program.Name.Span);
        _names.Declare(program.Name, _program, program, container: null);
        if (program.Network is { } networkName) _names.Reference(networkName, _names.Table.NetworkOf(_network));
        // To the end of the file: while a line is typed the parser may end the program early.
        _names.Region(TextSpan.FromBounds(program.Span.Start, Math.Max(program.Span.End, _source.Text.Length)), _globals, _program);
        var statements = BindStatements(program.Body, _globals, topLevel: true);
        return new BoundProgram(program.Name.Text, _source, _network, [.. _qubits], [.. _bits], [.. _constants], [.. _gates.Values.OrderBy(g => g.DeclarationSpan.Start)], statements, program.Name.Span)
        {
            Figures = _figures.Figures,
            FigureBitReads = _figures.BitReads,
            Symbols = _names.Table,
        };
    }

    private Location At(TextSpan span) => new(_source, span);

    private ImmutableArray<BoundStatement> BindStatements(ImmutableArray<Statement> statements, Scope scope, bool topLevel)
    {
        var bound = ImmutableArray.CreateBuilder<BoundStatement>();
        foreach (var statement in statements)
            if (BindStatement(statement, scope, topLevel) is { } b) bound.Add(b);
        return bound.ToImmutable();
    }

    private BoundStatement? BindStatement(Statement statement, Scope scope, bool topLevel)
    {
        switch (statement)
        {
            case QubitDeclaration q:
                if (RequireTopLevel(topLevel, q, "qubits", q.Name, scope)) DeclareQubits(q);
                return null;
            case BitDeclaration b:
                if (RequireTopLevel(topLevel, b, "bits", b.Name, scope)) DeclareBits(b);
                return null;
            case ConstDeclaration c:
                if (RequireTopLevel(topLevel, c, "constants", c.Name, scope)) DeclareConst(c);
                return null;
            case VariableDeclaration v:
                return RequireTopLevel(topLevel, v, "classical variables", v.Name, scope) ? DeclareVariable(v, scope) : null;
            case AssignmentStatement a:
                return BindAssignment(a, scope);
            case InputDeclaration input:
                // Given on the command line, an input arrives here as a constant; this one was not.
                _diagnostics.Report(Diagnostics.InputWithoutValue, At(input.Name.Span), input.Name.Text);
                DeclareFailed(input.Name, input);
                return null;
            case GateDefinition g:
                if (RequireTopLevel(topLevel, g, "gates", g.Name, scope)) DeclareGate(g);
                return null;
            case GateCall call:
                return BindGateCall(call, scope);
            case SubroutineDefinition d:
                if (RequireTopLevel(topLevel, d, "subroutines", d.Name, scope)) DeclareSubroutine(d);
                return null;
            case ReturnStatement r:
                // A subroutine's final `return` is taken by DeclareSubroutine; any other is misplaced.
                _diagnostics.Report(Diagnostics.MisplacedReturn, At(r.Span), _defining is null
                    ? "`return` is allowed only as the last statement of a subroutine (`def`)"
                    : $"`return` must be the last statement of subroutine '{_defining}': it is inlined, so nothing can follow an early return");
                return null;
            case CallStatement c:
                return BindCallStatement(c, scope);
            case MeasureStatement m:
            {
                var qubit = BindOperand(m.Qubit, scope, OperandKind.Qubit);
                var target = m.Target is null ? null : BindOperand(m.Target, scope, OperandKind.Bit);
                return qubit is null || m.Target is not null && target is null ? null : new BoundMeasure(qubit, target, m.Span);
            }
            case ResetStatement r:
                return BindOperand(r.Qubit, scope, OperandKind.Qubit) is { } resetQubit ? new BoundReset(resetQubit, r.Span) : null;
            case BarrierStatement barrier:
            {
                var operands = barrier.Operands.Select(o => BindOperand(o, scope, OperandKind.Qubit)).ToList();
                return operands.Any(o => o is null) ? null : new BoundBarrier([.. operands.Cast<BoundOperand>()], barrier.Span);
            }
            case ForStatement f:
                return BindFor(f, scope);
            case IfStatement i:
            {
                var condition = CheckExpression(i.Condition, scope, allowBits: true);
                var then = BindStatements(i.Then, Region(i.Span, new Scope(scope)), topLevel: false);
                var @else = BindStatements(i.Else, Region(i.Span, new Scope(scope)), topLevel: false);
                return new BoundIf(condition, then, @else, i.Span);
            }
            case WhileStatement w:
            {
                var condition = CheckExpression(w.Condition, scope, allowBits: true);
                return new BoundWhile(condition, BindStatements(w.Body, Region(w.Span, new Scope(scope)), topLevel: false), w.Span);
            }
            case AtStatement a:
            {
                var node = ResolveProcessor(a.Node, "an `at` block");
                var body = BindStatements(a.Body, Region(a.Span, new Scope(scope)), topLevel: false);
                return node is null ? null : new BoundAt(node, body, a.Span);
            }
            case EprStatement e:
            {
                var first = BindOperand(e.First, scope, OperandKind.Qubit);
                var second = BindOperand(e.Second, scope, OperandKind.Qubit);
                return first is null || second is null ? null : new BoundEpr(first, second, e.Span);
            }
            case TeleportStatement t:
            {
                var qubit = BindOperand(t.Qubit, scope, OperandKind.Qubit);
                var node = ResolveProcessor(t.Destination, "teleport");
                return qubit is null || node is null ? null : new BoundTeleport(qubit, node, t.Span);
            }
            case SendStatement s:
            {
                var qubit = BindOperand(s.Qubit, scope, OperandKind.Qubit);
                var flag = s.ArrivalFlag is null ? null : BindOperand(s.ArrivalFlag, scope, OperandKind.Bit);
                var node = ResolveProcessor(s.Destination, "send");
                return qubit is null || node is null || s.ArrivalFlag is not null && flag is null ? null : new BoundSend(qubit, node, flag, s.Span);
            }
            case FigureDeclaration figure:
            {
                if (!RequireTopLevel(topLevel, figure, "figures", figure.Name, scope)) return null;
                // Bound before it is declared: a figure cannot read itself.
                var value = _names.Bind(figure.Value, _globals, _program, inFigure: true, network: _network);
                var symbol = new FigureSymbol(figure.Name.Text, figure.Name.Span);
                if (_figures.Bind(figure, value)) Declare(symbol, figure.Name, figure);
                // A figure with errors is not a name later figures can use (each use would be
                // another message), but its declaration is still one tools can go to.
                else _names.Declare(figure.Name, symbol, figure, _program);
                return null;
            }
            case BlockStatement block:
                return new BoundBlock(BindStatements(block.Body, Region(block.Span, new Scope(scope)), topLevel: false), block.Span);
            default:
                throw new InvalidOperationException($"binder does not know {statement.GetType().Name}");
        }
    }

    private ClassicalType? ResolveType(ClassicalTypeSyntax type)
    {
        var width = type.Width is { } w ? _names.Bind(w, _globals, _program) : null;
        return ClassicalTypes.Resolve(type, width, _evaluator, NameLookup.OfSymbol, _diagnostics, _source);
    }

    private bool RequireTopLevel(bool topLevel, Statement declaration, string what, Name name, Scope scope)
    {
        if (topLevel) return true;
        _diagnostics.Report(Diagnostics.DeclarationNotAtTop, At(declaration.Span), what);
        var standIn = new ErrorSymbol(name.Text, name.Span);
        if (scope.TryDeclareLocal(standIn)) _names.Declare(name, standIn, declaration, _program);
        return false;
    }

    /// <summary>
    /// After a failed declaration the name still exists, so its uses are not reported again;
    /// the table keeps it as a declaration, so its uses can still be found and renamed.
    /// </summary>
    private void DeclareFailed(Name name, Statement declaration)
    {
        var standIn = new ErrorSymbol(name.Text, name.Span);
        if (_globals.TryDeclare(standIn)) _names.Declare(name, standIn, declaration, _program);
    }

    /// <summary>Marks a scope's statements as the region where its names are visible, for completion.</summary>
    private Scope Region(TextSpan span, Scope scope)
    {
        _names.Region(span, scope, _program);
        return scope;
    }

    // ---- declarations ------------------------------------------------------------------------

    private void DeclareQubits(QubitDeclaration declaration)
    {
        int? size = declaration.Size is null ? 1 : EvaluateSize(declaration.Size);
        string? pinned = null;
        if (declaration.PinnedTo is { } pin)
        {
            _names.Reference(pin, _names.Table.NodeOf(_network, pin.Text));
            var node = _network.FindNode(pin.Text);
            if (node is null) _diagnostics.Report(Diagnostics.UnknownNode, At(pin.Span), _network.Name, pin.Text);
            else if (node.Kind == NodeKind.Repeater) _diagnostics.Report(Diagnostics.QubitsOnRepeater, At(pin.Span), pin.Text);
            else pinned = node.Name;
        }
        if (size is null)
        {
            DeclareFailed(declaration.Name, declaration);
            return;
        }
        var symbol = new QubitRegisterSymbol(declaration.Name.Text, size.Value, declaration.Size is not null, _qubitCount, pinned, declaration.Name.Span);
        if (!Declare(symbol, declaration.Name, declaration)) return;
        _qubits.Add(symbol);
        _qubitCount += size.Value;
    }

    private void DeclareBits(BitDeclaration declaration)
    {
        int? size = declaration.Size is null ? 1 : EvaluateSize(declaration.Size);
        if (size is null)
        {
            DeclareFailed(declaration.Name, declaration);
            return;
        }
        var symbol = new BitRegisterSymbol(declaration.Name.Text, size.Value, declaration.Size is not null, _bitCount, declaration.Name.Span)
        {
            InitialValue = declaration.Initializer is { } initializer ? InitialValue(initializer, declaration.Name.Text, size.Value) : 0,
        };
        if (!Declare(symbol, declaration.Name, declaration)) return;
        _bits.Add(symbol);
        _bitCount += size.Value;
    }

    private System.Numerics.BigInteger InitialValue(Expression initializer, string name, int size)
    {
        System.Numerics.BigInteger? value = null;
        var bound = _names.Bind(initializer, _globals, _program);
        if (Lowering.ExactIntegerFolding.TryFold(bound, out var exact)) value = exact;
        else if (_evaluator.Evaluate(bound, NameLookup.OfSymbol) is { Kind: ValueKind.Int } folded) value = new System.Numerics.BigInteger(folded.Number);
        if (value is not { } v || v.Sign < 0 || v.GetBitLength() > size)
        {
            _diagnostics.Report(Diagnostics.BadBitInitializer, At(initializer.Span), name, size, value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "a value that is not an integer constant");
            return 0;
        }
        return v;
    }

    private int? EvaluateSize(Expression expression)
    {
        if (EvaluateConstant(expression) is not { } value) return null;
        if (value.Kind != ValueKind.Int || value.Number < 1 || value.Number > SemanticLimits.MaxRegisterSize)
        {
            _diagnostics.Report(Diagnostics.BadRegisterSize, At(expression.Span), SemanticLimits.MaxRegisterSize, value.ToString());
            return null;
        }
        // The qubit and bit tables share this cap, so their indices always fit in an int.
        if (_qubitCount + _bitCount + value.Number > SemanticLimits.MaxRegisterSize)
        {
            _diagnostics.Report(Diagnostics.BadRegisterSize, At(expression.Span), SemanticLimits.MaxRegisterSize, $"{value} (after {_qubitCount + _bitCount} already declared)");
            return null;
        }
        return (int)value.Number;
    }

    private void DeclareConst(ConstDeclaration declaration)
    {
        var bound = _names.Bind(declaration.Value, _globals, _program);
        if (declaration.Type == ScalarType.Int && Lowering.ExactIntegerFolding.TryFoldBeyondDoubles(bound, out var exact))
        {
            // Exact where integers fold exactly (register comparisons, 64-bit variables); refused elsewhere, at the use.
            var wide = new ConstSymbol(declaration.Name.Text, declaration.Type, ConstValue.Float((double)exact), declaration.Name.Span) { Wide = exact };
            if (Declare(wide, declaration.Name, declaration)) _constants.Add(wide);
            return;
        }
        if (EvaluateConstant(bound) is not { } value)
        {
            DeclareFailed(declaration.Name, declaration);
            return;
        }
        bool fits = declaration.Type switch
        {
            ScalarType.Int => value.Kind == ValueKind.Int,
            ScalarType.Angle => value.IsNumber && value.Dimension == Dimension.None,
            _ => value.IsNumber,
        };
        if (!fits)
        {
            string expected = declaration.Type switch { ScalarType.Int => "an integer", ScalarType.Angle => "an angle (a plain number)", _ => "a number" };
            _diagnostics.Report(Diagnostics.TypeMismatch, At(declaration.Value.Span), expected, value.Describe());
            DeclareFailed(declaration.Name, declaration);
            return;
        }
        if (declaration.Type != ScalarType.Int) value = ConstValue.Float(value.Number, value.Dimension);
        var symbol = new ConstSymbol(declaration.Name.Text, declaration.Type, value, declaration.Name.Span);
        if (Declare(symbol, declaration.Name, declaration)) _constants.Add(symbol);
    }

    /// <summary>A classical variable: its type's width is a constant; an initialiser becomes an assignment right after it.</summary>
    private BoundStatement? DeclareVariable(VariableDeclaration declaration, Scope scope)
    {
        var width = declaration.Type.Width is { } w ? _names.Bind(w, _globals, _program) : null;
        if (ClassicalTypes.Resolve(declaration.Type, width, _evaluator, NameLookup.OfSymbol, _diagnostics, _source) is not { } type)
        {
            DeclareFailed(declaration.Name, declaration);
            return null;
        }
        var symbol = new ClassicalVariableSymbol(declaration.Name.Text, type, declaration.Name.Span);
        if (!Declare(symbol, declaration.Name, declaration)) return null;
        var declared = new BoundVariableDeclaration(symbol, declaration.Span);
        if (declaration.Initializer is not { } initializer) return declared;
        var value = CheckExpression(initializer, scope, allowBits: true);
        var target = new BoundOperand(symbol, null, declaration.Name.Span);
        return new BoundBlock([declared, new BoundAssign(target, null, value, declaration.Span)], declaration.Span);
    }

    private BoundAssign? BindAssignment(AssignmentStatement assignment, Scope scope)
    {
        var value = CheckExpression(assignment.Value, scope, allowBits: true);
        var symbol = scope.Lookup(assignment.Target.Name.Text);
        if (symbol is not (ClassicalVariableSymbol or BitRegisterSymbol or null or ErrorSymbol))
        {
            _names.Reference(assignment.Target.Name, symbol);
            _diagnostics.Report(Diagnostics.AssignmentToConstant, At(assignment.Target.Name.Span), symbol.Name, symbol.KindDescription);
            return null;
        }
        var target = BindOperand(assignment.Target, scope, OperandKind.Bit);
        return target is null ? null : new BoundAssign(target, assignment.Operator, value, assignment.Span);
    }

    private void DeclareGate(GateDefinition definition)
    {
        string name = definition.Name.Text;
        if (_gates.ContainsKey(name) || _globals.Lookup(name) is not null)
        {
            _diagnostics.Report(Diagnostics.Redefinition, At(definition.Name.Span), name);
            return;
        }
        if (definition.Qubits.Length == 0)
        {
            _diagnostics.Report(Diagnostics.WrongQubitCount, At(definition.Name.Span), name, "at least 1", 0);
            return;
        }
        // A gate body sees its own parameters and qubits and the constants declared before it,
        // never the program's registers: a gate is a reusable unitary, not a macro.
        var constants = new Scope(null);
        foreach (var c in _constants) constants.TryDeclareLocal(c);
        var gateScope = Region(definition.Span, new Scope(constants));
        var gate = new UserGate(name, [.. definition.Parameters.Select(p => p.Text)], [.. definition.Qubits.Select(q => q.Text)], definition.Name.Span);
        var symbol = new GateSymbol(gate);
        for (int i = 0; i < definition.Parameters.Length; i++)
            DeclareLocal(gateScope, new GateParameterSymbol(definition.Parameters[i].Text, i, definition.Parameters[i].Span), definition.Parameters[i], definition, symbol);
        for (int i = 0; i < definition.Qubits.Length; i++)
            DeclareLocal(gateScope, new GateQubitSymbol(definition.Qubits[i].Text, i, definition.Qubits[i].Span), definition.Qubits[i], definition, symbol);

        var body = ImmutableArray.CreateBuilder<BoundGateCall>();
        foreach (var statement in definition.Body)
        {
            if (statement is not GateCall call)
            {
                _diagnostics.Report(Diagnostics.NotAllowedInGate, At(statement.Span), Describe(statement));
                continue;
            }
            if (BindGateCall(call, gateScope) is { } bound) body.Add(bound);
        }
        gate.Body = body.ToImmutable();
        // Declared after its body is bound: a gate cannot call itself, so inlining terminates.
        _gates.Add(name, gate);
        _gateSymbols.Add(name, symbol);
        _names.Declare(definition.Name, symbol, definition, _program);
    }

    private bool Declare(Symbol symbol, Name name, Statement declaration)
    {
        if (_gates.ContainsKey(symbol.Name) || !_globals.TryDeclare(symbol))
        {
            _diagnostics.Report(Diagnostics.Redefinition, At(symbol.DeclarationSpan), symbol.Name);
            return false;
        }
        _names.Declare(name, symbol, declaration, _program);
        return true;
    }

    private void DeclareLocal(Scope scope, Symbol symbol, Name name, SyntaxNode declaration, Symbol container)
    {
        if (scope.TryDeclareLocal(symbol)) _names.Declare(name, symbol, declaration, container);
        else _diagnostics.Report(Diagnostics.Redefinition, At(symbol.DeclarationSpan), symbol.Name);
    }

    // ---- statements ----------------------------------------------------------------------------

    private BoundGateCall? BindGateCall(GateCall call, Scope scope)
    {
        var builtin = _gates.TryGetValue(call.Gate.Text, out var user) ? null : Builtin(call.Gate.Text);
        GateTarget? gate = user ?? (GateTarget?)builtin?.Gate;
        _names.Reference(call.Gate, user is not null ? _gateSymbols[user.Name] : builtin?.Symbol);
        var arguments = ImmutableArray.CreateBuilder<BoundExpression>(call.Arguments.Length);
        foreach (var argument in call.Arguments) arguments.Add(CheckExpression(argument, scope, allowBits: false));
        var operands = new BoundOperand?[call.Operands.Length];
        for (int i = 0; i < operands.Length; i++) operands[i] = BindOperand(call.Operands[i], scope, OperandKind.Qubit);
        if (gate is null)
        {
            _diagnostics.Report(Diagnostics.UnknownGate, At(call.Gate.Span), call.Gate.Text);
            return null;
        }
        bool ok = true;
        if (call.Arguments.Length != gate.ParameterCount)
        {
            _diagnostics.Report(Diagnostics.WrongParameterCount, At(call.Gate.Span), gate.Name, gate.ParameterCount, call.Arguments.Length);
            ok = false;
        }
        if (call.Operands.Length != gate.QubitCount)
        {
            _diagnostics.Report(Diagnostics.WrongQubitCount, At(call.Gate.Span), gate.Name, gate.QubitCount, call.Operands.Length);
            ok = false;
        }
        if (!ok || operands.Any(o => o is null)) return null;
        return new BoundGateCall(gate, arguments.MoveToImmutable(), [.. operands.Select(o => o!)], call.Span);
    }

    /// <summary>
    /// A catalog gate as a call target and as the symbol its name resolves to, made once per
    /// name as written (a flat file calls the same few gates a million times); null when the
    /// catalog has no such gate.
    /// </summary>
    private (BuiltinGate Gate, BuiltinGateSymbol Symbol)? Builtin(string written)
    {
        if (_builtins.TryGetValue(written, out var known)) return known;
        (BuiltinGate, BuiltinGateSymbol)? made = GateCatalog.TryGet(written, out var info) ? (new BuiltinGate(info), new BuiltinGateSymbol(info, written)) : null;
        _builtins[written] = made;
        return made;
    }

    private readonly Dictionary<string, (BuiltinGate Gate, BuiltinGateSymbol Symbol)?> _builtins = new(StringComparer.Ordinal);

    private BoundFor? BindFor(ForStatement loop, Scope scope)
    {
        var start = CheckExpression(loop.Start, scope, allowBits: false);
        var end = CheckExpression(loop.End, scope, allowBits: false);
        var step = loop.Step is null ? null : CheckExpression(loop.Step, scope, allowBits: false);
        var body = Region(loop.Span, new Scope(scope));
        var variable = new LoopVariableSymbol(loop.Variable.Text, loop.Variable.Span);
        bool declared = body.TryDeclare(variable);
        if (declared) _names.Declare(loop.Variable, variable, loop, _program);
        if (!declared || _gates.ContainsKey(variable.Name))
            _diagnostics.Report(Diagnostics.Redefinition, At(loop.Variable.Span), variable.Name);
        var statements = BindStatements(loop.Body, body, topLevel: false);
        return new BoundFor(variable, start, end, statements, loop.Span) { Step = step };
    }

    private enum OperandKind
    {
        Qubit,
        Bit,
    }

    private BoundOperand? BindOperand(Operand operand, Scope scope, OperandKind kind)
    {
        var index = operand.Index is null ? null : CheckExpression(operand.Index, scope, allowBits: false);
        var symbol = scope.Lookup(operand.Name.Text);
        _names.Reference(operand.Name, symbol);
        if (symbol is null)
        {
            ReportUndefined(operand.Name);
            return null;
        }
        if (symbol is ErrorSymbol) return null;
        bool fits = kind == OperandKind.Qubit
            ? symbol is QubitRegisterSymbol or GateQubitSymbol or SubroutineQubitSymbol
            : symbol is BitRegisterSymbol or ClassicalVariableSymbol;
        if (!fits)
        {
            _diagnostics.Report(Diagnostics.TypeMismatch, At(operand.Name.Span), kind == OperandKind.Qubit ? "a qubit" : "a bit", $"'{symbol.Name}', {symbol.KindDescription}");
            return null;
        }
        if (operand.Index is not null && symbol is GateQubitSymbol or QubitRegisterSymbol { IsRegister: false } or BitRegisterSymbol { IsRegister: false } or SubroutineQubitSymbol { IsRegister: false })
        {
            _diagnostics.Report(Diagnostics.TypeMismatch, At(operand.Span), "a register to index", $"'{symbol.Name}', {symbol.KindDescription}");
            return null;
        }
        return new BoundOperand(symbol, index, operand.Span);
    }

    private NetworkNode? ResolveProcessor(Name name, string usage)
    {
        _names.Reference(name, _names.Table.NodeOf(_network, name.Text));
        var node = _network.FindNode(name.Text);
        if (node is null)
        {
            _diagnostics.Report(Diagnostics.UnknownNode, At(name.Span), _network.Name, name.Text);
            return null;
        }
        if (node.Kind == NodeKind.Repeater)
        {
            _diagnostics.Report(Diagnostics.NodeIsNotAProcessor, At(name.Span), "repeater", name.Text, $"{usage} needs a qpu or endnode");
            return null;
        }
        return node;
    }

    // ---- expressions ---------------------------------------------------------------------------

    /// <summary>Binds, records and checks every name in an expression; bits are allowed only in `if` conditions.</summary>
    private BoundExpression CheckExpression(Expression expression, Scope scope, bool allowBits)
    {
        var bound = _names.Bind(expression, scope, _program);
        CheckNames(bound, scope, allowBits);
        return bound;
    }

    private void CheckNames(BoundExpression expression, Scope scope, bool allowBits)
    {
        switch (expression)
        {
            case BoundName n:
                CheckName(n.Name, n.Symbol, scope, allowBits, indexed: false);
                break;
            case BoundIndex i:
                CheckName(i.Name, i.Symbol, scope, allowBits, indexed: true);
                CheckNames(i.Index, scope, allowBits: false);
                break;
            case BoundUnary u:
                CheckNames(u.Operand, scope, allowBits);
                break;
            case BoundCast c:
                // A cast is how a bit register becomes a number.
                if (c.Width is { } width) CheckNames(width, scope, allowBits: false);
                CheckNames(c.Operand, scope, allowBits: true);
                break;
            case BoundBinary b:
                CheckNames(b.Left, scope, allowBits);
                CheckNames(b.Right, scope, allowBits);
                break;
            case BoundReduction r:
                _diagnostics.Report(Diagnostics.InvalidFigure, At(r.Span), ExpressionEvaluator.ReductionOutsideFigure(r));
                break;
            case BoundSubroutineCall call:
                if (call.Result is null)
                    _diagnostics.Report(Diagnostics.SubroutineArgumentMismatch, At(call.Span), call.Function.Text, "it returns nothing (no `-> type`), so its call has no value");
                CheckCall(call, scope);
                break;
            case BoundCall c:
                if (c.FunctionSymbol is null && c.Function.Text == _defining)
                    _diagnostics.Report(Diagnostics.RecursiveSubroutine, At(c.Function.Span), c.Function.Text);
                else if (c.FunctionSymbol is null)
                    _diagnostics.Report(Diagnostics.UndefinedName, At(c.Function.Span), c.Function.Text);
                foreach (var argument in c.Arguments) CheckNames(argument, scope, allowBits: false);
                break;
        }
    }

    private void CheckName(Name name, Symbol? bound, Scope scope, bool allowBits, bool indexed)
    {
        // A name that meant nothing when bound may have been reported since, earlier in the
        // same expression: the stand-in ReportUndefined left keeps it to one message.
        var symbol = bound ?? scope.Lookup(name.Text);
        switch (symbol)
        {
            case BuiltinValueSymbol when !indexed:
                return;
            case null:
                ReportUndefined(name);
                return;
            case ErrorSymbol:
                return;
            case ClassicalVariableSymbol:
                // Constant or not is known only when lowering (QN2066 where a constant is needed).
                return;
            case BitRegisterSymbol bits when allowBits:
                if (indexed && !bits.IsRegister)
                    _diagnostics.Report(Diagnostics.TypeMismatch, At(name.Span), "a register to index", $"'{bits.Name}', a bit");
                return;
            case ConstSymbol or LoopVariableSymbol or GateParameterSymbol when !indexed:
                return;
            case ConstSymbol or LoopVariableSymbol or GateParameterSymbol:
                _diagnostics.Report(Diagnostics.TypeMismatch, At(name.Span), "a register to index", $"'{symbol.Name}', {symbol.KindDescription}");
                return;
            case BitRegisterSymbol:
                // A measurement result in an angle, index or size: say how bits can be used.
                _diagnostics.Report(Diagnostics.BitNotANumber, At(name.Span), name.Text, symbol.KindDescription);
                return;
            default:
                _diagnostics.Report(Diagnostics.NotConstant, At(name.Span), name.Text, symbol.KindDescription);
                return;
        }
    }

    /// <summary>One message per undefined name: later uses of the same name stay quiet.</summary>
    private void ReportUndefined(Name name)
    {
        _diagnostics.Report(Diagnostics.UndefinedName, At(name.Span), name.Text);
        _globals.TryDeclare(new ErrorSymbol(name.Text, name.Span));
    }

    /// <summary>Folds a declaration's expression (a size, a constant's value) over the constants declared so far, recording its names.</summary>
    private ConstValue? EvaluateConstant(Expression expression) => EvaluateConstant(_names.Bind(expression, _globals, _program));

    private ConstValue? EvaluateConstant(BoundExpression bound) => _evaluator.Evaluate(bound, NameLookup.OfSymbol);

    private static string Describe(Statement statement) => statement switch
    {
        MeasureStatement => "a measurement",
        ResetStatement => "a reset",
        BarrierStatement => "a barrier",
        ForStatement => "a for loop",
        WhileStatement => "a while loop",
        IfStatement => "an if statement",
        QubitDeclaration or BitDeclaration or ConstDeclaration or VariableDeclaration => "a declaration",
        AssignmentStatement => "an assignment",
        GateDefinition => "a gate definition",
        SubroutineDefinition => "a subroutine definition",
        _ => "a network operation",
    };
}
