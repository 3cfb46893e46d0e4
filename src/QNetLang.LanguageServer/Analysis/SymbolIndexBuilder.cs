using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Semantics;
using QNetLang.Syntax.Ast;

namespace QNetLang.LanguageServer.Analysis;

/// <summary>
/// Walks the AST of a file and the files it includes and resolves names the way the binder
/// does: networks and their nodes across all files, program names in source order (no
/// forward references), loop variables inside their loop, gate parameters and qubits inside
/// their gate (which sees the program's constants and earlier gates but not its registers).
/// It works on partial ASTs, so navigation keeps working while the file has errors.
/// </summary>
public sealed class SymbolIndexBuilder
{
    private readonly SourceText _source;
    private readonly List<Declaration> _declarations = new();
    private readonly List<Reference> _references = new();
    private readonly Dictionary<string, Declaration> _networks = new(StringComparer.Ordinal);
    private readonly Dictionary<Declaration, Dictionary<string, Declaration>> _nodesByNetwork = new();

    private SymbolIndexBuilder(SourceText source) => _source = source;

    /// <param name="main">The analysed file.</param>
    /// <param name="units">Every loaded file, the main one included, in load order.</param>
    public static SymbolIndex Build(CompilationUnit main, IReadOnlyList<CompilationUnit> units)
    {
        var builder = new SymbolIndexBuilder(main.Source);
        foreach (var unit in units.Where(u => !ReferenceEquals(u, main)).Append(main))
            foreach (var network in unit.Items.OfType<NetworkDeclaration>())
                builder.DeclareNetwork(unit.Source, network, isMain: ReferenceEquals(unit, main));
        foreach (var program in main.Items.OfType<ProgramDeclaration>())
            builder.WalkProgram(program);
        builder._references.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new SymbolIndex(main.Source, builder._declarations, builder._references);
    }

    // ---- networks -------------------------------------------------------------------------

    private void DeclareNetwork(SourceText source, NetworkDeclaration network, bool isMain)
    {
        var declaration = Declare(DeclarationKind.Network, network.Name, source, network, null, isMain);
        // The first declaration wins, as in the compiler (a second one is QN2002).
        _networks.TryAdd(network.Name.Text, declaration);
        var nodes = new Dictionary<string, Declaration>(StringComparer.Ordinal);
        _nodesByNetwork[declaration] = nodes;
        foreach (var node in network.Members.OfType<NodeDeclaration>())
            nodes.TryAdd(node.Name.Text, Declare(DeclarationKind.Node, node.Name, source, node, declaration, isMain));
        if (!isMain) return;

        foreach (var member in network.Members)
        {
            switch (member)
            {
                case NodeDeclaration node:
                    Properties(node.Properties, node.Kind switch
                    {
                        NodeKind.Repeater => PropertySchema.RepeaterOwner,
                        NodeKind.EndNode => PropertySchema.EndNodeOwner,
                        _ => PropertySchema.QpuOwner,
                    });
                    break;
                case LinkDeclaration link:
                    NodeReference(nodes, link.From);
                    NodeReference(nodes, link.To);
                    Properties(link.Properties, PropertySchema.LinkOwner);
                    break;
                case PropertyAssignment property:
                    Properties([property], PropertySchema.NetworkOwner);
                    break;
            }
        }
    }

    private void Properties(IEnumerable<PropertyAssignment> properties, string owner)
    {
        foreach (var property in properties)
        {
            if (PropertySchema.Find(owner, property.Name.Text) is { } spec)
                _references.Add(new Reference(property.Name.Span, new PropertyTarget(owner, spec)));
            Expression(property.Value, new Scope(null, gateBoundary: false));
        }
    }

    private void NodeReference(IReadOnlyDictionary<string, Declaration>? nodes, Name? name)
    {
        if (name is null || nodes is null) return;
        if (nodes.TryGetValue(name.Text, out var node)) _references.Add(new Reference(name.Span, new DeclaredTarget(node)));
    }

    // ---- programs -------------------------------------------------------------------------

