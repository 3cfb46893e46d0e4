using Antlr4.Runtime;
using QNetLang.Syntax.Generated;

namespace QNetLang.Syntax;

/// <summary>
/// The generated parser with a rule-depth guard: ANTLR parsers recurse once per nesting level,
/// and 5000 nested blocks or unary minuses would otherwise overflow the stack, which .NET
/// cannot catch. Left-recursive expression chains do not recurse here (ANTLR loops), so they
/// are limited later by the AST builder.
/// </summary>
internal sealed class GuardedQNetLangParser(ITokenStream input) : QNetLangParser(input)
{
    private int _depth;

    public override void EnterRule(ParserRuleContext localctx, int state, int ruleIndex)
    {
        if (++_depth > SyntaxLimits.MaxRuleDepth) throw new NestingLimitException(CurrentToken);
        base.EnterRule(localctx, state, ruleIndex);
    }

    public override void EnterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence)
    {
        if (++_depth > SyntaxLimits.MaxRuleDepth) throw new NestingLimitException(CurrentToken);
        base.EnterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    public override void ExitRule()
    {
        _depth--;
        base.ExitRule();
    }

    public override void UnrollRecursionContexts(ParserRuleContext parentctx)
    {
        _depth--;
        base.UnrollRecursionContexts(parentctx);
    }
}
