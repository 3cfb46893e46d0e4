using System.Text;

namespace QNetLang.Core;

/// <summary>
/// The text of one source file with its path and a line index, so that spans can be turned
/// into 1-based line and column numbers for diagnostics.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The path as the user gave it (printed in diagnostics).</summary>
    public string Path { get; }

    public string Text { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>1-based line and column of a character offset; columns count UTF-16 code units.</summary>
    public (int Line, int Column) GetLineColumn(int position)
    {
        position = Math.Clamp(position, 0, Text.Length);
        int index = Array.BinarySearch(_lineStarts, position);
        int line = index >= 0 ? index : ~index - 1;
        return (line + 1, position - _lineStarts[line] + 1);
    }

    /// <summary>The character offset of a 1-based line and column (used by the ANTLR bridge).</summary>
    public int GetPosition(int line, int column)
    {
        int lineIndex = Math.Clamp(line - 1, 0, _lineStarts.Length - 1);
        return Math.Clamp(_lineStarts[lineIndex] + column - 1, 0, Text.Length);
    }

    public string GetText(TextSpan span) =>
        Text.Substring(Math.Clamp(span.Start, 0, Text.Length), Math.Clamp(span.Length, 0, Text.Length - Math.Clamp(span.Start, 0, Text.Length)));

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (c == '\n' || c == '\r') starts.Add(i + 1);
        }
        return starts.ToArray();
    }

    /// <summary>
    /// Decodes file bytes as strict UTF-8. On an invalid byte returns null and the offset of
    /// the first bad byte, so the caller can report it instead of guessing an encoding.
    /// </summary>
    public static string? TryDecodeUtf8(byte[] bytes, out int badByteOffset)
    {
        badByteOffset = -1;
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            badByteOffset = start + Math.Max(0, ex.Index);
            return null;
        }
    }
}
