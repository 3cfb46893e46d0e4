using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>Subroutines (<c>def</c>): their declaration, body, returns and calls.</summary>
public sealed partial class ProgramBinder
{
    /// <summary>
    /// <c>def f(qubit a, qubit[2] r, uint[4] k) -> bit { ... return e; }</c>. Like a gate, the body
    /// sees its parameters, its own classical variables and the constants, gates and subroutines
    /// declared before it, never the program's registers: everything it touches comes in as an
    /// argument. It is declared after its body is bound, so a call of itself is recursion (QN2070).
    /// </summary>
    private void DeclareSubroutine(SubroutineDefinition definition)
    {
        string name = definition.Name.Text;
        if (_gates.ContainsKey(name) || _globals.Lookup(name) is not null)
        {
            _diagnostics.Report(Diagnostics.Redefinition, At(definition.Name.Span), name);
            return;
        }
        var visible = new Scope(null);
        foreach (var c in _constants) visible.TryDeclareLocal(c);
        foreach (var d in _subroutines) visible.TryDeclareLocal(d);
        var scope = Region(definition.Span, new Scope(visible));

        var parameters = ImmutableArray.CreateBuilder<Symbol>();
        bool ok = true;
        foreach (var parameter in definition.Parameters)
        {
            Symbol? symbol = parameter.Type is { } type
                ? ResolveType(type) is { } classical ? new ClassicalVariableSymbol(parameter.Name.Text, classical, parameter.Name.Span) : null
                : QubitParameterSize(parameter) is { } size ? new SubroutineQubitSymbol(parameter.Name.Text, size, parameter.Size is not null, parameter.Name.Span) : null;
            if (symbol is null)
            {
                ok = false;
                symbol = new ErrorSymbol(parameter.Name.Text, parameter.Name.Span);
            }
            parameters.Add(symbol);
        }
        ClassicalType? result = null;
        if (definition.ResultType is { } resultType && (result = ResolveType(resultType)) is null) ok = false;
        var subroutine = new Subroutine(name, parameters.ToImmutable(), result, definition.Name.Span);
        var subroutineSymbol = new SubroutineSymbol(subroutine);
        for (int i = 0; i < definition.Parameters.Length; i++)
            DeclareLocal(scope, parameters[i], definition.Parameters[i].Name, definition, subroutineSymbol);

        _defining = name;
        var body = ImmutableArray.CreateBuilder<BoundStatement>();
        for (int i = 0; i < definition.Body.Length; i++)
        {
            var statement = definition.Body[i];
            bool last = i == definition.Body.Length - 1;
            if (statement is ReturnStatement { } ret && last)
            {
                if (BindReturn(ret, subroutine, scope) is { } bound) body.Add(bound);
                continue;
            }
            if (BindSubroutineStatement(statement, scope, subroutineSymbol) is { } b) body.Add(b);
        }
        _defining = null;
        if (result is not null && !definition.Body.Any(b => b is ReturnStatement))
            _diagnostics.Report(Diagnostics.MisplacedReturn, At(definition.Name.Span), $"subroutine '{name}' returns {result}, but its body does not end with `return VALUE;`");
        subroutine.Body = body.ToImmutable();
        if (!ok) return;
        if (!_globals.TryDeclare(subroutineSymbol))
        {
            _diagnostics.Report(Diagnostics.Redefinition, At(definition.Name.Span), name);
            return;
        }
        _subroutines.Add(subroutineSymbol);
        _names.Declare(definition.Name, subroutineSymbol, definition, _program);
    }

    /// <summary>The size of a qubit parameter: 1, or the constant of <c>qubit[n]</c>.</summary>
    private int? QubitParameterSize(SubroutineParameter parameter)
    {
        if (parameter.Size is null) return 1;
        if (EvaluateConstant(parameter.Size) is not { } value) return null;
        if (value.Kind != ValueKind.Int || value.Number < 1 || value.Number > SemanticLimits.MaxRegisterSize)
        {
            _diagnostics.Report(Diagnostics.BadRegisterSize, At(parameter.Size.Span), SemanticLimits.MaxRegisterSize, value.ToString());
            return null;
        }
        return (int)value.Number;
    }

    /// <summary>
    /// A statement at the top of a subroutine body: its own classical variables (a <c>bit</c>
    /// declared there is a variable too, local to the call) or any statement a block may hold.
    /// </summary>
    private BoundStatement? BindSubroutineStatement(Statement statement, Scope scope, SubroutineSymbol container)
    {
        switch (statement)
        {
            case BitDeclaration bits:
            {
                var type = new ClassicalTypeSyntax(ClassicalTypeKeyword.Bit, bits.Size, bits.Span);
                return DeclareSubroutineVariable(new VariableDeclaration(type, bits.Name, bits.Initializer, bits.Span), scope, container);
            }
            case VariableDeclaration variable:
                return DeclareSubroutineVariable(variable, scope, container);
            case QubitDeclaration or ConstDeclaration or GateDefinition or SubroutineDefinition or FigureDeclaration or InputDeclaration:
                string what = statement switch
                {
                    QubitDeclaration => "a qubit declaration",
                    ConstDeclaration => "a constant declaration",
                    FigureDeclaration => "a figure",
                    InputDeclaration => "an input",
                    _ => Describe(statement),
                };
                _diagnostics.Report(Diagnostics.NotAllowedInSubroutine, At(statement.Span), what,
                    "qubits come in as parameters, and constants, gates, subroutines and figures are declared at the top level of the program");
                // Its uses in the body stay quiet: the declaration is the mistake.
                Name? declared = statement switch
                {
                    QubitDeclaration q => q.Name,
                    ConstDeclaration c => c.Name,
                    GateDefinition g => g.Name,
                    SubroutineDefinition d => d.Name,
                    FigureDeclaration f => f.Name,
                    InputDeclaration i => i.Name,
                    _ => null,
                };
                if (declared is not null) scope.TryDeclareLocal(new ErrorSymbol(declared.Text, declared.Span));
                return null;
            default:
                return BindStatement(statement, scope, topLevel: false);
        }
    }

