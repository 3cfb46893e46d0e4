namespace QNetLang.Syntax;

/// <summary>
/// Limits that keep hostile or accidental input from exhausting the stack or memory. They are
/// far above anything a real program needs.
/// </summary>
public static class SyntaxLimits
{
    /// <summary>Parser rule invocations active at once (≈ nesting of blocks, brackets, ifs).</summary>
    public const int MaxRuleDepth = 1000;

    /// <summary>Depth of an expression tree, e.g. a chain of 100 000 additions.</summary>
    public const int MaxExpressionDepth = 2000;

    /// <summary>Largest source file read (bytes).</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Statements OpenQASM subroutine calls may expand to in all, counted as they are inlined at
    /// import (each call copies its body; nested calls can double it at every level). The
    /// compiler passes its <c>--max-ops</c> instead; this default is the same number.
    /// </summary>
    public const long DefaultMaxInlinedStatements = 1_000_000;

    /// <summary>Shown in the nesting message.</summary>
    public const int ReportedNestingLimit = MaxRuleDepth / 2;
}
