namespace QNetLang.Semantics.Lowering;

/// <summary>
/// The subroutine calls an expression runs before it is evaluated: those reached through
/// operators and casts, each call's argument calls before the call itself, left to right.
/// Calls inside an index or a built-in function's argument are not run (those places need
/// compile-time values; the evaluator reports a call there).
/// </summary>
internal static class SubroutineCalls
{
    public static bool Contains(BoundExpression expression) => Of(expression).Any();

    public static IEnumerable<BoundSubroutineCall> Of(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundSubroutineCall call:
                foreach (var argument in call.Arguments)
                    foreach (var inner in Of(argument))
                        yield return inner;
                yield return call;
                break;
            case BoundUnary u:
                foreach (var inner in Of(u.Operand)) yield return inner;
                break;
            case BoundCast c:
                foreach (var inner in Of(c.Operand)) yield return inner;
                break;
            case BoundBinary b:
                foreach (var inner in Of(b.Left)) yield return inner;
                foreach (var inner in Of(b.Right)) yield return inner;
                break;
        }
    }
}
