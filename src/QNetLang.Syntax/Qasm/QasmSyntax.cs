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
    /// once each (QN1011) and left out of the AST. In OpenQASM 2, the qelib1.inc gates the
    /// catalog lacks are added as gate definitions when the file calls them (see
    /// <see cref="Qelib1Prelude"/>); <paramref name="withPrelude"/> false is for the prelude itself.
    /// </summary>
    /// <remarks>
    /// A flat file (declarations, gate calls, measurements: what exporters write) is read by
    /// <see cref="FlatQasmReader"/>, which builds the same AST several times faster; anything
    /// else, and anything with a diagnostic to report, is parsed by ANTLR (<see cref="ParseWithAntlr"/>).
    /// </remarks>
    /// <param name="maxInlinedStatements">What subroutine calls may expand to in all (QN2019 past it).</param>
    public static CompilationUnit? Parse(SourceText source, DiagnosticBag diagnostics, bool withPrelude = true, long maxInlinedStatements = SyntaxLimits.DefaultMaxInlinedStatements) =>
        FlatQasmReader.TryRead(source, withPrelude) ?? ParseWithAntlr(source, diagnostics, withPrelude, maxInlinedStatements);

    /// <summary>
    /// The reference front end (ANTLR lexer and parser, then <see cref="QasmAstBuilder"/>) for any
    /// file; <see cref="Parse"/> uses it for every file the flat reader does not take. Public so
    /// that tests and benchmarks can compare the two readers.
    /// </summary>
    public static CompilationUnit? ParseWithAntlr(SourceText source, DiagnosticBag diagnostics, bool withPrelude = true, long maxInlinedStatements = SyntaxLimits.DefaultMaxInlinedStatements)
    {
        var lexer = new OpenQasmLexer(new AntlrInputStream(source.Text));
        var kinds = new LexicalErrorTokens(OpenQasmLexer.BadCharacter, OpenQasmLexer.UnterminatedString, OpenQasmLexer.StringLiteral, OpenQasmLexer.BlockComment);
        var tree = FrontEndDriver.Parse(source, diagnostics, lexer, kinds, tokens => new GuardedOpenQasmParser(tokens), parser => ((OpenQasmParser)parser).program());
        if (tree is null) return null;
        return QasmAstBuilder.Build(source, diagnostics, tree, withPrelude, maxInlinedStatements);
    }
}
