using System.Collections.Frozen;

namespace QNetLang.Syntax.Qasm;

/// <summary>The token kinds of the flat OpenQASM subset; everything else is <see cref="Other"/>.</summary>
internal enum FlatTokenKind : byte
{
    End,
    Identifier,
    /// <summary>A word that the ANTLR lexer (grammar/OpenQasmLexer.g4) makes a keyword.</summary>
    Keyword,
    Integer,
    Float,
    String,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Semicolon,
    Comma,
    Arrow,
    Equals,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Power,
    Caret,
    /// <summary>Anything outside the subset: the reader gives the file to the ANTLR front end.</summary>
    Other,
}

/// <summary>One token: its kind and where it is in the text (UTF-16 offsets, as the ANTLR lexer counts).</summary>
internal readonly record struct FlatToken(FlatTokenKind Kind, int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// A hand-written lexer for the flat OpenQASM subset that <see cref="FlatQasmReader"/> reads. It
/// splits the text exactly where grammar/OpenQasmLexer.g4 does for the tokens it knows (the same
/// keywords, the same number shapes, the same comments), and returns <see cref="FlatTokenKind.Other"/>
/// for anything else — a character outside ASCII, an operator the subset has no use for, an
/// unterminated comment or string, a pragma — so that the reader never has to decide how ANTLR
/// would have reported it: it falls back to ANTLR instead.
/// </summary>
internal sealed class FlatQasmLexer(string text)
{
    /// <summary>Every keyword of grammar/OpenQasmLexer.g4: such a word is never an identifier.</summary>
    private static readonly FrozenSet<string> Keywords = FrozenSet.Create(StringComparer.Ordinal,
        "OPENQASM", "include", "qreg", "creg", "qubit", "bit", "int", "uint", "float", "angle", "const", "gate",
        "measure", "reset", "barrier", "for", "in", "if", "else", "opaque", "def", "while", "gphase", "ctrl",
        "negctrl", "inv", "pow", "input", "output", "delay", "box", "let", "extern", "defcalgrammar", "defcal",
        "cal", "duration", "stretch", "switch", "return", "break", "continue", "end", "bool", "complex", "array",
        "true", "false");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KeywordLookup = Keywords.GetAlternateLookup<ReadOnlySpan<char>>();

    private int _position;

    public string Text => text;

    /// <summary>The next token after whitespace and comments.</summary>
    public FlatToken Next()
    {
        if (!SkipTrivia()) return new FlatToken(FlatTokenKind.Other, _position, _position);
        int start = _position;
        if (start >= text.Length) return new FlatToken(FlatTokenKind.End, start, start);
        char c = text[start];
        if (IsIdentifierStart(c)) return Word(start);
        if (char.IsAsciiDigit(c) || c == '.' && start + 1 < text.Length && char.IsAsciiDigit(text[start + 1])) return Number(start);
        _position = start + 1;
        char next = _position < text.Length ? text[_position] : '\0';
        switch (c)
        {
            case '(': return Token(FlatTokenKind.LParen, start);
            case ')': return Token(FlatTokenKind.RParen, start);
            case '[': return Token(FlatTokenKind.LBracket, start);
            case ']': return Token(FlatTokenKind.RBracket, start);
            case '{': return Token(FlatTokenKind.LBrace, start);
            case '}': return Token(FlatTokenKind.RBrace, start);
            case ';': return Token(FlatTokenKind.Semicolon, start);
            case ',': return Token(FlatTokenKind.Comma, start);
            case '"': return String(start, '"');
            case '\'': return String(start, '\'');
        }
        // Operators that begin a longer ANTLR token the subset does not use (`==`, `+=`, `++`,
        // `**=`, …) are Other, so that the reader never splits them differently.
        switch (c)
        {
            case '=': return next == '=' ? Other(start) : Token(FlatTokenKind.Equals, start);
            case '+': return next is '=' or '+' ? Other(start) : Token(FlatTokenKind.Plus, start);
            case '-':
                if (next == '>')
                {
                    _position++;
                    return Token(FlatTokenKind.Arrow, start);
                }
                return next == '=' ? Other(start) : Token(FlatTokenKind.Minus, start);
            case '*':
                if (next == '*')
                {
                    _position++;
                    return _position < text.Length && text[_position] == '=' ? Other(start) : Token(FlatTokenKind.Power, start);
                }
                return next == '=' ? Other(start) : Token(FlatTokenKind.Star, start);
            case '/': return next == '=' ? Other(start) : Token(FlatTokenKind.Slash, start);
            case '%': return next == '=' ? Other(start) : Token(FlatTokenKind.Percent, start);
            case '^': return next == '=' ? Other(start) : Token(FlatTokenKind.Caret, start);
            default: return Other(start);
        }
    }

    /// <summary>Skips whitespace and comments; false for what only ANTLR reports (an unterminated block comment, a stray character).</summary>
    private bool SkipTrivia()
    {
        while (_position < text.Length)
        {
            char c = text[_position];
            if (c is ' ' or '\t' or '\r' or '\n' or '\f')
            {
                _position++;
                continue;
            }
            if (c != '/' || _position + 1 >= text.Length) return true;
            char next = text[_position + 1];
            if (next == '/')
            {
                int end = text.AsSpan(_position).IndexOfAny('\r', '\n');
                _position = end < 0 ? text.Length : _position + end;
                continue;
            }
            if (next != '*') return true;
            int close = text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
            if (close < 0) return false;
            _position = close + 2;
        }
        return true;
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private FlatToken Word(int start)
    {
        int end = start + 1;
        while (end < text.Length && IsIdentifierPart(text[end])) end++;
        // A letter outside ASCII would continue the ANTLR identifier; the subset stays ASCII.
        if (end < text.Length && text[end] > '\x7f') return Other(start);
        _position = end;
        var word = text.AsSpan(start, end - start);
        // `pragma` followed by a blank starts a pragma line, which ANTLR hides from the parser.
        if (word.SequenceEqual("pragma")) return Other(start);
        return new FlatToken(KeywordLookup.Contains(word) ? FlatTokenKind.Keyword : FlatTokenKind.Identifier, start, end);
    }

    /// <summary>
    /// <c>Digits Exponent | '.' Digits Exponent? | Digits '.' Digits? Exponent?</c> (a float) or
    /// <c>Digits</c> (an integer), with <c>_</c> allowed between digits; radix prefixes are Other.
    /// </summary>
    private FlatToken Number(int start)
    {
        int i = start;
        bool isFloat = false;
        if (text[i] == '.')
        {
            i = Digits(i + 1);
            isFloat = true;
        }
        else
        {
            if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B') return Other(start);
            i = Digits(i);
            if (i < text.Length && text[i] == '.')
            {
                isFloat = true;
                i++;
                if (i < text.Length && char.IsAsciiDigit(text[i])) i = Digits(i);
            }
        }
        int afterExponent = Exponent(i);
        if (afterExponent > i)
        {
            isFloat = true;
            i = afterExponent;
        }
        _position = i;
        return new FlatToken(isFloat ? FlatTokenKind.Float : FlatTokenKind.Integer, start, i);
    }

    /// <summary>The end of <c>[0-9] ('_'? [0-9])*</c> starting at <paramref name="i"/> (a digit).</summary>
    private int Digits(int i)
    {
        i++;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i])) i++;
            else if (text[i] == '_' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])) i += 2;
            else break;
        }
        return i;
    }

    /// <summary>The end of <c>[eE] [+-]? [0-9]+</c> at <paramref name="i"/>, or <paramref name="i"/> when there is none.</summary>
    private int Exponent(int i)
    {
        if (i >= text.Length || text[i] is not ('e' or 'E')) return i;
        int j = i + 1;
        if (j < text.Length && text[j] is '+' or '-') j++;
        if (j >= text.Length || !char.IsAsciiDigit(text[j])) return i;
        while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
        return j;
    }

    /// <summary>A string on one line; an unterminated one is Other (ANTLR reports it).</summary>
    private FlatToken String(int start, char quote)
    {
        int i = start + 1;
        while (i < text.Length && text[i] != quote && text[i] is not ('\r' or '\n')) i++;
        if (i >= text.Length || text[i] != quote) return Other(start);
        _position = i + 1;
        return new FlatToken(FlatTokenKind.String, start, i + 1);
    }

    private FlatToken Token(FlatTokenKind kind, int start) => new(kind, start, _position);

    private FlatToken Other(int start) => new(FlatTokenKind.Other, start, start);
}
