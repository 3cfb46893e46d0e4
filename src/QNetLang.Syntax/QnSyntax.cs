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
        var kinds = new LexicalErrorTokens(QNetLangLexer.BadCharacter, QNetLangLexer.UnterminatedString, QNetLangLexer.StringLiteral, QNetLangLexer.BlockComment);
        var tree = FrontEndDriver.Parse(source, diagnostics, lexer, kinds, tokens => new GuardedQNetLangParser(tokens), parser => ((QNetLangParser)parser).compilationUnit());
        return tree is null ? null : new QnAstBuilder(source, diagnostics).Build(tree);
    }
}

/// <summary>The token types a front end's lexer uses for problems the driver reports itself.</summary>
internal readonly record struct LexicalErrorTokens(int BadCharacter, int UnterminatedString, int StringLiteral, int BlockComment);

/// <summary>
/// The steps both front ends share: lex, screen out lexical errors, refuse empty files, parse
/// with the rule-depth guard, and turn syntax errors into diagnostics.
/// </summary>
internal static class FrontEndDriver
{
    public static TTree? Parse<TTree>(SourceText source, DiagnosticBag diagnostics, Lexer lexer, LexicalErrorTokens kinds, Func<ITokenStream, Parser> createParser, Func<Parser, TTree> parse)
        where TTree : class
    {
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(new SilentLexerErrorListener());
        var screened = TokenScreen.Screen(source, Tokens(lexer), diagnostics, kinds);
        if (screened.Tokens.All(t => t.Channel != TokenConstants.DefaultChannel || t.Type == TokenConstants.EOF))
        {
            if (!diagnostics.HasErrors) diagnostics.Report(Diagnostics.EmptyFile, new Location(source, new TextSpan(0, 0)));
            return null;
        }

        try
        {
            // Two-stage parsing (the ANTLR authors' advice): the fast SLL mode parses every
            // correct file of this grammar; only when it fails is the file parsed again in full
            // LL mode, with error recovery and messages. This makes large files several times faster.
            var stream = new CommonTokenStream(new ListTokenSource(screened.Tokens));
            var fast = createParser(stream);
            fast.RemoveErrorListeners();
            fast.Interpreter.PredictionMode = Antlr4.Runtime.Atn.PredictionMode.SLL;
            fast.ErrorHandler = new BailErrorStrategy();
            try
            {
                return parse(fast);
            }
            catch (Antlr4.Runtime.Misc.ParseCanceledException)
            {
                stream = new CommonTokenStream(new ListTokenSource(screened.Tokens));
                var parser = createParser(stream);
                parser.RemoveErrorListeners();
                parser.AddErrorListener(new SyntaxErrorListener(source, diagnostics, parser.Vocabulary, screened.QuietTokens));
                return parse(parser);
            }
        }
        catch (NestingLimitException ex)
        {
            diagnostics.Report(Diagnostics.NestingTooDeep, new Location(source, SyntaxErrorListener.TokenSpan(source, ex.Token)), SyntaxLimits.ReportedNestingLimit);
            return null;
        }
    }

    /// <summary>The lexer's tokens up to (not including) EOF, one at a time, so those the screen drops are never all held at once.</summary>
    private static IEnumerable<IToken> Tokens(Lexer lexer)
    {
        for (var token = lexer.NextToken(); token.Type != TokenConstants.EOF; token = lexer.NextToken())
            yield return token;
    }
}

/// <summary>
/// Reports lexical problems once each. Stray characters are removed; an unclosed string is
/// kept as a string so the statement around it still parses. The token after each problem is
/// marked quiet, so one stray character gives one message rather than a cascade.
/// </summary>
internal static class TokenScreen
{
    public sealed record Result(List<IToken> Tokens, HashSet<int> QuietTokens);

    public static Result Screen(SourceText source, IEnumerable<IToken> all, DiagnosticBag diagnostics, LexicalErrorTokens kinds)
    {
        var kept = new List<IToken>();
        var quietAfter = new List<int>();
        int lastBadLine = -1;
        // Tokens arrive one at a time (a large file's hidden tokens are never all held); one
        // token of lookahead joins the halves of a surrogate pair.
        using var stream = all.GetEnumerator();
        IToken? pushedBack = null;
        bool Next(out IToken next)
        {
            if (pushedBack is not null)
            {
                next = pushedBack;
                pushedBack = null;
                return true;
            }
            bool more = stream.MoveNext();
            next = more ? stream.Current : null!;
            return more;
        }
        while (Next(out var token))
        {
            if (token.Type == kinds.BadCharacter)
            {
                // The lexer reads UTF-16 code units, so a character outside the BMP (an emoji)
                // arrives as two bad tokens: it is one character, in the span and the message.
                var span = SyntaxErrorListener.TokenSpan(source, token);
                string text = token.Text;
                if (text.Length == 1 && char.IsHighSurrogate(text[0]) && Next(out var low))
                {
                    if (low.Type == kinds.BadCharacter && low.Text.Length == 1 && char.IsLowSurrogate(low.Text[0]))
                    {
                        span = TextSpan.FromBounds(span.Start, SyntaxErrorListener.TokenSpan(source, low).End);
                        text += low.Text;
                    }
                    else pushedBack = low;
                }
                // Binary garbage would give one message per byte; one per line is plenty.
                if (token.Line != lastBadLine)
                    diagnostics.Report(Diagnostics.UnexpectedCharacter, new Location(source, span), Printable(text));
                lastBadLine = token.Line;
                quietAfter.Add(kept.Count);
                continue;
            }
            if (token.Type == kinds.UnterminatedString)
            {
                diagnostics.Report(Diagnostics.UnterminatedString, new Location(source, SyntaxErrorListener.TokenSpan(source, token)));
                if (token is CommonToken common) common.Type = kinds.StringLiteral;
                kept.Add(token);
                quietAfter.Add(kept.Count);
                continue;
            }
            if (token.Type == kinds.BlockComment && (token.Text.Length < 4 || !token.Text.EndsWith("*/", StringComparison.Ordinal)))
                diagnostics.Report(Diagnostics.UnterminatedComment, new Location(source, new TextSpan(token.StartIndex, 2)));
            // Whitespace and comments never reach the parser (it reads the default channel
            // only); dropping them here halves the tokens a large file keeps in memory.
            if (token.Channel != TokenConstants.DefaultChannel) continue;
            kept.Add(token);
        }
        if (kept.Count == 0 || kept[^1].Type != TokenConstants.EOF)
        {
            var eof = new CommonToken(TokenConstants.EOF, "<EOF>") { StartIndex = source.Text.Length, StopIndex = source.Text.Length - 1, Line = source.LineCount, Column = 0 };
            kept.Add(eof);
        }
        for (int i = 0; i < kept.Count; i++)
            if (kept[i] is CommonToken ct) ct.TokenIndex = i;

        // Quiet the first default-channel token at or after each problem.
        var quiet = new HashSet<int>();
        foreach (int position in quietAfter)
        {
            int i = position;
            while (i < kept.Count && kept[i].Channel != TokenConstants.DefaultChannel) i++;
            if (i < kept.Count) quiet.Add(i);
        }
        return new Result(kept, quiet);
    }

    /// <summary>Control characters and lone surrogates escaped; a surrogate pair is a character and shown as one.</summary>
    private static string Printable(string text)
    {
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) builder.Append(c).Append(text[++i]);
            else if (char.IsControl(c) || char.IsSurrogate(c)) builder.Append($"\\u{(int)c:X4}");
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
