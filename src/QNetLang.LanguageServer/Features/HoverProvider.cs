using System.Globalization;
using System.Text;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Semantics;
using QNetLang.Syntax.Ast;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// Hover text for the word under the caret: gates from the <see cref="GateCatalog"/>, nodes
/// with their properties as bound (defaults included), properties and units from their
/// tables, and the declaration of any other name.
/// </summary>
public static class HoverProvider
{
    public static Hover? Hover(DocumentAnalysis analysis, Position position)
    {
        int offset = PositionMapper.ToOffset(analysis.Source, position);
        if (analysis.At(offset) is not { } name) return null;
        string text = name.Symbol switch
        {
            BuiltinGateSymbol gate => BuiltinGate(gate.Info, gate.Name),
            PropertySymbol property => Property(property.Owner, property.Spec),
            UnitSymbol unit => Unit(unit.Unit),
            BuiltinValueSymbol value => BuiltinValue(value.Name, value.IsFunction),
            PropertyChoiceSymbol choice => PropertyChoice(choice),
            var symbol when analysis.Symbols.DeclarationOf(symbol) is { } declaration => Declared(analysis, declaration),
            _ => "",
        };
        return text.Length == 0 ? null : new Hover(MarkupContent.Markdown(text), PositionMapper.ToRange(analysis.Source, name.Span));
    }

    private static string Code(string code) => $"```qnetlang\n{code}\n```\n";

    // ---- gates --------------------------------------------------------------------------------

    public static string BuiltinGate(GateInfo gate, string writtenName)
    {
        var sb = new StringBuilder();
        string parameters = gate.ParameterCount == 0 ? "" : "(" + string.Join(", ", Enumerable.Repeat("angle", gate.ParameterCount)) + ")";
        string qubits = string.Join(", ", Enumerable.Range(0, gate.QubitCount).Select(i => $"q{i}"));
        sb.Append(Code($"{writtenName}{parameters} {qubits};"));
        sb.Append($"**{gate.Name}**: {gate.Doc}\n\n");
        sb.Append(Plural(gate.QubitCount, "qubit")).Append(" · ");
        sb.Append(gate.ParameterCount == 0 ? "no parameters" : Plural(gate.ParameterCount, "parameter") + " (radians)");
        if (gate.IsClifford) sb.Append(" · Clifford");
        sb.Append('\n');
        var aliases = GateCatalog.Aliases.Where(a => a.Value == gate.Name).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();
        if (writtenName != gate.Name) sb.Append($"\n`{writtenName}` is an alias of `{gate.Name}`.\n");
        else if (aliases.Count > 0) sb.Append($"\nAliases: {string.Join(", ", aliases.Select(a => $"`{a}`"))}.\n");
        return sb.ToString();
    }

    private static string UserGate(GateDefinition gate)
    {
        string parameters = gate.Parameters.Length == 0 ? "" : "(" + string.Join(", ", gate.Parameters.Select(p => p.Text)) + ")";
        string qubits = string.Join(", ", gate.Qubits.Select(q => q.Text));
        return Code($"gate {gate.Name.Text}{parameters} {qubits}") +
            $"User-defined gate: {Plural(gate.Qubits.Length, "qubit")}, " +
            (gate.Parameters.Length == 0 ? "no parameters" : Plural(gate.Parameters.Length, "parameter")) +
            $", {Plural(gate.Body.Length, "statement")} in its body (inlined when the program is lowered).\n";
    }

    // ---- network ---------------------------------------------------------------------------------

    private static string Node(DocumentAnalysis analysis, SymbolDeclaration declaration, NodeDeclaration syntax)
    {
        string kind = syntax.Kind switch
        {
            NodeKind.Repeater => "repeater",
            NodeKind.EndNode => "endnode",
            _ => "qpu",
        };
        string nodeName = declaration.Symbol.Name;
        var sb = new StringBuilder(Code($"{kind} {nodeName}"));
        string networkName = declaration.Container?.Name ?? "";
        sb.Append($"Node of network `{networkName}`.\n\n");
        if (analysis.Networks.TryGetValue(networkName, out var network) && network.FindNode(nodeName) is { } node)
        {
            var explicitNames = syntax.Properties.Select(p => p.Name.Text).ToHashSet(StringComparer.Ordinal);
            sb.Append("| property | value |\n|---|---|\n");
            foreach (var (name, value) in node.Properties)
                sb.Append($"| `{name}` | {ReadableQuantity.Format(value)}{(explicitNames.Contains(name) ? "" : " *(default)*")} |\n");
            var links = network.LinksOf(node.Name).ToList();
            if (links.Count > 0)
                sb.Append("\nLinks to ").Append(string.Join(", ", links.Select(l => $"`{l.Other(node.Name)}` ({ReadableQuantity.Format(new Quantity(l.Length, Dimension.Length))})"))).Append(".\n");
        }
        return sb.ToString();
    }

    private static string Network(DocumentAnalysis analysis, SymbolDeclaration declaration)
    {
        var sb = new StringBuilder(Code($"network {declaration.Symbol.Name}"));
        if (analysis.Networks.TryGetValue(declaration.Symbol.Name, out var network))
        {
            sb.Append($"{Plural(network.Nodes.Length, "node")} ({string.Join(", ", network.Nodes.Select(n => $"`{n.Name}`"))}), {Plural(network.Links.Length, "link")}");
            sb.Append($"; light in fibre travels at {ReadableQuantity.Format(new Quantity(network.FiberSpeed, Dimension.Speed))}.\n");
        }
        if (declaration.Source.Path != analysis.Source.Path) sb.Append($"\nDeclared in `{declaration.Source.Path}`.\n");
        return sb.ToString();
    }

