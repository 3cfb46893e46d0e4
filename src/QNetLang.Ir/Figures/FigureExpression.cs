using System.Collections.Immutable;

namespace QNetLang.Ir;

/// <summary>
/// A figure of merit as the compiler resolved it: loops unrolled, names replaced by bit
/// indices, constants folded. It is post-processing over the program's bits, so it travels with
/// the distributed program (and its manifest) but never into a node's instruction stream.
/// </summary>
public sealed record FigureDefinition(string Name, FigureExpression Expression);

public enum FigureOperator
{
    Negate,
    Not,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Power,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
}

public enum ReductionKind
{
    /// <summary>Σ selected values / number selected, pooled over all shots (a ratio estimator).</summary>
    Mean,

    /// <summary>Σ selected values per shot, averaged over shots.</summary>
    Sum,
}

public abstract record FigureExpression;

public sealed record FigureConstant(double Value) : FigureExpression;

/// <summary>The final value (0 or 1) of bit <see cref="Bit"/> in a shot; only inside a reduction.</summary>
public sealed record FigureBit(int Bit) : FigureExpression;

/// <summary>The value of a figure declared earlier.</summary>
public sealed record FigureReference(string Name) : FigureExpression;

/// <summary>
/// The mean time from the start of one shot to the next, in seconds: a shot's simulated time, or
/// less when sends over links with a rate pipeline the shots behind their sources.
/// </summary>
public sealed record FigureShotTime : FigureExpression;

public sealed record FigureUnary(FigureOperator Operator, FigureExpression Operand) : FigureExpression;

public sealed record FigureBinary(FigureOperator Operator, FigureExpression Left, FigureExpression Right) : FigureExpression;

/// <summary>A built-in function (<see cref="FigureFunctions"/>).</summary>
public sealed record FigureCall(string Function, ImmutableArray<FigureExpression> Arguments) : FigureExpression;

/// <summary>One unrolled round of a reduction: its value and, when there is a `where`, its selection.</summary>
public sealed record ReductionTerm(FigureExpression Value, FigureExpression? Condition);

public sealed record FigureReduction(ReductionKind Kind, ImmutableArray<ReductionTerm> Terms) : FigureExpression;
