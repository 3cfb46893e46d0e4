namespace QNetLang.LanguageServer.Worker;

/// <summary>How to start the analysis worker: a program and its arguments (normally the server's own executable with <c>lsp --analysis-worker</c>).</summary>
public sealed record AnalysisWorkerLaunch(string FileName, IReadOnlyList<string> Arguments);
