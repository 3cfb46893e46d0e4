using QNetLang.Core;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Syntax.Ast;
using Range = QNetLang.LanguageServer.Protocol.Range;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// Turns the compiler's diagnostics for a document into LSP diagnostics. A diagnostic in an
/// included file is shown on the <c>include</c> line that brought the file in, because a
/// document only owns its own squiggles; its <c>relatedInformation</c> points at the place in
/// that file, so the editor can jump there. Every code links to its entry in diagnostics.md.
/// </summary>
public static class DiagnosticConverter
{
    public const string Source = "qnlc";

    public static IReadOnlyList<LspDiagnostic> Convert(DocumentAnalysis analysis)
    {
        var source = analysis.Source;
        var list = new List<LspDiagnostic>();
        if (analysis.InternalError is { } error)
            list.Add(InternalError(error));
        foreach (var diagnostic in analysis.Diagnostics)
        {
            int severity = diagnostic.Severity == DiagnosticSeverity.Error ? LspSeverity.Error : LspSeverity.Warning;
            var documentation = DocumentationLink(diagnostic.Code);
            if (diagnostic.Location.Source is { } file && file.Path == source.Path)
            {
                list.Add(new LspDiagnostic(PositionMapper.ToRange(source, diagnostic.Location.Span), severity, diagnostic.Code, Source, diagnostic.Message) { CodeDescription = documentation });
            }
            else
            {
                var related = diagnostic.Location.Source is { } included
                    ? new[] { new DiagnosticRelatedInformation(new Protocol.Location(DocumentUri.FromPath(included.Path), PositionMapper.ToRange(included, diagnostic.Location.Span)), diagnostic.Message) }
                    : null;
                list.Add(new LspDiagnostic(IncludeRange(analysis, diagnostic.Location), severity, diagnostic.Code, Source, $"{diagnostic.Location}: {diagnostic.Message}")
                {
                    CodeDescription = documentation,
                    RelatedInformation = related,
                });
            }
        }
        return list;
    }

    /// <summary>The compiler (or the analysis worker) failed on this document: shown at its start, since no place in it is to blame.</summary>
    public static LspDiagnostic InternalError(string error) =>
        new(Start, LspSeverity.Error, null, Source, $"internal compiler error: {error} (this is a bug in qnlc; please report it with this file)");

    /// <summary>The docs/diagnostics.md shipped beside the server, if it is there.</summary>
    private static readonly string? DocumentationFile = FindDocumentation();

    private static string? FindDocumentation()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "docs", "diagnostics.md");
        return File.Exists(path) ? new Uri(path).AbsoluteUri : null;
    }

    /// <summary>The code's heading in diagnostics.md (<c>### QN1003 — Syntax error</c>, anchored as Markdown renderers do).</summary>
    public static CodeDescription? DocumentationLink(string code)
    {
        if (DocumentationFile is null || Diagnostics.All.FirstOrDefault(d => d.Code == code) is not { } descriptor) return null;
        string heading = $"{descriptor.Code} — {descriptor.Title}".ToLowerInvariant();
        string anchor = new string(heading.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');
        return new CodeDescription($"{DocumentationFile}#{anchor}");
    }

    private static Range Start => new(new Position(0, 0), new Position(0, 0));

    private static Range IncludeRange(DocumentAnalysis analysis, QNetLang.Core.Location location)
    {
        var includes = analysis.Compilation?.MainUnit?.Items.OfType<IncludeDirective>().ToList() ?? [];
        if (includes.Count == 0) return Start;
        string? target = location.Source?.Path is { } path ? SafeFullPath(path) : null;
        string directory = Path.GetDirectoryName(analysis.Source.Path) ?? ".";
        // The directive naming the file itself, else the first one (files included further down
        // a chain arrive through some directive of this file).
        var direct = includes.FirstOrDefault(i => target is not null && SafeFullPath(Path.Combine(directory, i.Path)) == target);
        return PositionMapper.ToRange(analysis.Source, (direct ?? includes[0]).Span);
    }

    private static string? SafeFullPath(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return null; }
    }
}