    private void WalkProgram(ProgramDeclaration program)
    {
        var declaration = Declare(DeclarationKind.Program, program.Name, _source, program, null, isMain: true);
        Dictionary<string, Declaration>? nodes = null;
        if (program.Network is { } networkName && _networks.TryGetValue(networkName.Text, out var network))
        {
            _references.Add(new Reference(networkName.Span, new DeclaredTarget(network)));
            nodes = _nodesByNetwork[network];
        }
        var walker = new ProgramWalker(this, declaration, nodes);
        var scope = new Scope(null, gateBoundary: false);
        foreach (var statement in program.Body) walker.Statement(statement, scope);
    }

    /// <summary>Walks one program's statements with its scopes and its network's nodes.</summary>
    private sealed class ProgramWalker(SymbolIndexBuilder index, Declaration program, IReadOnlyDictionary<string, Declaration>? nodes)
    {
        public void Statement(Statement statement, Scope scope)
        {
            switch (statement)
            {
                case QubitDeclaration qubit:
                    if (qubit.Size is { } size) index.Expression(size, scope);
                    index.NodeReference(nodes, qubit.PinnedTo);
                    scope.Add(index.Declare(DeclarationKind.QubitRegister, qubit.Name, index._source, qubit, program, isMain: true));
                    break;
                case BitDeclaration bit:
                    if (bit.Size is { } bitSize) index.Expression(bitSize, scope);
                    scope.Add(index.Declare(DeclarationKind.BitRegister, bit.Name, index._source, bit, program, isMain: true));
                    break;
                case ConstDeclaration constant:
                    index.Expression(constant.Value, scope);
                    scope.Add(index.Declare(DeclarationKind.Constant, constant.Name, index._source, constant, program, isMain: true));
                    break;
                case GateDefinition gate:
                    Gate(gate, scope);
                    break;
                case GateCall call:
                    GateName(call.Gate, scope);
                    foreach (var argument in call.Arguments) index.Expression(argument, scope);
                    foreach (var operand in call.Operands) index.Operand(operand, scope);
                    break;
                case MeasureStatement measure:
                    index.Operand(measure.Qubit, scope);
                    if (measure.Target is { } target) index.Operand(target, scope);
                    break;
                case ResetStatement reset:
                    index.Operand(reset.Qubit, scope);
                    break;
                case BarrierStatement barrier:
                    foreach (var operand in barrier.Operands) index.Operand(operand, scope);
                    break;
                case ForStatement loop:
                    index.Expression(loop.Start, scope);
                    index.Expression(loop.End, scope);
                    if (loop.Step is { } step) index.Expression(step, scope);
                    var body = new Scope(scope, gateBoundary: false);
                    body.Add(index.Declare(DeclarationKind.LoopVariable, loop.Variable, index._source, loop, program, isMain: true));
                    foreach (var inner in loop.Body) Statement(inner, body);
                    break;
                case IfStatement branch:
                    index.Expression(branch.Condition, scope);
                    foreach (var inner in branch.Then) Statement(inner, scope);
                    foreach (var inner in branch.Else) Statement(inner, scope);
                    break;
                case WhileStatement loop:
                    index.Expression(loop.Condition, scope);
                    foreach (var inner in loop.Body) Statement(inner, scope);
                    break;
                case AtStatement at:
                    index.NodeReference(nodes, at.Node);
                    foreach (var inner in at.Body) Statement(inner, scope);
                    break;
                case EprStatement epr:
                    index.Operand(epr.First, scope);
                    index.Operand(epr.Second, scope);
                    break;
                case TeleportStatement teleport:
                    index.Operand(teleport.Qubit, scope);
                    index.NodeReference(nodes, teleport.Destination);
                    break;
                case SendStatement send:
                    if (send.ArrivalFlag is { } flag) index.Operand(flag, scope);
                    index.Operand(send.Qubit, scope);
                    index.NodeReference(nodes, send.Destination);
                    break;
                case BlockStatement block:
                    foreach (var inner in block.Body) Statement(inner, scope);
                    break;
                case FigureDeclaration figure:
                    index.Expression(figure.Value, scope);
                    // Declared after its value, as the binder does: a figure cannot read itself.
                    scope.Add(index.Declare(DeclarationKind.Figure, figure.Name, index._source, figure, program, isMain: true));
                    break;
            }
        }

