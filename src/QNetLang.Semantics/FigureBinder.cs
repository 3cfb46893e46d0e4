using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>
/// Binds `figure NAME = expression;`. A figure is post-processing, not an operation: the binder
/// unrolls its reductions here (their loop variables are constants per round, like a `for`'s)
/// and resolves every bit to its index, so the simulator evaluates a flat tree per shot and the
/// manifest can carry it without the source. Bits may be read only inside a reduction, figures
/// declared earlier only outside one: a figure's value is a function of pooled sums over shots.
/// </summary>
internal sealed class FigureBinder(SourceText source, DiagnosticBag diagnostics, ExpressionEvaluator evaluator, int maxTerms, Network network)
{
    /// <summary>The name that stands for the mean simulated time of a shot, in seconds.</summary>
    public const string ShotTimeName = BuiltinValueSymbol.ShotTime;

    private readonly Dictionary<string, FigureDefinition> _figures = new(StringComparer.Ordinal);
    private readonly List<FigureBitRead> _bitReads = new();
    private string _current = "";
    private int _terms;

    public ImmutableArray<FigureDefinition> Figures => [.. _figures.Values];

    /// <summary>Every bit the bound figures read, with the span that names it (one entry per round).</summary>
    public ImmutableArray<FigureBitRead> BitReads => [.. _bitReads];

    private Location At(TextSpan span) => new(source, span);

    /// <summary>Binds one figure from its value, bound by the <see cref="NameRecorder"/> in figure mode; false when it has errors (reported).</summary>
    public bool Bind(FigureDeclaration declaration, BoundExpression value)
    {
        _current = declaration.Name.Text;
        int readsBefore = _bitReads.Count;
        var expression = Outer(value);
        // A figure with errors is dropped, and so are its reads.
        if (expression is null) _bitReads.RemoveRange(readsBefore, _bitReads.Count - readsBefore);
        if (expression is null || _figures.ContainsKey(declaration.Name.Text)) return expression is not null;
        _figures.Add(declaration.Name.Text, new FigureDefinition(declaration.Name.Text, expression));
        return true;
    }

    private FigureExpression? Invalid(TextSpan span, string message)
    {
        diagnostics.Report(Diagnostics.InvalidFigure, At(span), message);
        return null;
    }

    /// <summary>
    /// Whether a name is a figure bound before: by the figures this binder holds, not the
    /// name's symbol, since a figure whose name was declared twice is still one (the second
    /// declaration is reported as a redefinition).
    /// </summary>
    private bool IsFigure(BoundName name) => name.Symbol is not LoopVariableSymbol && _figures.ContainsKey(name.Name.Text);

    /// <summary>Figure level: constants, earlier figures, shot_time, reductions and arithmetic over them.</summary>
    private FigureExpression? Outer(BoundExpression expression) => expression switch
    {
        BoundReduction r => Reduction(r),
        BoundName n when IsFigure(n) => new FigureReference(n.Name.Text),
        BoundName { Symbol: BuiltinValueSymbol { Name: ShotTimeName } } => new FigureShotTime(),
        BoundName { Symbol: BitRegisterSymbol } or BoundIndex { Symbol: BitRegisterSymbol } =>
            Invalid(expression.Span, "a bit can be read only inside mean(... over i in a .. b) or sum(...): a figure pools every shot's rounds"),
        _ => Combine(expression, Outer, rounds: null),
    };

