using Antlr4.Runtime;
using QNetLang.Syntax.Generated;

namespace QNetLang.Syntax.Qasm;

/// <summary>
/// The generated OpenQASM parser with the same rule-depth guard as
/// <see cref="GuardedQNetLangParser"/>: nested brackets, scopes or unary operators recurse once
/// per level, and a stack overflow cannot be caught in .NET, so the parse stops with
/// <see cref="NestingLimitException"/> first.
/// </summary>
internal sealed class GuardedOpenQasmParser(ITokenStream input) : OpenQasmParser(input)
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
