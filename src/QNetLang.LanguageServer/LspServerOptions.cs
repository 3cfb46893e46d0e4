using QNetLang.LanguageServer.Worker;

namespace QNetLang.LanguageServer;

/// <summary>How a server session analyses documents.</summary>
public sealed record LspServerOptions
{
    /// <summary>
    /// Documents this long or longer (in UTF-16 code units) are analysed by the analysis worker,
    /// which also answers their editor feature requests. Measured (docs/benchmarks.md): a
    /// 2 000-line document (just under this) analysed in-process delayed another's diagnostics
    /// by at most 39 ms, a 6 000-line one by up to 185 ms; every example is far below it, so an
    /// ordinary session never starts the worker.
    /// </summary>
    public const int DefaultLargeDocumentLength = 32_768;

    /// <summary>Another way of analysing documents in-process (tests use one that can be held up); null for the compiler.</summary>
    public Workspace.DocumentAnalyzerFunction? Analyze { get; init; }

    /// <summary>How to start the analysis worker; null analyses every document in-process.</summary>
    public AnalysisWorkerLaunch? AnalysisWorker { get; init; }

    /// <summary>See <see cref="DefaultLargeDocumentLength"/>.</summary>
    public int LargeDocumentLength { get; init; } = DefaultLargeDocumentLength;
}