    /// <summary>Round level: bits, constants and the reduction's round variable, worth <paramref name="round"/>.</summary>
    private FigureExpression? Round(BoundExpression expression, RoundValue round)
    {
        switch (expression)
        {
            case BoundReduction r:
                return Invalid(r.Span, $"{r.Function.Text}(...) cannot be nested inside another reduction; use a second loop variable in one reduction's index arithmetic instead");
            case BoundName n when IsFigure(n):
                return Invalid(n.Span, $"the figure '{n.Name.Text}' is a value over all shots and cannot be read per round");
            case BoundName { Symbol: BitRegisterSymbol { IsRegister: false } bit } n:
                return Read(bit.FirstBit, n.Span);
            case BoundIndex { Symbol: BitRegisterSymbol bits } i:
            {
                if (!bits.IsRegister) return Invalid(i.Name.Span, $"'{bits.Name}' is a single bit and cannot be indexed");
                if (Constant(i.Index, round) is not { } index) return null;
                if (index.Kind != ValueKind.Int || index.Number < 0 || index.Number >= bits.Size)
                {
                    diagnostics.Report(Diagnostics.IndexOutOfRange, At(i.Index.Span), index.ToString(), bits.Name, bits.Size);
                    return null;
                }
                return Read(bits.FirstBit + (int)index.Number, i.Span);
            }
            default:
                return Combine(expression, e => Round(e, round), round);
        }
    }

    /// <summary>The value of a reduction's round variable in the round being unrolled.</summary>
    private sealed record RoundValue(LoopVariableSymbol Variable, long Value);

    /// <summary>Operators, calls and constants, shared by both levels; <paramref name="inner"/> binds the operands.</summary>
    private FigureExpression? Combine(BoundExpression expression, Func<BoundExpression, FigureExpression?> inner, RoundValue? rounds)
    {
        switch (expression)
        {
            case BoundUnary u:
                if (inner(u.Operand) is not { } operand) return null;
                return u.Operator switch
                {
                    UnaryOperator.Plus => operand,
                    UnaryOperator.Negate => new FigureUnary(FigureOperator.Negate, operand),
                    _ => new FigureUnary(FigureOperator.Not, operand),
                };
            case BoundBinary b:
            {
                var left = inner(b.Left);
                var right = inner(b.Right);
                return left is null || right is null ? null : new FigureBinary(Operator(b.Operator), left, right);
            }
            case BoundCall c when FigureLinkFunctions.Contains(c.Function.Text):
                return LinkCall(c, rounds);
            case BoundCall c:
            {
                if (!FigureFunctions.TryGetArity(c.Function.Text, out int arity))
                    return Invalid(c.Function.Span, $"'{c.Function.Text}' is not a figure function (functions: {string.Join(", ", FigureFunctions.Names)}; of a link: {string.Join(", ", FigureLinkFunctions.Names)}; reductions: mean, sum)");
                if (c.Arguments.Length != arity)
                    return Invalid(c.Function.Span, $"'{c.Function.Text}' takes {arity} argument(s), not {c.Arguments.Length}");
                var arguments = c.Arguments.Select(inner).ToList();
                return arguments.Any(a => a is null) ? null : new FigureCall(c.Function.Text, [.. arguments.Cast<FigureExpression>()]);
            }
            default:
                return Constant(expression, rounds) is { } value ? new FigureConstant(value.Number) : null;
        }
    }

    /// <summary>
    /// `f(SENDER, RECEIVER, numbers...)`: a value of the link's model, exact and the same in
    /// every shot, so it is bound here to a constant (a sweep binds the program again at each point).
    /// </summary>
    private FigureExpression? LinkCall(BoundCall call, RoundValue? rounds)
    {
        string name = call.Function.Text;
        FigureExpression? Fail(TextSpan span, string why)
        {
            diagnostics.Report(Diagnostics.FigureNeedsLink, At(span), name, why);
            return null;
        }
        if (call.Arguments.Length < 2 || call.Arguments[0] is not BoundName from || call.Arguments[1] is not BoundName to)
            return Fail(call.Span, "give the sending node and the receiving node first, as in gain(alice, bob)");
        foreach (var node in (BoundName[])[from, to])
            if (network.FindNode(node.Name.Text) is null)
                return Fail(node.Span, $"network '{network.Name}' has no node '{node.Name.Text}'");
        if (network.FindLink(from.Name.Text, to.Name.Text) is not { } link)
            return Fail(call.Span, $"'{from.Name.Text}' and '{to.Name.Text}' share no link");
        var extra = new double[call.Arguments.Length - 2];
        for (int i = 2; i < call.Arguments.Length; i++)
        {
            if (Constant(call.Arguments[i], rounds) is not { } value) return null;
            extra[i - 2] = value.Number;
        }
        var reading = new FigureLinkFunctions.LinkReading(link, network, to.Name.Text);
        if (FigureLinkFunctions.Check(name, reading, extra) is { } why) return Fail(call.Span, why);
        return new FigureConstant(FigureLinkFunctions.Evaluate(name, reading, extra));
    }

