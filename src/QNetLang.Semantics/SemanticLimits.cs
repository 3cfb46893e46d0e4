namespace QNetLang.Semantics;

/// <summary>Limits applied while binding and lowering; see docs/language.md ("Limits").</summary>
public static class SemanticLimits
{
    /// <summary>Default cap on operations plus loop iterations produced by lowering (<c>--max-ops</c>).</summary>
    public const long DefaultMaxOperations = 1_000_000;

    /// <summary>Largest register a declaration may ask for.</summary>
    public const int MaxRegisterSize = 1_000_000;

    /// <summary>Depth of nested user-gate calls being inlined (gates can only call earlier gates, so this is generous).</summary>
    public const int MaxGateInlineDepth = 200;

    /// <summary>Rounds all reductions of a program's figures may unroll to together.</summary>
    public const int MaxFigureRounds = 1_000_000;
}
