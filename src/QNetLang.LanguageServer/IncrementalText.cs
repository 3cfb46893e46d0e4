using QNetLang.Core;
using QNetLang.LanguageServer.Protocol;

namespace QNetLang.LanguageServer;

/// <summary>Applies incremental-sync changes: each replaces a range of the text the previous change left.</summary>
public static class IncrementalText
{
    public static string Apply(string text, IEnumerable<TextDocumentContentChangeEvent> changes)
    {
        foreach (var change in changes)
        {
            if (change.Range is not { } range)
            {
                text = change.Text ?? text;
                continue;
            }
            // Positions are clamped like every position the server reads (past the end of a line = its end).
            var source = new SourceText("", text);
            int start = PositionMapper.ToOffset(source, range.Start);
            int end = Math.Max(start, PositionMapper.ToOffset(source, range.End));
            text = string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
        }
        return text;
    }
}
