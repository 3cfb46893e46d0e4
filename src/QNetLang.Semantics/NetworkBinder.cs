using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>
/// Binds a <c>network</c> declaration to the hardware model: checks every property against
/// <see cref="PropertySchema"/> (name, dimension, range), fills in defaults, and checks that
/// links join distinct, declared nodes. The network, its nodes, the nodes a link names and
/// every property name go to the <see cref="SymbolTable"/>.
/// </summary>
/// <param name="symbols">The compilation's table; a new one when null.</param>
public sealed class NetworkBinder(SourceText source, DiagnosticBag diagnostics, SymbolTable? symbols = null)
{
    private readonly ExpressionEvaluator _evaluator = new(source, diagnostics);
    private readonly NameRecorder _names = new(symbols ?? new SymbolTable(), source);

    public Network Bind(NetworkDeclaration declaration)
    {
        var networkSymbol = new NetworkSymbol(declaration.Name.Text, declaration.Name.Span);
        _names.Declare(declaration.Name, networkSymbol, declaration, container: null);
        var nodeSymbols = new Dictionary<string, NodeSymbol>(StringComparer.Ordinal);
        var nodes = new List<NetworkNode>();
        var links = new List<NetworkLink>();
        var networkProperties = new List<PropertyAssignment>();
        var nodeSpans = new Dictionary<string, TextSpan>();

        foreach (var member in declaration.Members)
        {
            switch (member)
            {
                case NodeDeclaration node:
                    if (!nodeSpans.TryAdd(node.Name.Text, node.Name.Span))
                    {
                        diagnostics.Report(Diagnostics.Redefinition, At(node.Name.Span), node.Name.Text);
                        continue;
                    }
                    var nodeSymbol = new NodeSymbol(node.Name.Text, node.Kind, declaration.Name.Text, node.Name.Span);
                    nodeSymbols.Add(node.Name.Text, nodeSymbol);
                    _names.Declare(node.Name, nodeSymbol, node, networkSymbol);
                    string owner = OwnerOf(node.Kind);
                    var properties = BindProperties(owner, node.Properties);
                    // One mistake, one message: a required property that was written with a bad
                    // value, or a node with a misspelt property (maybe the required one), has
                    // been reported already.
                    var written = node.Properties.Select(p => p.Name.Text).ToHashSet(StringComparer.Ordinal);
                    bool misspelt = written.Any(name => PropertySchema.Find(owner, name) is null);
                    foreach (var spec in PropertySchema.ByOwner[owner].Where(s => s.Required && !properties.ContainsKey(s.Name) && !written.Contains(s.Name) && !misspelt))
                        diagnostics.Report(Diagnostics.MissingProperty, At(node.Name.Span), owner, node.Name.Text, spec.Name);
                    nodes.Add(new NetworkNode(node.Name.Text, node.Kind, properties));
                    break;
                case PropertyAssignment property:
                    networkProperties.Add(property);
                    break;
            }
        }

        foreach (var link in declaration.Members.OfType<LinkDeclaration>())
        {
            bool endpointsKnown = true;
            foreach (var end in new[] { link.From, link.To })
            {
                _names.Reference(end, nodeSymbols.GetValueOrDefault(end.Text));
                if (nodeSpans.ContainsKey(end.Text)) continue;
                diagnostics.Report(Diagnostics.UnknownNode, At(end.Span), declaration.Name.Text, end.Text);
                endpointsKnown = false;
            }
            var properties = BindProperties(PropertySchema.LinkOwner, link.Properties);
            if (!endpointsKnown) continue;
            if (link.From.Text == link.To.Text)
            {
                diagnostics.Report(Diagnostics.LinkToItself, At(link.Span), link.From.Text);
                continue;
            }
            if (links.Any(l => l.Joins(link.From.Text, link.To.Text)))
            {
                diagnostics.Report(Diagnostics.DuplicateLink, At(link.Span), link.From.Text, link.To.Text);
                continue;
            }
            links.Add(new NetworkLink(link.From.Text, link.To.Text, properties));
        }

        var network = new Network(declaration.Name.Text, nodes.ToImmutableArray(), links.ToImmutableArray(), BindProperties(PropertySchema.NetworkOwner, networkProperties));
        _names.Table.DeclareNetwork(network, networkSymbol, nodeSymbols);
        return network;
    }

