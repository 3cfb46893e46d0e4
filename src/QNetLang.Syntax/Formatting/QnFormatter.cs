using System.Text;

namespace QNetLang.Syntax.Formatting;

/// <summary>
/// The formatter of <c>qnlc format</c> and the language server. It changes only whitespace
/// that carries no meaning: each line is indented four spaces per open bracket (a line that
/// starts with a closing bracket one less), trailing spaces go, runs of blank lines become
/// one, and the file ends with exactly one line break. Everything else, comments and the
/// spacing inside a line (people align properties by hand) included, is kept, which is what
/// makes it safe on files with errors and idempotent: its output formats to itself.
/// </summary>
public static class QnFormatter
{
    private const string Indent = "    ";

    public static string Format(string text)
    {
        string newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var tokens = LexicalTokenizer.Tokenize(text);
        var lines = SplitLines(text);
        var output = new StringBuilder(text.Length);
        int depth = 0;
        int token = 0;
        bool previousBlank = true; // Drops blank lines at the start of the file.
        int pendingBlank = 0;
        foreach (var (start, end) in lines)
        {
            // A line that starts inside a multi-line block comment is the comment's own text.
            while (token < tokens.Count && tokens[token].End <= start) token++;
            bool insideComment = token < tokens.Count && tokens[token].Start < start && tokens[token].Kind == LexicalKind.BlockComment;
            string line = text[start..end];
            if (insideComment)
            {
                FlushBlank(output, ref pendingBlank, newline);
                output.Append(line).Append(newline);
                previousBlank = false;
                continue;
            }

            string content = line.Trim();
            if (content.Length == 0)
            {
                if (!previousBlank) pendingBlank = 1;
                previousBlank = true;
                continue;
            }

            // Brackets on this line (outside comments and strings) move the depth.
            int lineDepth = depth;
            bool first = true;
            bool commentRunsOn = false;
            for (int t = token; t < tokens.Count && tokens[t].Start < end; t++)
            {
                commentRunsOn = tokens[t].End > end;
                if (tokens[t].Kind != LexicalKind.Punctuation) { first = false; continue; }
                char c = text[tokens[t].Start];
                if (c is '{' or '(' or '[') depth++;
                else if (c is '}' or ')' or ']')
                {
                    depth = Math.Max(0, depth - 1);
                    if (first) lineDepth = Math.Max(0, lineDepth - 1);
                    continue;
                }
                first = false;
            }

            // Trailing spaces inside a block comment that goes on to the next line are the comment's.
            if (commentRunsOn) content = line.TrimStart();
            FlushBlank(output, ref pendingBlank, newline);
            for (int i = 0; i < lineDepth; i++) output.Append(Indent);
            output.Append(content).Append(newline);
            previousBlank = false;
        }
        return output.ToString();
    }

    private static void FlushBlank(StringBuilder output, ref int pendingBlank, string newline)
    {
        if (pendingBlank > 0 && output.Length > 0) output.Append(newline);
        pendingBlank = 0;
    }

    /// <summary>Each line's start and end (without its line break).</summary>
    private static List<(int Start, int End)> SplitLines(string text)
    {
        var lines = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) continue;
            lines.Add((start, i));
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) lines.Add((start, text.Length));
        return lines;
    }
}
