using QNetLang.Core;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Syntax.Ast;
using Range = QNetLang.LanguageServer.Protocol.Range;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// Turns the compiler's diagnostics for a document into LSP diagnostics. A diagnostic in an
/// included file is shown on the <c>include</c> line that brought the file in (with its own
/// file and position in the message), because a document only owns its own squiggles.
/// </summary>
public static class DiagnosticConverter
{
    public const string Source = "qnlc";

    public static IReadOnlyList<LspDiagnostic> Convert(DocumentAnalysis analysis)
    {
        var source = analysis.Source;
        var list = new List<LspDiagnostic>();
        if (analysis.InternalError is { } error)
            list.Add(new LspDiagnostic(Start, LspSeverity.Error, null, Source, $"internal compiler error: {error} (this is a bug in qnlc; please report it with this file)"));
        foreach (var diagnostic in analysis.Diagnostics)
        {
            int severity = diagnostic.Severity == DiagnosticSeverity.Error ? LspSeverity.Error : LspSeverity.Warning;
            if (diagnostic.Location.Source is { } file && file.Path == source.Path)
                list.Add(new LspDiagnostic(PositionMapper.ToRange(source, diagnostic.Location.Span), severity, diagnostic.Code, Source, diagnostic.Message));
            else
                list.Add(new LspDiagnostic(IncludeRange(analysis, diagnostic.Location), severity, diagnostic.Code, Source, $"{diagnostic.Location}: {diagnostic.Message}"));
        }
        return list;
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
