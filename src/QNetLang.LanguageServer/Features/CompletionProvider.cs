using System.Collections.Frozen;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Semantics;
using QNetLang.Syntax.Ast;
using QNetLang.Syntax.Generated;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// Completion: what fits where the caret is (<see cref="CompletionContext"/>), drawn from the
/// compiler's own tables (keywords from the lexer, gates and aliases from the GateCatalog,
/// properties from the PropertySchema, units from Units) and from the names the analysis
/// found. Items are sorted by kind, then name, so the answer is the same every time.
/// </summary>
public static class CompletionProvider
{
    /// <summary>The language's keywords, read from the generated lexer's vocabulary (BadCharacter is its last token type).</summary>
    public static FrozenSet<string> Keywords { get; } = Enumerable.Range(0, QNetLangLexer.BadCharacter + 1)
        .Select(t => QNetLangLexer.DefaultVocabulary.GetLiteralName(t)?.Trim('\''))
        .OfType<string>()
        .Where(w => w.Length > 0 && char.IsAsciiLetter(w[0]))
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] TopLevelKeywords = ["include", "network", "program"];
    private static readonly string[] NetworkKeywords = ["qpu", "repeater", "endnode", "link"];
    private static readonly string[] NotStatementKeywords = ["include", "network", "program", "qpu", "repeater", "endnode", "link", "on", "in"];

    public static CompletionList Complete(DocumentAnalysis analysis, Position position)
    {
        int offset = PositionMapper.ToOffset(analysis.Source, position);
        var context = CompletionContext.At(analysis.Source.Text, offset);
        var items = context.Place switch
        {
            CompletionPlace.TopLevel => KeywordItems(TopLevelKeywords),
            CompletionPlace.Network => KeywordItems(NetworkKeywords).Concat(PropertyItems(PropertySchema.NetworkOwner)),
            CompletionPlace.Properties => PropertyItems(context.Owner!),
            CompletionPlace.PropertyValue => ValueItems(context.Owner!, context.Property!),
            CompletionPlace.Node => NodeItems(analysis),
            CompletionPlace.Network_Name => analysis.Symbols.Declarations.Where(d => d.Symbol is NetworkSymbol)
                .Select(d => Item(d.Symbol.Name, CompletionItemKind.Module, "network", null, 1)),
            CompletionPlace.Unit => Units.Names.Select(u => Item(u, CompletionItemKind.Unit, Units.TryConvert(u, 1, out var dimension, out _) ? Units.Describe(dimension) : null, null, 1)),
            CompletionPlace.Statement => StatementItems(analysis, offset, context.ContainerHeader),
            _ => [],
        };
        var list = items
            .Where(i => i.Label.StartsWith(context.Prefix, StringComparison.Ordinal))
            // One item per label, the most specific: a loop variable `i` over the catalog gate `i`.
            .GroupBy(i => i.Label, StringComparer.Ordinal).Select(g => g.MinBy(i => i.SortText, StringComparer.Ordinal)!)
            .OrderBy(i => i.SortText, StringComparer.Ordinal)
            .ToList();
        return new CompletionList(false, list);
    }

    private static CompletionItem Item(string label, int kind, string? detail, string? documentation, int group, string? insertText = null) =>
        new(label, kind, detail, documentation, insertText, $"{group}:{label}");

    private static IEnumerable<CompletionItem> KeywordItems(IEnumerable<string> keywords) =>
        keywords.Select(k => Item(k, CompletionItemKind.Keyword, "keyword", null, 9));

    private static IEnumerable<CompletionItem> PropertyItems(string owner) =>
        PropertySchema.ByOwner.TryGetValue(owner, out var specs)
            ? specs.Select(s => Item(s.Name, CompletionItemKind.Property, PropertyDetail(s), s.Doc, 1, $"{s.Name} = "))
            : [];

    /// <summary>"a length (km, m), default 10 km" style detail: what a newcomer needs to write the value.</summary>
    private static string PropertyDetail(PropertySpec spec)
    {
        string what = spec.Symbols is { Count: > 0 } symbols ? "one of " + string.Join(", ", symbols) : Units.Describe(spec.Dimension);
        return spec.Required ? $"{what}, required" : what;
    }

    private static IEnumerable<CompletionItem> ValueItems(string owner, string property) =>
        PropertySchema.Find(owner, property)?.Symbols?.Select(s => Item(s, CompletionItemKind.Constant, property, null, 1)) ?? [];

    private static IEnumerable<CompletionItem> NodeItems(DocumentAnalysis analysis) =>
        analysis.Symbols.Declarations.Select(d => d.Symbol).OfType<NodeSymbol>()
            .Select(node => Item(node.Name, CompletionItemKind.Struct, $"{NodeKinds.Name(node.Kind)} of {node.Network}", null, 1));

    private static IEnumerable<CompletionItem> StatementItems(DocumentAnalysis analysis, int offset, string? block)
    {
        var items = new List<CompletionItem>();
        items.AddRange(KeywordItems(Keywords.Except(NotStatementKeywords)));
        foreach (var gate in GateCatalog.Gates)
            items.Add(Item(gate.Name, CompletionItemKind.Function, Signature(gate.Name, gate), gate.Doc, 3));
        foreach (var (alias, target) in GateCatalog.Aliases)
            items.Add(Item(alias, CompletionItemKind.Function, $"alias of {target}", GateCatalog.Get(target).Doc, 4));
        foreach (string name in ExpressionEvaluator.BuiltinConstantNames) items.Add(Item(name, CompletionItemKind.Constant, "built-in constant", null, 5));
        foreach (string name in ExpressionEvaluator.BuiltinFunctionNames) items.Add(Item(name, CompletionItemKind.Function, "built-in function", null, 5));
        items.AddRange(analysis.Symbols.VisibleAt(analysis.Source.Path, offset).Where(symbol => symbol is not FigureSymbol).Select(symbol => Item(symbol.Name, KindOf(symbol), Describe(analysis, symbol), null, 2)));
        return items;
    }

    public static string Signature(string name, GateInfo gate)
    {
        string parameters = gate.ParameterCount == 0 ? "" : "(" + string.Join(", ", Enumerable.Range(0, gate.ParameterCount).Select(i => $"a{i}")) + ")";
        return $"{name}{parameters} {string.Join(", ", Enumerable.Range(0, gate.QubitCount).Select(i => $"q{i}"))}";
    }

    private static int KindOf(Symbol symbol) => symbol switch
    {
        GateSymbol => CompletionItemKind.Function,
        ConstSymbol => CompletionItemKind.Constant,
        _ => CompletionItemKind.Variable,
    };

    /// <summary>What a name is, in a word; a declaration with errors by what it declares.</summary>
    private static string Describe(DocumentAnalysis analysis, Symbol symbol) => symbol switch
    {
        QubitRegisterSymbol => "qubit",
        BitRegisterSymbol => "bit",
        ConstSymbol => "constant",
        GateSymbol => "gate",
        LoopVariableSymbol => "loop variable",
        GateParameterSymbol => "gate parameter",
        GateQubitSymbol => "gate qubit",
        FigureSymbol => "figure",
        _ => analysis.Symbols.DeclarationOf(symbol)?.Syntax switch
        {
            QubitDeclaration => "qubit",
            BitDeclaration => "bit",
            ConstDeclaration => "constant",
            _ => "name",
        },
    };
}
