using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Semantics;

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
        foreach (var name in analysis.Symbols.OccurrencesIn(analysis.Source.Path))
        {
            var (type, modifiers) = Classify(name);
            var start = PositionMapper.ToPosition(analysis.Source, name.Span.Start);
            var end = PositionMapper.ToPosition(analysis.Source, name.Span.End);
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

    private static (int Type, int Modifiers) Classify(SymbolOccurrence name) => name.Symbol switch
    {
        BuiltinGateSymbol => (Function, DefaultLibrary),
        PropertySymbol => (Property, 0),
        UnitSymbol => (Type, 0),
        BuiltinValueSymbol { IsFunction: true } => (Function, DefaultLibrary),
        BuiltinValueSymbol => (Variable, DefaultLibrary | Readonly),
        PropertyChoiceSymbol => (Variable, DefaultLibrary | Readonly),
        var symbol => (symbol switch
        {
            NetworkSymbol or ProgramSymbol => Namespace,
            NodeSymbol => Class,
            GateSymbol => Function,
            GateParameterSymbol or GateQubitSymbol => Parameter,
            _ => Variable,
        }, (name.IsDeclaration ? Declaration : 0) | (symbol is ConstSymbol or LoopVariableSymbol ? Readonly : 0)),
    };
}
