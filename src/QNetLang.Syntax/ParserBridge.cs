using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using QNetLang.Core;

namespace QNetLang.Syntax;

/// <summary>Thrown inside a parse when nesting passes <see cref="SyntaxLimits.MaxRuleDepth"/>; caught by the driver.</summary>
internal sealed class NestingLimitException(IToken token) : Exception("nesting limit")
{
    public IToken Token { get; } = token;
}

/// <summary>
/// Turns ANTLR's syntax errors into QN1003 diagnostics with short, readable messages, and keeps
/// one message per mistake: a second error on the same line as the previous one is almost
/// always a consequence of the first.
/// </summary>
internal sealed class SyntaxErrorListener(SourceText source, DiagnosticBag diagnostics, IVocabulary vocabulary, IReadOnlySet<int>? quietTokens = null) : BaseErrorListener
{
    /// <summary>Words that start a new top-level item: meeting one where '}' would do means a block was not closed.</summary>
    private static readonly HashSet<string> TopLevelWords = ["network", "program", "include", "gate", "OPENQASM"];

    private int _lastErrorLine = -1;

    public int ErrorCount { get; private set; }

    public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (line == _lastErrorLine) return;
        // The token right after a lexical error already reported (a stray character, an
        // unclosed string) would only repeat that mistake as a syntax error.
        if (offendingSymbol is not null && quietTokens is not null && quietTokens.Contains(offendingSymbol.TokenIndex))
        {
            _lastErrorLine = line;
            return;
        }
        _lastErrorLine = line;
        ErrorCount++;
        var span = offendingSymbol is null || offendingSymbol.Type == TokenConstants.EOF
            ? new TextSpan(source.GetPosition(line, charPositionInLine + 1), 0)
            : TokenSpan(source, offendingSymbol);
        // A token missing at the end of a line (typically ';') is missing right after the
        // previous token, not at the start of whatever comes next: point there.
        if (PreviousToken(recognizer) is { } previous && (offendingSymbol is null || previous.Line < offendingSymbol.Line || offendingSymbol.Type == TokenConstants.EOF))
            span = new TextSpan(Math.Clamp(previous.StopIndex + 1, 0, source.Text.Length), 0);
        diagnostics.Report(Diagnostics.SyntaxError, new Location(source, span), Describe(recognizer, offendingSymbol, e));
    }

    /// <summary>The last default-channel token the parser consumed before the error, if any.</summary>
    private static IToken? PreviousToken(IRecognizer recognizer) =>
        recognizer is Parser { InputStream: ITokenStream tokens } && tokens.LT(-1) is { Type: not TokenConstants.EOF } previous ? previous : null;

    private string Describe(IRecognizer recognizer, IToken? offending, RecognitionException? e)
    {
        bool atEnd = offending is null || offending.Type == TokenConstants.EOF;
        string found = atEnd ? "end of file" : $"'{Shorten(offending!.Text)}'";
        IntervalSet? expected = null;
        if (recognizer is Parser parser)
        {
            try { expected = e?.GetExpectedTokens() ?? parser.GetExpectedTokens(); }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NullReferenceException) { expected = null; }
        }
        var names = expected?.ToArray().Select(t => TokenDisplay(t)).Distinct().ToList() ?? [];
        if (names.Contains("'}'") && (atEnd || TopLevelWords.Contains(offending!.Text)))
            return $"missing '}}' before {found}";
        if (names.Count == 0 || names.Count > 5)
            return $"unexpected {found}";
        string list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
        return $"expected {list}, found {found}";
    }

    private string TokenDisplay(int type)
    {
        if (type == TokenConstants.EOF) return "end of file";
        string? literal = vocabulary.GetLiteralName(type);
        if (literal is not null) return literal.Replace('\'', '\'');
        string symbolic = vocabulary.GetSymbolicName(type) ?? type.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return symbolic switch
        {
            "Identifier" => "a name",
            "IntegerLiteral" => "an integer",
            "FloatLiteral" => "a number",
            "StringLiteral" => "a string",
            _ => symbolic,
        };
    }

    internal static string Shorten(string? text)
    {
        text ??= "";
        return text.Length <= 20 ? text : text[..20] + "…";
    }

    internal static TextSpan TokenSpan(SourceText source, IToken token)
    {
        int start = Math.Clamp(token.StartIndex, 0, source.Text.Length);
        int stop = Math.Clamp(token.StopIndex + 1, start, source.Text.Length);
        return TextSpan.FromBounds(start, stop);
    }
}

/// <summary>The lexer reports nothing itself: bad characters become BadCharacter tokens the driver reports.</summary>
internal sealed class SilentLexerErrorListener : IAntlrErrorListener<int>
{
    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
    }
}
