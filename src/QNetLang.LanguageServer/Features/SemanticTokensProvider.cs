using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// Semantic tokens for the names the analysis resolved: what TextMate cannot know, such as
/// whether <c>alice</c> is a node or a register and <c>bell</c> a user gate. Keywords,
/// numbers and comments stay with the TextMate grammar.
/// </summary>
public static class SemanticTokensProvider
{
    /// <summary>Standard LSP token types, so every theme colours them.</summary>
    public static readonly SemanticTokensLegend Legend = new(
        ["namespace", "class", "function", "variable", "parameter", "property", "type"],
        ["declaration", "defaultLibrary", "readonly"]);

    private const int Namespace = 0, Class = 1, Function = 2, Variable = 3, Parameter = 4, Property = 5, Type = 6;
    private const int Declaration = 1, DefaultLibrary = 2, Readonly = 4;

    public static SemanticTokens Tokens(DocumentAnalysis analysis)
    {
        var data = new List<int>();
        int previousLine = 0, previousCharacter = 0;
        foreach (var reference in analysis.Index.References.OrderBy(r => r.Span.Start))
        {
            if (Classify(reference, analysis.Source.Path) is not { } classified) continue;
            var (type, modifiers) = classified;
            var start = PositionMapper.ToPosition(analysis.Source, reference.Span.Start);
            var end = PositionMapper.ToPosition(analysis.Source, reference.Span.End);
            if (end.Line != start.Line) continue; // Names never span lines; tokens must not.
            data.Add(start.Line - previousLine);
            data.Add(start.Line == previousLine ? start.Character - previousCharacter : start.Character);
            data.Add(end.Character - start.Character);
            data.Add(type);
            data.Add(modifiers);
            (previousLine, previousCharacter) = (start.Line, start.Character);
        }
        return new SemanticTokens(data);
    }

    private static (int Type, int Modifiers)? Classify(Reference reference, string path) => reference.Target switch
    {
        DeclaredTarget { Declaration: var d } => (d.Kind switch
        {
            DeclarationKind.Network => Namespace,
            DeclarationKind.Program => Namespace,
            DeclarationKind.Node => Class,
            DeclarationKind.Gate => Function,
            DeclarationKind.GateParameter or DeclarationKind.GateQubit => Parameter,
            _ => Variable,
        }, (d.NameSpan == reference.Span && d.Source.Path == path ? Declaration : 0)
           | (d.Kind is DeclarationKind.Constant or DeclarationKind.LoopVariable ? Readonly : 0)),
        BuiltinGateTarget => (Function, DefaultLibrary),
        PropertyTarget => (Property, 0),
        UnitTarget => (Type, 0),
        BuiltinValueTarget { IsFunction: true } => (Function, DefaultLibrary),
        BuiltinValueTarget => (Variable, DefaultLibrary | Readonly),
        _ => null,
    };
}
