using QNetLang.LanguageServer.Analysis;

namespace QNetLang.LanguageServer;

/// <summary>
/// The open documents and their analyses. Requests arrive on the thread pool, so everything
/// here is guarded by one lock; compilation itself runs outside it. An analysis is cached
/// until any document changes, because a document's result also depends on the open
/// buffers of the files it includes.
/// </summary>
public sealed class Workspace
{
    private readonly object _gate = new();
    private readonly Dictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Generation, Lazy<DocumentAnalysis> Analysis)> _analyses = new(StringComparer.Ordinal);
    private long _generation;

    public OpenDocument? Get(string uri)
    {
        lock (_gate) return _documents.GetValueOrDefault(uri);
    }

    public void Open(string uri, string text, int version)
    {
        lock (_gate)
        {
            _documents[uri] = new OpenDocument(uri, FullPath(DocumentUri.ToPath(uri)), text, version);
            _generation++;
        }
    }

    /// <summary>
    /// Replaces the text. Returns false for a document that is not open or a version older than
    /// the one held (notifications may be handled out of order on the thread pool).
    /// </summary>
    public bool Change(string uri, string text, int version)
    {
        lock (_gate)
        {
            if (!_documents.TryGetValue(uri, out var current) || version < current.Version) return false;
            _documents[uri] = current with { Text = text, Version = version };
            _generation++;
            return true;
        }
    }

    public bool Close(string uri)
    {
        lock (_gate)
        {
            _analyses.Remove(uri);
            if (!_documents.Remove(uri)) return false;
            _generation++;
            return true;
        }
    }

    /// <summary>Open documents whose last analysis loaded <paramref name="uri"/>'s file (they include it).</summary>
    public IReadOnlyList<string> Dependents(string uri)
    {
        lock (_gate)
        {
            if (!_documents.TryGetValue(uri, out var changed)) return [];
            return _analyses
                .Where(a => a.Key != uri && a.Value.Analysis.IsValueCreated && a.Value.Analysis.Value.LoadedPaths.Contains(changed.Path))
                .Select(a => a.Key)
                .ToList();
        }
    }

    /// <summary>The analysis of the current text (computed once per change), or null when the document is not open.</summary>
    public (OpenDocument Document, DocumentAnalysis Analysis)? Analyze(string uri)
    {
        OpenDocument document;
        Lazy<DocumentAnalysis> analysis;
        lock (_gate)
        {
            if (!_documents.TryGetValue(uri, out var found)) return null;
            document = found;
            if (_analyses.TryGetValue(uri, out var cached) && cached.Generation == _generation)
            {
                analysis = cached.Analysis;
            }
            else
            {
                var others = _documents.Values.Where(d => d.Uri != uri).GroupBy(d => d.Path).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
                analysis = new Lazy<DocumentAnalysis>(() => DocumentAnalyzer.Analyze(document.Uri, document.Path, document.Text, others));
                _analyses[uri] = (_generation, analysis);
            }
        }
        return (document, analysis.Value);
    }

    private static string FullPath(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return path; }
    }
}