        private void Gate(GateDefinition gate, Scope scope)
        {
            var declaration = index.Declare(DeclarationKind.Gate, gate.Name, index._source, gate, program, isMain: true);
            var body = new Scope(scope, gateBoundary: true);
            foreach (var parameter in gate.Parameters)
                body.Add(index.Declare(DeclarationKind.GateParameter, parameter, index._source, gate, declaration, isMain: true));
            foreach (var qubit in gate.Qubits)
                body.Add(index.Declare(DeclarationKind.GateQubit, qubit, index._source, gate, declaration, isMain: true));
            foreach (var statement in gate.Body) Statement(statement, body);
            // Declared after its body: a gate cannot call itself.
            scope.Add(declaration);
        }

        private void GateName(Name name, Scope scope)
        {
            if (scope.Lookup(name.Text) is { Kind: DeclarationKind.Gate } user)
                index._references.Add(new Reference(name.Span, new DeclaredTarget(user)));
            else if (GateCatalog.TryGet(name.Text, out var builtin))
                index._references.Add(new Reference(name.Span, new BuiltinGateTarget(builtin, name.Text)));
        }
    }

    private void Operand(Operand operand, Scope scope)
    {
        NameUse(operand.Name, scope);
        if (operand.Index is { } index) Expression(index, scope);
    }

    private void NameUse(Name name, Scope scope)
    {
        if (scope.Lookup(name.Text) is { } declaration)
            _references.Add(new Reference(name.Span, new DeclaredTarget(declaration)));
        else if (ExpressionEvaluator.IsBuiltinConstant(name.Text))
            _references.Add(new Reference(name.Span, new BuiltinValueTarget(name.Text, IsFunction: false)));
    }

    private void Expression(Expression expression, Scope scope)
    {
        switch (expression)
        {
            case LiteralExpression { Unit: { } unit } when Units.TryConvert(unit.Text, 1, out _, out _):
                _references.Add(new Reference(unit.Span, new UnitTarget(unit.Text)));
                break;
            case NameExpression name:
                NameUse(name.Name, scope);
                break;
            case IndexExpression index:
                NameUse(index.Name, scope);
                Expression(index.Index, scope);
                break;
            case CallExpression call:
                if (ExpressionEvaluator.IsBuiltinFunction(call.Function.Text))
                    _references.Add(new Reference(call.Function.Span, new BuiltinValueTarget(call.Function.Text, IsFunction: true)));
                foreach (var argument in call.Arguments) Expression(argument, scope);
                break;
            case UnaryExpression unary:
                Expression(unary.Operand, scope);
                break;
            case ReductionExpression reduction:
                Expression(reduction.Start, scope);
                Expression(reduction.End, scope);
                var rounds = new Scope(scope, gateBoundary: false);
                rounds.Add(Declare(DeclarationKind.LoopVariable, reduction.Variable, _source, reduction, container: null, isMain: true));
                Expression(reduction.Body, rounds);
                if (reduction.Condition is { } condition) Expression(condition, rounds);
                break;
            case BinaryExpression binary:
                Expression(binary.Left, scope);
                Expression(binary.Right, scope);
                break;
        }
    }

    private Declaration Declare(DeclarationKind kind, Name name, SourceText source, SyntaxNode syntax, Declaration? container, bool isMain)
    {
        var declaration = new Declaration(kind, name.Text, source, name.Span, syntax, container);
        _declarations.Add(declaration);
        if (isMain) _references.Add(new Reference(name.Span, new DeclaredTarget(declaration)));
        return declaration;
    }

    /// <summary>
    /// Names visible at a point of a program. A gate body (<c>gateBoundary</c>) sees only the
    /// constants and gates outside it, as the binder rules.
    /// </summary>
    private sealed class Scope(Scope? parent, bool gateBoundary)
    {
        private readonly Dictionary<string, Declaration> _names = new(StringComparer.Ordinal);

        public void Add(Declaration declaration) => _names.TryAdd(declaration.Name, declaration);

        public Declaration? Lookup(string name)
        {
            if (_names.TryGetValue(name, out var found)) return found;
            var outer = parent?.Lookup(name);
            if (gateBoundary && outer is not null && outer.Kind is not (DeclarationKind.Constant or DeclarationKind.Gate)) return null;
            return outer;
        }
    }
}
