using QNetLang.LanguageServer.Protocol;

namespace QNetLang.LanguageServer.Analysis;

/// <summary>
/// What publishing a document's diagnostics needs from its analysis: the LSP diagnostics and the
/// files the analysis loaded (so that editing one of them analyses the document again). An
/// in-process <see cref="DocumentAnalysis"/> gives it, and so does the analysis worker, which
/// returns only this for the large documents it analyses.
/// </summary>
public sealed record DocumentDiagnostics(IReadOnlyList<LspDiagnostic> Diagnostics, IReadOnlySet<string> LoadedPaths)
{
    public static DocumentDiagnostics From(DocumentAnalysis analysis) =>
        new(Features.DiagnosticConverter.Convert(analysis), analysis.LoadedPaths);
}
