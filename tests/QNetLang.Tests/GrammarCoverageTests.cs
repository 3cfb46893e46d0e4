using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using QNetLang.Syntax.Generated;

namespace QNetLang.Tests;

/// <summary>
/// The golden cases (parse, bind, lower) exercise every parser rule, every labelled expression
/// alternative and every token of the QNetLang grammar, so a new construct cannot land without
/// a golden test.
/// </summary>
public class GrammarCoverageTests
{
    private static readonly string[] Stages = ["parse", "bind", "lower"];

    private static List<string> CaseFiles() =>
        Stages.SelectMany(s => Directory.EnumerateFiles(Path.Combine(RepoPaths.Cases, s), "*.qn", SearchOption.AllDirectories)).ToList();

    [Fact]
    public void EveryRuleAndAlternativeIsCovered()
    {
        var seen = new HashSet<Type>();
        foreach (var file in CaseFiles())
        {
            var parser = new QNetLangParser(new CommonTokenStream(new QNetLangLexer(new AntlrInputStream(File.ReadAllText(file)))));
            Collect(parser.compilationUnit(), seen);
        }
        var all = typeof(QNetLangParser).GetNestedTypes()
            .Where(t => typeof(ParserRuleContext).IsAssignableFrom(t))
            // The base class of the labelled expression alternatives is never instantiated itself.
            .Where(t => t != typeof(QNetLangParser.ExpressionContext))
            .ToList();
        var missing = all.Where(t => !seen.Contains(t)).Select(t => t.Name).Order().ToList();
        Assert.True(missing.Count == 0, "rules not covered by any golden case: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryTokenIsCovered()
    {
        var seen = new HashSet<int>();
        foreach (var file in CaseFiles())
        {
            var lexer = new QNetLangLexer(new AntlrInputStream(File.ReadAllText(file)));
            foreach (var token in lexer.GetAllTokens()) seen.Add(token.Type);
        }
        // Error tokens are covered by the diagnostics cases (QN1002, QN1010).
        int[] errorTokens = [QNetLangLexer.BadCharacter, QNetLangLexer.UnterminatedString];
        var missing = Enumerable.Range(1, ((Vocabulary)QNetLangLexer.DefaultVocabulary).getMaxTokenType())
            .Where(t => !seen.Contains(t) && !errorTokens.Contains(t))
            .Select(t => QNetLangLexer.DefaultVocabulary.GetDisplayName(t))
            .ToList();
        Assert.True(missing.Count == 0, "tokens not covered by any golden case: " + string.Join(", ", missing));
    }

    private static void Collect(IParseTree tree, HashSet<Type> seen)
    {
        var stack = new Stack<IParseTree>();
        stack.Push(tree);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is ParserRuleContext context) seen.Add(context.GetType());
            for (int i = 0; i < node.ChildCount; i++) stack.Push(node.GetChild(i));
        }
    }
}
