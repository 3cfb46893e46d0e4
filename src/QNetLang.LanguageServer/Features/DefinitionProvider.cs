using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Semantics;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// Go to definition: the declaration of the name under the caret, which may be in an
/// included file. Built-in gates, units and properties have no source, so they have no definition.
/// </summary>
public static class DefinitionProvider
{
    public static Location? Definition(DocumentAnalysis analysis, Position position)
    {
        int offset = PositionMapper.ToOffset(analysis.Source, position);
        if (analysis.At(offset) is not { } name || analysis.Symbols.DeclarationOf(name.Symbol) is not { } declaration) return null;
        string uri = declaration.Source.Path == analysis.Source.Path ? analysis.Uri : DocumentUri.FromPath(declaration.Source.Path);
        return new Location(uri, PositionMapper.ToRange(declaration.Source, declaration.NameSpan));
    }
}