    private Location At(TextSpan span) => new(source, span);

    private static string OwnerOf(NodeKind kind) => kind switch
    {
        NodeKind.Qpu => PropertySchema.QpuOwner,
        NodeKind.Repeater => PropertySchema.RepeaterOwner,
        _ => PropertySchema.EndNodeOwner,
    };

    private ImmutableSortedDictionary<string, PropertyValue> BindProperties(string owner, IEnumerable<PropertyAssignment> assignments)
    {
        var specs = PropertySchema.ByOwner[owner];
        var values = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        var given = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            string name = assignment.Name.Text;
            var spec = specs.FirstOrDefault(s => s.Name == name);
            _names.Reference(assignment.Name, spec is null ? null : new PropertySymbol(owner, spec));
            var value = BindExpression(spec, assignment.Value);
            if (spec is null)
            {
                diagnostics.Report(Diagnostics.UnknownProperty, At(assignment.Name.Span), name, owner, string.Join(", ", specs.Select(s => s.Name)));
                continue;
            }
            if (!given.TryAdd(name, assignment.Name.Span))
            {
                diagnostics.Report(Diagnostics.DuplicateProperty, At(assignment.Name.Span), name);
                continue;
            }
            if (BindValue(spec, value) is { } propertyValue) values[name] = propertyValue;
        }
        foreach (var (name, value) in PropertySchema.Defaults(owner, values.ToImmutable()))
            values.TryAdd(name, value);
        var bound = values.ToImmutable();
        new PropertyRules(source, diagnostics).Check(owner, bound, given);
        return bound;
    }

    /// <summary>
    /// Binds a property's value and records its names. Network properties see no program names:
    /// only literals, units, pi and arithmetic, or for a property chosen from a list
    /// (<c>swap = nested</c>), one of its choices.
    /// </summary>
    private BoundExpression BindExpression(PropertySpec? spec, Expression expression)
    {
        if (spec is { Range: PropertyRange.Symbol } && expression is NameExpression choice && spec.Symbols!.Contains(choice.Name.Text))
        {
            var symbol = new PropertyChoiceSymbol(spec, choice.Name.Text);
            _names.Reference(choice.Name, symbol);
            return new BoundName(choice.Name, symbol, choice.Span);
        }
        return _names.Bind(expression, scope: null, program: null);
    }

    private PropertyValue? BindValue(PropertySpec spec, BoundExpression expression)
    {
        if (spec.Range == PropertyRange.Symbol)
        {
            if (expression is BoundName { Symbol: PropertyChoiceSymbol choice })
                return PropertyValue.OfSymbol(choice.Choice);
            diagnostics.Report(Diagnostics.PropertyOutOfRange, At(expression.Span), spec.Name, PropertySchema.DescribeRange(spec), Shorten(source.GetText(expression.Span)));
            return null;
        }

        if (_evaluator.Evaluate(expression, _ => NameLookup.Undefined) is not { } value) return null;
        if (value.Kind == ValueKind.Bool)
        {
            diagnostics.Report(Diagnostics.TypeMismatch, At(expression.Span), "a number", value.Describe());
            return null;
        }
        if (value.Dimension != spec.Dimension)
        {
            diagnostics.Report(Diagnostics.WrongDimension, At(expression.Span), spec.Name, Units.Describe(spec.Dimension), value.Describe());
            return null;
        }
        bool ok = spec.Range switch
        {
            PropertyRange.Count => value.Kind == ValueKind.Int && value.Number >= 0,
            PropertyRange.PositiveCount => value.Kind == ValueKind.Int && value.Number >= 1,
            PropertyRange.Probability => value.Number is >= 0 and <= 1,
            PropertyRange.NonNegative => value.Number >= 0,
            _ => value.Number > 0,
        };
        if (spec.Range is PropertyRange.Count or PropertyRange.PositiveCount && value.Number > SemanticLimits.MaxRegisterSize)
            ok = false;
        if (!ok)
        {
            diagnostics.Report(Diagnostics.PropertyOutOfRange, At(expression.Span), spec.Name, PropertySchema.DescribeRange(spec), value.ToString());
            return null;
        }
        return PropertyValue.Of(new Quantity(value.Number, value.Dimension));
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
