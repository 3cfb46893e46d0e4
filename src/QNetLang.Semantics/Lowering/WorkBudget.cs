namespace QNetLang.Semantics.Lowering;

/// <summary>Thrown when lowering passes the operation budget; caught once at the top of the lowerer.</summary>
internal sealed class WorkBudgetExceededException() : Exception("work budget exceeded");

/// <summary>
/// Counts emitted operations and loop iterations, so that `for i in 0 .. 1000000000 { }` stops
/// with QN2019 quickly instead of spinning or filling memory.
/// </summary>
internal sealed class WorkBudget(long limit)
{
    private long _used;

    public long Limit => limit;

    public void Charge(long amount = 1)
    {
        _used += amount;
        if (_used > limit) throw new WorkBudgetExceededException();
    }
}
