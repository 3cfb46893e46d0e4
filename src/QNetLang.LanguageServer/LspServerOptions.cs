using QNetLang.LanguageServer.Worker;

namespace QNetLang.LanguageServer;

/// <summary>How a server session analyses documents.</summary>
public sealed record LspServerOptions
{
    /// <summary>
    /// Documents this long or longer (in UTF-16 code units) are analysed for diagnostics by the
    /// analysis worker. Measured (docs/benchmarks.md): below it an analysis collects garbage too
    /// little to delay another document noticeably, and the worker's round trip would cost more
    /// than it saves.
    /// </summary>
    public const int DefaultLargeDocumentLength = 100_000;

    /// <summary>Another way of analysing documents in-process (tests use one that can be held up); null for the compiler.</summary>
    public Workspace.DocumentAnalyzerFunction? Analyze { get; init; }

    /// <summary>How to start the analysis worker; null analyses every document in-process.</summary>
    public AnalysisWorkerLaunch? AnalysisWorker { get; init; }

    /// <summary>See <see cref="DefaultLargeDocumentLength"/>.</summary>
    public int LargeDocumentLength { get; init; } = DefaultLargeDocumentLength;
}