    private BoundStatement? DeclareSubroutineVariable(VariableDeclaration declaration, Scope scope, SubroutineSymbol container)
    {
        if (ResolveType(declaration.Type) is not { } type) return null;
        var symbol = new ClassicalVariableSymbol(declaration.Name.Text, type, declaration.Name.Span);
        if (!scope.TryDeclare(symbol))
        {
            _diagnostics.Report(Diagnostics.Redefinition, At(declaration.Name.Span), symbol.Name);
            return null;
        }
        _names.Declare(declaration.Name, symbol, declaration, container);
        var declared = new BoundVariableDeclaration(symbol, declaration.Span);
        if (declaration.Initializer is not { } initializer) return declared;
        var value = CheckExpression(initializer, scope, allowBits: true);
        return new BoundBlock([declared, new BoundAssign(new BoundOperand(symbol, null, declaration.Name.Span), null, value, declaration.Span)], declaration.Span);
    }

    private BoundReturn? BindReturn(ReturnStatement statement, Subroutine subroutine, Scope scope)
    {
        if (subroutine.ResultType is null && statement.Value is not null)
        {
            _diagnostics.Report(Diagnostics.MisplacedReturn, At(statement.Span), $"subroutine '{subroutine.Name}' has no result type (`-> type`), so its `return` cannot give a value");
            return null;
        }
        if (subroutine.ResultType is { } type && statement.Value is null)
        {
            _diagnostics.Report(Diagnostics.MisplacedReturn, At(statement.Span), $"subroutine '{subroutine.Name}' returns {type}: its `return` needs a value");
            return null;
        }
        var value = statement.Value is null ? null : CheckExpression(statement.Value, scope, allowBits: true);
        return new BoundReturn(value, statement.Span);
    }

    private BoundCallStatement? BindCallStatement(CallStatement statement, Scope scope)
    {
        var bound = _names.Bind(statement.Call, scope, _program);
        if (bound is BoundSubroutineCall call)
        {
            CheckCall(call, scope);
            return new BoundCallStatement(call, statement.Span);
        }
        var name = statement.Call.Function;
        var symbol = scope.Lookup(name.Text);
        if (name.Text == _defining) _diagnostics.Report(Diagnostics.RecursiveSubroutine, At(name.Span), name.Text);
        else if (_gates.ContainsKey(name.Text) || GateCatalog.TryGet(name.Text, out _))
            _diagnostics.Report(Diagnostics.TypeMismatch, At(name.Span), "a subroutine (a gate call names its qubits after the parentheses: `g(angles) q;`)", $"'{name.Text}', a gate");
        else if (symbol is null) ReportUndefined(name);
        else if (symbol is not ErrorSymbol) _diagnostics.Report(Diagnostics.TypeMismatch, At(name.Span), "a subroutine", $"'{name.Text}', {symbol.KindDescription}");
        return null;
    }

    /// <summary>
    /// A call's arguments against the parameters: as many, a qubit (or a register of the
    /// parameter's size) for each qubit parameter, a classical value for each classical one.
    /// </summary>
    private void CheckCall(BoundSubroutineCall call, Scope scope)
    {
        var parameters = call.Callee.Parameters;
        if (call.Arguments.Length != parameters.Length)
            _diagnostics.Report(Diagnostics.SubroutineArgumentMismatch, At(call.Span), call.Function.Text, $"it takes {parameters.Length} argument(s), the call gives {call.Arguments.Length}");
        for (int i = 0; i < Math.Min(parameters.Length, call.Arguments.Length); i++)
        {
            var argument = call.Arguments[i];
            var (qubits, indexed) = argument switch
            {
                BoundName { Symbol: QubitRegisterSymbol or SubroutineQubitSymbol } n => (n.Symbol, false),
                BoundIndex { Symbol: QubitRegisterSymbol or SubroutineQubitSymbol } x => (x.Symbol, true),
                _ => ((Symbol?)null, false),
            };
            string? problem = null;
            if (parameters[i] is SubroutineQubitSymbol parameter)
            {
                int? size = qubits switch
                {
                    null => null,
                    _ when indexed => 1,
                    QubitRegisterSymbol r => r.IsRegister ? r.Size : 1,
                    SubroutineQubitSymbol s => s.IsRegister ? s.Size : 1,
                    _ => null,
                };
                bool register = !indexed && qubits is QubitRegisterSymbol { IsRegister: true } or SubroutineQubitSymbol { IsRegister: true };
                string wanted = parameter.IsRegister ? $"a register of {parameter.Size} qubit(s)" : "one qubit";
                if (argument is BoundName { Symbol: ErrorSymbol }) continue;
                if (size is null) problem = $"argument {i + 1} must be {wanted} (parameter '{parameter.Name}')";
                else if (parameter.IsRegister != register || size != parameter.Size)
                    problem = $"argument {i + 1} is {(register ? $"a register of {size} qubit(s)" : "one qubit")}, but parameter '{parameter.Name}' takes {wanted}";
                if (indexed && argument is BoundIndex index) CheckNames(index.Index, scope, allowBits: false);
            }
            else if (qubits is not null)
                problem = $"argument {i + 1} is a qubit, but parameter '{parameters[i].Name}' takes a classical value";
            else CheckNames(argument, scope, allowBits: true);
            if (problem is not null) _diagnostics.Report(Diagnostics.SubroutineArgumentMismatch, At(argument.Span), call.Function.Text, problem);
        }
    }
}
