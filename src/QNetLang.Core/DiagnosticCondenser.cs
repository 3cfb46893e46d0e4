using System.Globalization;

namespace QNetLang.Core;

/// <summary>
/// One message per distinct mistake: diagnostics with the same code, severity and text (the
/// same comparison written in 63 statements, say) are printed once, at the first place,
/// with "(and N more like it)". Each place is still in <see cref="DiagnosticBag.Items"/> for
/// tools that mark every one (an editor). The messages come out in source order (file by file,
/// in the order the files first appear, then by position), whichever pass found them first:
/// a parser's error at line 34 is not printed before a warning at line 5.
/// </summary>
public static class DiagnosticCondenser
{
    public static IReadOnlyList<Diagnostic> Condense(IEnumerable<Diagnostic> diagnostics)
    {
        var order = new List<(string Code, DiagnosticSeverity Severity, string Message)>();
        var groups = new Dictionary<(string, DiagnosticSeverity, string), (Diagnostic First, int Count)>();
        foreach (var d in diagnostics)
        {
            var key = (d.Code, d.Severity, d.Message);
            if (groups.TryGetValue(key, out var group)) groups[key] = (group.First, group.Count + 1);
            else
            {
                groups[key] = (d, 1);
                order.Add(key);
            }
        }
        var fileRank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in order) fileRank.TryAdd(groups[key].First.Location.Path, fileRank.Count);
        return [.. order.OrderBy(key => fileRank[groups[key].First.Location.Path]).ThenBy(key => groups[key].First.Location.Span.Start).Select(key =>
        {
            var (first, count) = groups[key];
            return count == 1 ? first : first with { Message = $"{first.Message} (and {(count - 1).ToString(CultureInfo.InvariantCulture)} more like it)" };
        })];
    }
}
