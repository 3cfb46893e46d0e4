namespace QNetLang.LanguageServer.Protocol;

/// <summary>LSP severities: 1 error, 2 warning, 3 information, 4 hint.</summary>
public static class LspSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
}

public sealed record LspDiagnostic(Range Range, int Severity, string? Code, string Source, string Message)
{
    /// <summary>A link to the code's documentation.</summary>
    public CodeDescription? CodeDescription { get; init; }

    /// <summary>Where the mistake really is when it is shown elsewhere (in an included file).</summary>
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
}

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<LspDiagnostic> Diagnostics);

/// <summary><c>window/logMessage</c>: type 1 error, 2 warning, 3 info, 4 log.</summary>
public sealed record LogMessageParams(int Type, string Message);
