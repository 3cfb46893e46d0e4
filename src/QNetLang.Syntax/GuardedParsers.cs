using Antlr4.Runtime;
using QNetLang.Syntax.Generated;

namespace QNetLang.Syntax;

/// <summary>The generated .qn parser with the rule-depth guard (<see cref="RuleDepthGuard"/>).</summary>
internal sealed class GuardedQNetLangParser(ITokenStream input) : QNetLangParser(input)
{
    private RuleDepthGuard _guard;

    public override void EnterRule(ParserRuleContext localctx, int state, int ruleIndex)
    {
        _guard.Enter(this);
        base.EnterRule(localctx, state, ruleIndex);
    }

    public override void EnterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence)
    {
        _guard.Enter(this);
        base.EnterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    public override void ExitRule()
    {
        _guard.Exit();
        base.ExitRule();
    }

    public override void UnrollRecursionContexts(ParserRuleContext parentctx)
    {
        _guard.Exit();
        base.UnrollRecursionContexts(parentctx);
    }
}
