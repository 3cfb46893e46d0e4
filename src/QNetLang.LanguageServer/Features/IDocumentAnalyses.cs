using QNetLang.LanguageServer.Analysis;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// Where <see cref="LanguageFeatures"/> gets documents and their analyses: the server's
/// workspace (analysed in-process on request) or, in the analysis worker, the analyses a
/// request named. The same feature code runs on both.
/// </summary>
public interface IDocumentAnalyses
{
    /// <summary>The open document, or null when it is not open.</summary>
    OpenDocument? Document(string uri);

    /// <summary>The analysis of the document's current text, or null when it is not open.</summary>
    DocumentAnalysis? Analysis(string uri, CancellationToken cancellation);

    /// <summary>The document's analysis first, then every other open document's by URI (for references and rename across files); null when it is not open.</summary>
    IReadOnlyList<(OpenDocument Document, DocumentAnalysis Analysis)>? All(string uri, CancellationToken cancellation);
}
