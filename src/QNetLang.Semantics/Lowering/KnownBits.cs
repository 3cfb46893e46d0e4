using System.Collections.Immutable;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics.Lowering;

/// <summary>
/// Bits whose value the compiler knows: those of a register declared with an initial value
/// (OpenQASM's <c>bit[2] flags = "11";</c>) until they are first written. The circuit IR has
/// no initial values (every bit starts at 0 on every node), so a known bit never reaches it:
/// every condition that tests one is folded here, and a runtime `while` whose first test
/// folds to true runs its first iteration unrolled (the usual repeat-until-success start).
/// A value of 1 that would still be visible at run time (after the program, or after a write
/// that only some runs make) cannot be represented and is reported by the lowerer.
/// </summary>
internal sealed class KnownBits
{
    private readonly Dictionary<int, bool> _values = new();

    public KnownBits(IEnumerable<BitRegisterSymbol> registers)
    {
        foreach (var register in registers)
        {
            if (register.InitialValue.IsZero) continue;
            for (int i = 0; i < register.Size; i++) _values[register.FirstBit + i] = !((register.InitialValue >> i) & 1).IsZero;
        }
    }

    public bool IsEmpty => _values.Count == 0;

    /// <summary>The bit is written: its value is no longer known. Returns the value it had, if it was known.</summary>
    public bool? Forget(int bit) => _values.Remove(bit, out bool value) ? value : null;

    /// <summary>Bits still known with the value 1 (in bit order).</summary>
    public IEnumerable<int> Ones => _values.Where(v => v.Value).Select(v => v.Key).Order();

    /// <summary>The condition with every known bit replaced by its value, simplified from the leaves up.</summary>
    public Condition Substitute(Condition condition) => condition switch
    {
        BitCondition b when _values.TryGetValue(b.Bit, out bool value) => new ConstantCondition(value == b.Value),
        NotCondition n => ConditionLowering.Simplify(new NotCondition(Substitute(n.Operand))),
        AndCondition a => ConditionLowering.Simplify(new AndCondition([.. a.Operands.Select(Substitute)])),
        OrCondition o => ConditionLowering.Simplify(new OrCondition([.. o.Operands.Select(Substitute)])),
        _ => condition,
    };

    /// <summary>The bit registers a list of statements may write (measurement and assignment targets, arrival flags), by symbol.</summary>
    public static ImmutableHashSet<BitRegisterSymbol> WrittenRegisters(IEnumerable<BoundStatement> statements)
    {
        var written = ImmutableHashSet.CreateBuilder<BitRegisterSymbol>();
        void Walk(IEnumerable<BoundStatement> list)
        {
            foreach (var statement in list)
            {
                switch (statement)
                {
                    case BoundMeasure { Target.Register: BitRegisterSymbol target }: written.Add(target); break;
                    case BoundSend { ArrivalFlag.Register: BitRegisterSymbol flag }: written.Add(flag); break;
                    case BoundAssign { Target.Register: BitRegisterSymbol assigned }: written.Add(assigned); break;
                    case BoundFor f: Walk(f.Body); break;
                    case BoundIf i: Walk(i.Then); Walk(i.Else); break;
                    case BoundWhile w: Walk(w.Body); break;
                    case BoundAt a: Walk(a.Body); break;
                    case BoundBlock b: Walk(b.Body); break;
                }
            }
        }
        Walk(statements);
        return written.ToImmutable();
    }
}
