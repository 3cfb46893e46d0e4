using Antlr4.Runtime;
using QNetLang.Core;
using QNetLang.Syntax.Ast;
using QNetLang.Syntax.Generated;

namespace QNetLang.Syntax;

/// <summary>Entry point of the .qn front end: text → tokens → parse tree → AST, with diagnostics.</summary>
public static class QnSyntax
{
    /// <summary>
    /// Parses one .qn file. Returns null only when nothing useful could be built (an empty file,
    /// nesting past the limit); otherwise an AST, possibly partial, with the errors in
    /// <paramref name="diagnostics"/>.
    /// </summary>
    public static CompilationUnit? Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var lexer = new QNetLangLexer(new AntlrInputStream(source.Text));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(new SilentLexerErrorListener());
        var tokens = TokenScreen.Screen(source, lexer.GetAllTokens(), diagnostics, QNetLangLexer.BadCharacter, QNetLangLexer.UnterminatedString, QNetLangLexer.BlockComment);
        if (tokens.All(t => t.Channel != TokenConstants.DefaultChannel))
        {
            if (!diagnostics.HasErrors) diagnostics.Report(Diagnostics.EmptyFile, new Location(source, new TextSpan(0, 0)));
            return null;
        }

        var parser = new GuardedQNetLangParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.RemoveErrorListeners();
        parser.AddErrorListener(new SyntaxErrorListener(source, diagnostics, parser.Vocabulary));
        QNetLangParser.CompilationUnitContext tree;
        try
        {
            tree = parser.compilationUnit();
        }
        catch (NestingLimitException ex)
        {
            diagnostics.Report(Diagnostics.NestingTooDeep, new Location(source, SyntaxErrorListener.TokenSpan(source, ex.Token)), SyntaxLimits.ReportedNestingLimit);
            return null;
        }
        return new QnAstBuilder(source, diagnostics).Build(tree);
    }
}

/// <summary>
/// Reports lexical problems once each and removes the offending tokens, so that one stray
/// character gives one message rather than a cascade of syntax errors.
/// </summary>
internal static class TokenScreen
{
    public static List<IToken> Screen(SourceText source, IList<IToken> all, DiagnosticBag diagnostics, int badCharacter, int unterminatedString, int blockComment)
    {
        var kept = new List<IToken>(all.Count);
        int lastBadLine = -1;
        foreach (var token in all)
        {
            if (token.Type == badCharacter)
            {
                // Binary garbage would give one message per byte; one per line is plenty.
                if (token.Line != lastBadLine)
                    diagnostics.Report(Diagnostics.UnexpectedCharacter, new Location(source, SyntaxErrorListener.TokenSpan(source, token)), Printable(token.Text));
                lastBadLine = token.Line;
                continue;
            }
            if (token.Type == unterminatedString)
            {
                diagnostics.Report(Diagnostics.UnterminatedString, new Location(source, SyntaxErrorListener.TokenSpan(source, token)));
                continue;
            }
            if (token.Type == blockComment && !token.Text.EndsWith("*/", StringComparison.Ordinal) || token.Type == blockComment && token.Text.Length < 4)
                diagnostics.Report(Diagnostics.UnterminatedComment, new Location(source, new TextSpan(token.StartIndex, 2)));
            kept.Add(token);
        }
        if (kept.Count == 0 || kept[^1].Type != TokenConstants.EOF)
        {
            var eof = new CommonToken(TokenConstants.EOF, "<EOF>") { StartIndex = source.Text.Length, StopIndex = source.Text.Length - 1, Line = source.LineCount, Column = 0, TokenIndex = kept.Count };
            kept.Add(eof);
        }
        for (int i = 0; i < kept.Count; i++)
            if (kept[i] is CommonToken ct) ct.TokenIndex = i;
        return kept;
    }

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
