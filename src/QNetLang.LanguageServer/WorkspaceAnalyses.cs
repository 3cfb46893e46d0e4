using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Features;

namespace QNetLang.LanguageServer;

/// <summary>The server's own analyses for <see cref="LanguageFeatures"/>: each open document analysed in-process when first asked for.</summary>
public sealed class WorkspaceAnalyses(Workspace workspace) : IDocumentAnalyses
{
    public OpenDocument? Document(string uri) => workspace.Get(uri);

    public DocumentAnalysis? Analysis(string uri, CancellationToken cancellation) => workspace.Analyze(uri, cancellation)?.Analysis;

    public IReadOnlyList<(OpenDocument Document, DocumentAnalysis Analysis)>? All(string uri, CancellationToken cancellation)
    {
        if (workspace.Analyze(uri, cancellation) is not { } first) return null;
        var all = new List<(OpenDocument, DocumentAnalysis)> { first };
        foreach (string other in Workspace.OthersInOrder(workspace.Documents, uri))
            if (workspace.Analyze(other, cancellation) is { } analysed) all.Add(analysed);
        return all;
    }
}
