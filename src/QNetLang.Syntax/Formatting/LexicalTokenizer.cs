namespace QNetLang.Syntax.Formatting;

public enum LexicalKind
{
    Word,
    Number,
    String,
    LineComment,
    BlockComment,
    Punctuation,
}

/// <summary>A token with its span in UTF-16 code units (the units of editors and <see cref="Core.SourceText"/>).</summary>
public readonly record struct LexicalToken(LexicalKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public string Text(string source) => source.Substring(Start, Length);
}

/// <summary>
/// A lenient tokenizer for tools that work on text as typed (the formatter, completion,
/// signature help): it never fails, keeps comments, and counts UTF-16 code units, whereas the
/// ANTLR lexer counts code points and drops trivia. It only needs to agree with the grammar on
/// where comments, strings, words and brackets are.
/// </summary>
public static class LexicalTokenizer
{
    private static readonly string[] Operators = ["->", "--", "..", "==", "!=", "<=", ">=", "&&", "||", "**"];

    public static IReadOnlyList<LexicalToken> Tokenize(string text)
    {
        var tokens = new List<LexicalToken>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '/' && At(text, i + 1) == '/')
            {
                while (i < text.Length && text[i] is not ('\n' or '\r')) i++;
                tokens.Add(new LexicalToken(LexicalKind.LineComment, start, i - start));
            }
            else if (c == '/' && At(text, i + 1) == '*')
            {
                int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2; // Unclosed: runs to the end, as in the grammar.
                tokens.Add(new LexicalToken(LexicalKind.BlockComment, start, i - start));
            }
            else if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] is not ('"' or '\n' or '\r')) i++;
                if (i < text.Length && text[i] == '"') i++;
                tokens.Add(new LexicalToken(LexicalKind.String, start, i - start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new LexicalToken(LexicalKind.Word, start, i - start));
            }
            else if (char.IsAsciiDigit(c))
            {
                i = NumberEnd(text, i);
                tokens.Add(new LexicalToken(LexicalKind.Number, start, i - start));
            }
            else
            {
                string? op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0);
                // A surrogate pair is one character, never two halves.
                i += op?.Length ?? (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1);
                tokens.Add(new LexicalToken(LexicalKind.Punctuation, start, i - start));
            }
        }
        return tokens;
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    /// <summary>Digits with `_` separators, a fraction only when a digit follows the point (so `0..4` is a range), an exponent.</summary>
    private static int NumberEnd(string text, int i)
    {
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '_')) i++;
        if (At(text, i) == '.' && char.IsAsciiDigit(At(text, i + 1)))
        {
            i++;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '_')) i++;
        }
        if (At(text, i) is 'e' or 'E')
        {
            int j = i + 1;
            if (At(text, j) is '+' or '-') j++;
            if (char.IsAsciiDigit(At(text, j)))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
        }
        return i;
    }
}
