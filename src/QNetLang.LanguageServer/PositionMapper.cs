using QNetLang.Core;
using QNetLang.LanguageServer.Protocol;
using Range = QNetLang.LanguageServer.Protocol.Range;

namespace QNetLang.LanguageServer;

/// <summary>
/// Converts between character offsets in a <see cref="SourceText"/> and LSP positions
/// (zero-based line and UTF-16 character, the same units SourceText columns count).
/// </summary>
public static class PositionMapper
{
    public static Position ToPosition(SourceText source, int offset)
    {
        var (line, column) = source.GetLineColumn(offset);
        return new Position(line - 1, column - 1);
    }

    public static Range ToRange(SourceText source, TextSpan span) =>
        new(ToPosition(source, span.Start), ToPosition(source, span.End));

    /// <summary>
    /// The offset of a position. Clients may send positions past the end of a line or of the
    /// file (LSP says to treat them as the end of the line); they are clamped, never rejected.
    /// </summary>
    public static int ToOffset(SourceText source, Position position)
    {
        int line = Math.Clamp(position.Line, 0, source.LineCount - 1);
        int lineStart = source.GetPosition(line + 1, 1);
        int lineEnd = line + 1 < source.LineCount ? source.GetPosition(line + 2, 1) : source.Text.Length;
        // Do not step onto the line break itself.
        while (lineEnd > lineStart && source.Text[lineEnd - 1] is '\n' or '\r') lineEnd--;
        return Math.Clamp(lineStart + Math.Max(0, position.Character), lineStart, lineEnd);
    }
}
