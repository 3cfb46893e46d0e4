using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// Find references (in the open documents and the files they include) and document highlight
/// (in one document). Built-in gates, properties and units have references too; only their
/// declaration is missing.
/// </summary>
public static class ReferencesProvider
{
    /// <param name="analyses">The analysis the request is about first, then every other open document's.</param>
    public static IReadOnlyList<Location> References(IReadOnlyList<(OpenDocument Document, DocumentAnalysis Analysis)> analyses, Position position, bool includeDeclaration)
    {
        var (_, analysis) = analyses[0];
        if (analysis.At(PositionMapper.ToOffset(analysis.Source, position)) is not { } name) return [];
        string key = Occurrences.Key(analysis.Symbols, name.Symbol);
        var seen = new HashSet<(string, int)>();
        var locations = new List<(string Path, int Start, Location Location)>();
        foreach (var (_, each) in analyses)
        {
            foreach (var occurrence in Occurrences.Find(each, key))
            {
                if (occurrence.IsDeclaration && !includeDeclaration) continue;
                string path = FullPath(occurrence.Source.Path);
                if (!seen.Add((path, occurrence.Span.Start))) continue;
                string uri = UriOf(analyses, path);
                locations.Add((path, occurrence.Span.Start, new Location(uri, PositionMapper.ToRange(occurrence.Source, occurrence.Span))));
            }
        }
        // Deterministic: by file, then position.
        return locations.OrderBy(l => l.Path, StringComparer.Ordinal).ThenBy(l => l.Start).Select(l => l.Location).ToList();
    }

    public static IReadOnlyList<DocumentHighlight> Highlights(DocumentAnalysis analysis, Position position)
    {
        if (analysis.At(PositionMapper.ToOffset(analysis.Source, position)) is not { } name) return [];
        string key = Occurrences.Key(analysis.Symbols, name.Symbol);
        return Occurrences.Find(analysis, key)
            .Where(o => o.Source.Path == analysis.Source.Path)
            .OrderBy(o => o.Span.Start)
            .Select(o => new DocumentHighlight(PositionMapper.ToRange(analysis.Source, o.Span), 1))
            .ToList();
    }

    /// <summary>The URI an editor knows a file by: the open document's when it is open, else a file URI.</summary>
    public static string UriOf(IEnumerable<(OpenDocument Document, DocumentAnalysis Analysis)> analyses, string path) =>
        analyses.FirstOrDefault(a => a.Document.Path == FullPath(path)).Document?.Uri ?? DocumentUri.FromPath(path);

    /// <summary>Include paths are kept as written (<c>dir/../net.qn</c>); documents are known by full path.</summary>
    public static string FullPath(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return path; }
    }
}
