using Antlr4.Runtime;

namespace QNetLang.Syntax;

/// <summary>
/// Counts parser rule invocations for a guarded parser: ANTLR parsers recurse once per nesting
/// level, and 5000 nested blocks or unary minuses would otherwise overflow the stack, which .NET
/// cannot catch. Left-recursive expression chains do not recurse (ANTLR loops), so they are
/// limited later by the AST builders.
/// </summary>
internal struct RuleDepthGuard
{
    private int _depth;

    public void Enter(Parser parser)
    {
        if (++_depth > SyntaxLimits.MaxRuleDepth) throw new NestingLimitException(parser.CurrentToken);
    }

    public void Exit() => _depth--;
}
