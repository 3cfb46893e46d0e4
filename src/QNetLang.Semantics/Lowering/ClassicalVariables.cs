using System.Collections.Immutable;
using QNetLang.Ir;

namespace QNetLang.Semantics.Lowering;

/// <summary>
/// Where each classical variable's value is while lowering: a compile-time constant (folded
/// into every use), or — from the first time a measurement or a runtime value reaches it —
/// bits of its own after the program's declared bits, which the per-node programs compute at
/// run time. A variable never goes back to being constant.
/// </summary>
internal sealed class ClassicalVariables(int firstFreeBit, IEnumerable<string> registerNames)
{
    // Names outputs already use: a subroutine's variable named like a register (or like another
    // subroutine's) gets a suffix, since every output names bits by register.
    private readonly HashSet<string> _taken = new(registerNames, StringComparer.Ordinal);

    private readonly Dictionary<ClassicalVariableSymbol, ClassicalValue> _constant = new();
    private readonly Dictionary<ClassicalVariableSymbol, ImmutableArray<int>> _storage = new();
    // Bits of subroutine variables whose call ended: the next call that needs them at run time reuses them.
    private readonly Dictionary<ClassicalVariableSymbol, ImmutableArray<int>> _retired = new();
    private readonly List<BitInfo> _bits = new();

    /// <summary>The bits given to runtime variables, in the order they were needed (indices follow the program's bits).</summary>
    public IReadOnlyList<BitInfo> Bits => _bits;

    /// <summary>A declaration: the value is 0 until assigned.</summary>
    public void Declare(ClassicalVariableSymbol variable)
    {
        if (!_storage.ContainsKey(variable)) _constant[variable] = new ClassicalValue(variable.Type, 0);
    }

    /// <summary>
    /// A subroutine's parameter or local starts a new life at every call: a constant 0 again,
    /// whatever the last call left in it (its bits are kept for the next call that needs them).
    /// </summary>
    public void Reset(ClassicalVariableSymbol variable)
    {
        if (_storage.Remove(variable, out var bits)) _retired[variable] = bits;
        _constant[variable] = new ClassicalValue(variable.Type, 0);
    }

    public bool IsRuntime(ClassicalVariableSymbol variable) => _storage.ContainsKey(variable);

    /// <summary>The value while it is a constant; null once it lives at run time.</summary>
    public ClassicalValue? ConstantOf(ClassicalVariableSymbol variable) =>
        _storage.ContainsKey(variable) ? null : _constant.GetValueOrDefault(variable, new ClassicalValue(variable.Type, 0));

    public void SetConstant(ClassicalVariableSymbol variable, ClassicalValue value) =>
        _constant[variable] = ClassicalSemantics.Convert(value, variable.Type);

    /// <summary>The variable's bits (element 0 least significant); only for a runtime variable.</summary>
    public ImmutableArray<int> Storage(ClassicalVariableSymbol variable) => _storage[variable];

    /// <summary>
    /// Gives the variable bits of its own (once) and returns them with the constant value it had,
    /// which the caller writes into them (bits start at 0, so a zero needs no write).
    /// </summary>
    /// <param name="writeZero">Return the initial value even when it is 0: the bits may hold an earlier value (a subroutine's variable inside a loop).</param>
    public (ImmutableArray<int> Bits, ClassicalValue? Initial) Materialize(ClassicalVariableSymbol variable, bool writeZero = false)
    {
        if (_storage.TryGetValue(variable, out var existing)) return (existing, null);
        if (_retired.Remove(variable, out var reused))
        {
            _storage[variable] = reused;
            var value = _constant.GetValueOrDefault(variable, new ClassicalValue(variable.Type, 0));
            _constant.Remove(variable);
            return (reused, value);
        }
        int width = variable.Type.Width;
        int first = firstFreeBit + _bits.Count;
        var bits = Enumerable.Range(first, width).ToImmutableArray();
        bool register = variable.Type.Kind != ClassicalKind.Bool;
        string name = variable.Name;
        for (int n = 2; !_taken.Add(name); n++) name = $"{variable.Name}_{n}";
        for (int i = 0; i < width; i++) _bits.Add(new BitInfo(first + i, name, register ? i : null));
        _storage[variable] = bits;
        var initial = _constant.GetValueOrDefault(variable, new ClassicalValue(variable.Type, 0));
        _constant.Remove(variable);
        return (bits, initial.Raw == 0 && !writeZero ? null : initial);
    }
}
