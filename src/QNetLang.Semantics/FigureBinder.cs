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
    public const string ShotTimeName = "shot_time";

    private readonly Dictionary<string, FigureDefinition> _figures = new(StringComparer.Ordinal);
    private readonly List<FigureBitRead> _bitReads = new();
    private string _current = "";
    private int _terms;

    public ImmutableArray<FigureDefinition> Figures => [.. _figures.Values];

    /// <summary>Every bit the bound figures read, with the span that names it (one entry per round).</summary>
    public ImmutableArray<FigureBitRead> BitReads => [.. _bitReads];

    private Location At(TextSpan span) => new(source, span);

    /// <summary>Binds one figure; false when it has errors (reported).</summary>
    public bool Bind(FigureDeclaration declaration, Scope globals)
    {
        _current = declaration.Name.Text;
        int readsBefore = _bitReads.Count;
        var expression = Outer(declaration.Value, globals);
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

    /// <summary>Figure level: constants, earlier figures, shot_time, reductions and arithmetic over them.</summary>
    private FigureExpression? Outer(Expression expression, Scope globals) => expression switch
    {
        ReductionExpression r => Reduction(r, globals),
        NameExpression n when _figures.ContainsKey(n.Name.Text) => new FigureReference(n.Name.Text),
        NameExpression n when n.Name.Text == ShotTimeName && globals.Lookup(n.Name.Text) is null => new FigureShotTime(),
        NameExpression or IndexExpression when IsBit(expression, globals) =>
            Invalid(expression.Span, "a bit can be read only inside mean(... over i in a .. b) or sum(...): a figure pools every shot's rounds"),
        _ => Combine(expression, e => Outer(e, globals), globals, new Dictionary<string, long>()),
    };

    /// <summary>Round level: bits, constants and the reduction's loop variables.</summary>
    private FigureExpression? Round(Expression expression, Scope globals, Dictionary<string, long> loops)
    {
        switch (expression)
        {
            case ReductionExpression r:
                return Invalid(r.Span, $"{r.Function.Text}(...) cannot be nested inside another reduction; use a second loop variable in one reduction's index arithmetic instead");
            case NameExpression n when _figures.ContainsKey(n.Name.Text) && !loops.ContainsKey(n.Name.Text):
                return Invalid(n.Span, $"the figure '{n.Name.Text}' is a value over all shots and cannot be read per round");
            case NameExpression n when globals.Lookup(n.Name.Text) is BitRegisterSymbol { IsRegister: false } bit && !loops.ContainsKey(n.Name.Text):
                return Read(bit.FirstBit, n.Span);
            case IndexExpression i when globals.Lookup(i.Name.Text) is BitRegisterSymbol bits && !loops.ContainsKey(i.Name.Text):
            {
                if (!bits.IsRegister) return Invalid(i.Name.Span, $"'{bits.Name}' is a single bit and cannot be indexed");
                if (Constant(i.Index, globals, loops) is not { } index) return null;
                if (index.Kind != ValueKind.Int || index.Number < 0 || index.Number >= bits.Size)
                {
                    diagnostics.Report(Diagnostics.IndexOutOfRange, At(i.Index.Span), index.ToString(), bits.Name, bits.Size);
                    return null;
                }
                return Read(bits.FirstBit + (int)index.Number, i.Span);
            }
            default:
                return Combine(expression, e => Round(e, globals, loops), globals, loops);
        }
    }

    /// <summary>Operators, calls and constants, shared by both levels; <paramref name="inner"/> binds the operands.</summary>
    private FigureExpression? Combine(Expression expression, Func<Expression, FigureExpression?> inner, Scope globals, Dictionary<string, long> loops)
    {
        switch (expression)
        {
            case UnaryExpression u:
                if (inner(u.Operand) is not { } operand) return null;
                return u.Operator switch
                {
                    UnaryOperator.Plus => operand,
                    UnaryOperator.Negate => new FigureUnary(FigureOperator.Negate, operand),
                    _ => new FigureUnary(FigureOperator.Not, operand),
                };
            case BinaryExpression b:
            {
                var left = inner(b.Left);
                var right = inner(b.Right);
                return left is null || right is null ? null : new FigureBinary(Operator(b.Operator), left, right);
            }
            case CallExpression c when FigureLinkFunctions.Contains(c.Function.Text):
                return LinkCall(c, globals, loops);
            case CallExpression c:
            {
                if (!FigureFunctions.TryGetArity(c.Function.Text, out int arity))
                    return Invalid(c.Function.Span, $"'{c.Function.Text}' is not a figure function (functions: {string.Join(", ", FigureFunctions.Names)}; of a link: {string.Join(", ", FigureLinkFunctions.Names)}; reductions: mean, sum)");
                if (c.Arguments.Length != arity)
                    return Invalid(c.Function.Span, $"'{c.Function.Text}' takes {arity} argument(s), not {c.Arguments.Length}");
                var arguments = c.Arguments.Select(inner).ToList();
                return arguments.Any(a => a is null) ? null : new FigureCall(c.Function.Text, [.. arguments.Cast<FigureExpression>()]);
            }
            default:
                return Constant(expression, globals, loops) is { } value ? new FigureConstant(value.Number) : null;
        }
    }

    /// <summary>
    /// `f(SENDER, RECEIVER, numbers...)`: a value of the link's model, exact and the same in
    /// every shot, so it is bound here to a constant (a sweep binds the program again at each point).
    /// </summary>
    private FigureExpression? LinkCall(CallExpression call, Scope globals, Dictionary<string, long> loops)
    {
        string name = call.Function.Text;
        FigureExpression? Fail(TextSpan span, string why)
        {
            diagnostics.Report(Diagnostics.FigureNeedsLink, At(span), name, why);
            return null;
        }
        if (call.Arguments.Length < 2 || call.Arguments[0] is not NameExpression from || call.Arguments[1] is not NameExpression to)
            return Fail(call.Span, "give the sending node and the receiving node first, as in gain(alice, bob)");
        foreach (var node in (NameExpression[])[from, to])
            if (network.FindNode(node.Name.Text) is null)
                return Fail(node.Span, $"network '{network.Name}' has no node '{node.Name.Text}'");
        if (network.FindLink(from.Name.Text, to.Name.Text) is not { } link)
            return Fail(call.Span, $"'{from.Name.Text}' and '{to.Name.Text}' share no link");
        var extra = new double[call.Arguments.Length - 2];
        for (int i = 2; i < call.Arguments.Length; i++)
        {
            if (Constant(call.Arguments[i], globals, loops) is not { } value) return null;
            extra[i - 2] = value.Number;
        }
        var reading = new FigureLinkFunctions.LinkReading(link, network, to.Name.Text);
        if (FigureLinkFunctions.Check(name, reading, extra) is { } why) return Fail(call.Span, why);
        return new FigureConstant(FigureLinkFunctions.Evaluate(name, reading, extra));
    }

    private FigureExpression? Reduction(ReductionExpression reduction, Scope globals)
    {
        ReductionKind? kind = reduction.Function.Text switch { "mean" => ReductionKind.Mean, "sum" => ReductionKind.Sum, _ => null };
        if (kind is null) return Invalid(reduction.Function.Span, $"'{reduction.Function.Text}(... over ...)' is not a reduction (reductions: mean, sum)");
        var empty = new Dictionary<string, long>();
        var start = Constant(reduction.Start, globals, empty);
        var end = Constant(reduction.End, globals, empty);
        if (start is null || end is null) return null;
        if (start.Value.Kind != ValueKind.Int || end.Value.Kind != ValueKind.Int)
            return Invalid(TextSpan.FromBounds(reduction.Start.Span.Start, reduction.End.Span.End), $"the bounds of a reduction must be integers, not {start.Value.Describe()} .. {end.Value.Describe()}");
        long first = (long)start.Value.Number, last = (long)end.Value.Number;
        if (last <= first)
        {
            diagnostics.Report(Diagnostics.EmptyReduction, At(reduction.Span), reduction.Function.Text, reduction.Variable.Text, first, last);
            return null;
        }
        if (last - first > maxTerms - _terms) return Invalid(reduction.Span, $"the figures unroll to more than {maxTerms} rounds");
        _terms += (int)(last - first);

        var terms = ImmutableArray.CreateBuilder<ReductionTerm>();
        var loops = new Dictionary<string, long>(StringComparer.Ordinal);
        for (long i = first; i < last; i++)
        {
            loops[reduction.Variable.Text] = i;
            var value = Round(reduction.Body, globals, loops);
            var condition = reduction.Condition is null ? null : Round(reduction.Condition, globals, loops);
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

    private ConstValue? Constant(Expression expression, Scope globals, Dictionary<string, long> loops) =>
        evaluator.Evaluate(expression, name => loops.TryGetValue(name.Text, out long value)
            ? NameLookup.Constant(ConstValue.Int(value))
            : ProgramBinder.Lookup(name, globals));

    private static bool IsBit(Expression expression, Scope globals) => expression switch
    {
        NameExpression n => globals.Lookup(n.Name.Text) is BitRegisterSymbol,
        IndexExpression i => globals.Lookup(i.Name.Text) is BitRegisterSymbol,
        _ => false,
    };

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