    public static string Property(string owner, PropertySpec spec)
    {
        var sb = new StringBuilder(Code($"{spec.Name} = …;"));
        sb.Append($"**{spec.Name}** ({owner} property): {spec.Doc}\n\n");
        sb.Append($"Dimension: {Units.Describe(spec.Dimension)}; must be {PropertySchema.DescribeRange(spec)}; ");
        if (spec.Required) sb.Append("required.\n");
        else if (spec.Default is { } d) sb.Append($"default {ReadableQuantity.Format(new Quantity(d, spec.Dimension))}.\n");
        else if (spec.DefaultSymbol is { } symbol) sb.Append($"default `{symbol}`.\n");
        else sb.Append("absent unless set.\n");
        return sb.ToString();
    }

    public static string Unit(string unit)
    {
        Units.TryConvert(unit, 1, out var dimension, out double canonical);
        string canonicalName = Units.CanonicalUnitName(dimension);
        string scale = unit == canonicalName ? "the canonical unit" : $"1 {unit} = {Units.FormatNumber(canonical)} {canonicalName}";
        return $"**{unit}**: unit of {Units.Describe(dimension)}; {scale}.\n";
    }

    /// <summary>A value chosen from a property's list: the property's own text, which names every choice.</summary>
    private static string PropertyChoice(PropertyChoiceSymbol choice) =>
        Code($"{choice.Property.Name} = {choice.Choice};") + $"`{choice.Choice}` is one of the values of **{choice.Property.Name}** ({string.Join(", ", choice.Property.Symbols ?? [])}): {choice.Property.Doc}\n";

    private static string BuiltinValue(string name, bool isFunction) => isFunction
        ? name switch
        {
            "mean" or "sum" => Code($"{name}(value over i in a .. b)") + $"Reduction of a figure: the {name} of `value` over the rounds i = a … b−1, pooled over every shot (figures only).\n",
            _ when !ExpressionEvaluator.IsBuiltinFunction(name) && FigureFunctions.TryGetArity(name, out int arity) =>
                Code($"{name}({string.Join(", ", new[] { "x", "y" }.Take(arity))})") + (name == "h" ? "Binary entropy h(p) = −p log2 p − (1−p) log2(1−p)" : $"The {(name == "min" ? "smaller" : "larger")} of two values") + ", a function of figures (evaluated after the run).\n",
            _ => Code($"{name}(x)") + "Built-in function of one plain number, evaluated at compile time" + (name is "abs" or "floor" or "ceil" ? " (also accepts numbers with units)." : ".") + "\n",
        }
        : name == BuiltinValueSymbol.ShotTime
        ? Code(name) + "The mean simulated time of one shot, in seconds (figures only).\n"
        : Code($"const {name}") + name switch
        {
            "pi" => "Built-in constant π ≈ 3.14159.\n",
            "tau" => "Built-in constant τ = 2π ≈ 6.28319.\n",
            _ => "Built-in constant e ≈ 2.71828.\n",
        };

    // ---- program names ---------------------------------------------------------------------------

    private static string Declared(DocumentAnalysis analysis, SymbolDeclaration declaration) => declaration.Syntax switch
    {
        NodeDeclaration node => Node(analysis, declaration, node),
        NetworkDeclaration => Network(analysis, declaration),
        ProgramDeclaration program => Code($"program {program.Name.Text}" + (program.Network is { } n ? $" on {n.Text}" : "")) +
            $"{Plural(program.Body.Length, "top-level statement")}.\n",
        GateDefinition gate when declaration.Symbol is GateSymbol => UserGate(gate),
        GateDefinition when declaration.Symbol is GateParameterSymbol => Code(declaration.Symbol.Name) + $"Angle parameter of gate `{declaration.Container?.Name}`.\n",
        GateDefinition => Code(declaration.Symbol.Name) + $"Qubit argument of gate `{declaration.Container?.Name}`.\n",
        ReductionExpression reduction => Code($"{reduction.Function.Text}(… over {declaration.Symbol.Name} in …)") + "Round variable of a figure's reduction: an integer, constant in each unrolled round.\n",
        FigureDeclaration figure => Code(Statement(declaration.Source, figure)) + "Figure of merit: computed after the run from every shot's bits and reported with its standard error by `qnlc run`.\n",
        ForStatement => Code($"for {declaration.Symbol.Name} in …") + "Loop variable: an integer, constant in each unrolled iteration.\n",
        ConstDeclaration constant => Code(Statement(declaration.Source, constant)) + (declaration.Symbol switch
        {
            ConstSymbol { Wide: { } wide } => $"Compile-time constant = {wide} (beyond 2^53: exact in integer comparisons and variables).\n",
            ConstSymbol { Value: var value } => $"Compile-time constant = {value}.\n",
            _ => "Compile-time constant.\n",
        }),
        QubitDeclaration qubit => Code(Statement(declaration.Source, qubit)) + (qubit.PinnedTo is { } pin ? $"Pinned to node `{pin.Text}`.\n" : "Placed by the partitioner.\n"),
        BitDeclaration bit => Code(Statement(declaration.Source, bit)) + "Classical bits are global: any node may test them.\n",
        _ => Code(declaration.Symbol.Name),
    };

    /// <summary>The declaration as written, on one line.</summary>
    private static string Statement(SourceText source, SyntaxNode syntax) =>
        string.Join(' ', source.GetText(syntax.Span).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
