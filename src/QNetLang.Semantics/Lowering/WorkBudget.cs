namespace QNetLang.Semantics.Lowering;

/// <summary>Thrown when lowering passes the operation budget; caught once at the top of the lowerer.</summary>
internal sealed class WorkBudgetExceededException() : Exception("work budget exceeded");

/// <summary>
/// Counts emitted operations and loop iterations, so that `for i in 0 .. 1000000000 { }` stops
/// with QN2019 quickly instead of spinning or filling memory. The limit is on what the program
/// expands to, not on what the file spells out: every statement written outside loops and gate
/// bodies earns one operation of credit, so a flat circuit of any length (an OpenQASM file with
/// a million gates) never reaches it, while memory stays bounded by the file's size plus the limit.
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

    /// <summary>Credit for one statement the source spells out.</summary>
    public void Credit() => _used--;
}
