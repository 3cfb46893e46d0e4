using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Syntax.Ast;

namespace QNetLang.LanguageServer.Features;

/// <summary>Each <c>include "path";</c> links its path (inside the quotes) to the file, resolved as the compiler resolves it.</summary>
public static class DocumentLinkProvider
{
    public static IReadOnlyList<DocumentLink> Links(DocumentAnalysis analysis)
    {
        var links = new List<DocumentLink>();
        if (analysis.Compilation?.MainUnit is not { } main) return links;
        string directory = Path.GetDirectoryName(analysis.Source.Path) ?? ".";
        foreach (var include in main.Items.OfType<IncludeDirective>())
        {
            if (include.Path.Length == 0) continue;
            // The path as written sits between the directive's first pair of quotes.
            int open = analysis.Source.Text.IndexOf('"', include.Span.Start, include.Span.Length);
            if (open < 0) continue;
            var span = new Core.TextSpan(open + 1, include.Path.Length);
            string target;
            try { target = DocumentUri.FromPath(Path.Combine(directory, include.Path)); }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or UriFormatException) { continue; }
            links.Add(new DocumentLink(PositionMapper.ToRange(analysis.Source, span), target, ReferencesProvider.FullPath(Path.Combine(directory, include.Path))));
        }
        return links;
    }
}
