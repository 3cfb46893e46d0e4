namespace QNetLang.LanguageServer.Analysis;

/// <summary>
/// A document's analysis as the analysis worker made it, seen from the server: the worker keeps
/// the analysis itself (the latest per document, under <paramref name="Id"/>) and the server
/// keeps what it needs to publish diagnostics, to name that analysis in feature requests, and
/// to have it made again (the same text and open buffers) by a worker that no longer has it.
/// </summary>
/// <param name="Id">Unique in the server session; a newer analysis of the same document has a larger one.</param>
/// <param name="OpenFiles">The other open buffers it was analysed with, by full path.</param>
/// <param name="Failure">Why the worker could not analyse it (it failed twice); the diagnostics then say so too.</param>
public sealed record RemoteAnalysis(long Id, OpenDocument Document, IReadOnlyDictionary<string, string> OpenFiles, DocumentDiagnostics Diagnostics, string? Failure);