    private FigureExpression? Reduction(BoundReduction reduction)
    {
        ReductionKind? kind = reduction.Function.Text switch { "mean" => ReductionKind.Mean, "sum" => ReductionKind.Sum, _ => null };
        if (kind is null) return Invalid(reduction.Function.Span, $"'{reduction.Function.Text}(... over ...)' is not a reduction (reductions: mean, sum)");
        var start = Constant(reduction.Start, round: null);
        var end = Constant(reduction.End, round: null);
        if (start is null || end is null) return null;
        if (start.Value.Kind != ValueKind.Int || end.Value.Kind != ValueKind.Int)
            return Invalid(TextSpan.FromBounds(reduction.Start.Span.Start, reduction.End.Span.End), $"the bounds of a reduction must be integers, not {start.Value.Describe()} .. {end.Value.Describe()}");
        long first = (long)start.Value.Number, last = (long)end.Value.Number;
        if (last <= first)
        {
            diagnostics.Report(Diagnostics.EmptyReduction, At(reduction.Span), reduction.Function.Text, reduction.Variable.Name, first, last);
            return null;
        }
        if (last - first > maxTerms - _terms) return Invalid(reduction.Span, $"the figures unroll to more than {maxTerms} rounds");
        _terms += (int)(last - first);

        var terms = ImmutableArray.CreateBuilder<ReductionTerm>();
        for (long i = first; i < last; i++)
        {
            var round = new RoundValue(reduction.Variable, i);
            var value = Round(reduction.Body, round);
            var condition = reduction.Condition is null ? null : Round(reduction.Condition, round);
            // One message per mistake, not one per round.
            if (value is null || reduction.Condition is not null && condition is null) return null;
            terms.Add(new ReductionTerm(value, condition));
        }
        return new FigureReduction(kind.Value, terms.ToImmutable());
    }

    private FigureBit Read(int bit, TextSpan span)
    {
        _bitReads.Add(new FigureBitRead(_current, bit, span));
        return new FigureBit(bit);
    }

    private ConstValue? Constant(BoundExpression expression, RoundValue? round) =>
        evaluator.Evaluate(expression, symbol => round is not null && ReferenceEquals(symbol, round.Variable)
            ? NameLookup.Constant(ConstValue.Int(round.Value))
            : NameLookup.OfSymbol(symbol));

    private static FigureOperator Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.Power => FigureOperator.Power,
        BinaryOperator.Multiply => FigureOperator.Multiply,
        BinaryOperator.Divide => FigureOperator.Divide,
        BinaryOperator.Modulo => FigureOperator.Modulo,
        BinaryOperator.Add => FigureOperator.Add,
        BinaryOperator.Subtract => FigureOperator.Subtract,
        BinaryOperator.Less => FigureOperator.Less,
        BinaryOperator.Greater => FigureOperator.Greater,
        BinaryOperator.LessOrEqual => FigureOperator.LessOrEqual,
        BinaryOperator.GreaterOrEqual => FigureOperator.GreaterOrEqual,
        BinaryOperator.Equal => FigureOperator.Equal,
        BinaryOperator.NotEqual => FigureOperator.NotEqual,
        BinaryOperator.And => FigureOperator.And,
        _ => FigureOperator.Or,
    };
}
