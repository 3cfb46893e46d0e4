using Antlr4.Runtime;
using QNetLang.Core;
using QNetLang.Syntax.Ast;
using QNetLang.Syntax.Generated;

namespace QNetLang.Syntax.Qasm;

/// <summary>
/// Entry point of the OpenQASM 2 / 3 front end: text → tokens → parse tree → the same AST the
/// .qn front end builds, as one program (named after the file) with no network.
/// </summary>
public static class QasmSyntax
{
    /// <summary>
    /// Parses one .qasm file. Returns null only when nothing useful could be built (an empty file,
    /// nesting past the limit); otherwise an AST, possibly partial, with the errors in
    /// <paramref name="diagnostics"/>. Constructs outside the importable subset are reported
    /// once each (QN1011) and left out of the AST.
    /// </summary>
    public static CompilationUnit? Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var lexer = new OpenQasmLexer(new AntlrInputStream(source.Text));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(new SilentLexerErrorListener());
        var tokens = TokenScreen.Screen(source, lexer.GetAllTokens(), diagnostics, OpenQasmLexer.BadCharacter, OpenQasmLexer.UnterminatedString, OpenQasmLexer.BlockComment);
        // TokenScreen appends an EOF token on the default channel; it does not make a file non-empty.
        if (tokens.All(t => t.Channel != TokenConstants.DefaultChannel || t.Type == TokenConstants.EOF))
        {
            if (!diagnostics.HasErrors) diagnostics.Report(Diagnostics.EmptyFile, new Location(source, new TextSpan(0, 0)));
            return null;
        }

        var parser = new GuardedOpenQasmParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.RemoveErrorListeners();
        parser.AddErrorListener(new SyntaxErrorListener(source, diagnostics, parser.Vocabulary));
        OpenQasmParser.ProgramContext tree;
        try
        {
            tree = parser.program();
        }
        catch (NestingLimitException ex)
        {
            diagnostics.Report(Diagnostics.NestingTooDeep, new Location(source, SyntaxErrorListener.TokenSpan(source, ex.Token)), SyntaxLimits.ReportedNestingLimit);
            return null;
        }
        return QasmAstBuilder.Build(source, diagnostics, tree);
    }
}
