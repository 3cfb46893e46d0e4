using System.Collections.Immutable;
using QNetLang.Ir;

namespace QNetLang.Semantics.Lowering;

/// <summary>
/// Where each classical variable's value is while lowering: a compile-time constant (folded
/// into every use), or — from the first time a measurement or a runtime value reaches it —
/// bits of its own after the program's declared bits, which the per-node programs compute at
/// run time. A variable never goes back to being constant.
/// </summary>
internal sealed class ClassicalVariables(int firstFreeBit)
{
    private readonly Dictionary<ClassicalVariableSymbol, ClassicalValue> _constant = new();
    private readonly Dictionary<ClassicalVariableSymbol, ImmutableArray<int>> _storage = new();
    private readonly List<BitInfo> _bits = new();

    /// <summary>The bits given to runtime variables, in the order they were needed (indices follow the program's bits).</summary>
    public IReadOnlyList<BitInfo> Bits => _bits;

    /// <summary>A declaration: the value is 0 until assigned.</summary>
    public void Declare(ClassicalVariableSymbol variable)
    {
        if (!_storage.ContainsKey(variable)) _constant[variable] = new ClassicalValue(variable.Type, 0);
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
    public (ImmutableArray<int> Bits, ClassicalValue? Initial) Materialize(ClassicalVariableSymbol variable)
    {
        if (_storage.TryGetValue(variable, out var existing)) return (existing, null);
        int width = variable.Type.Width;
        int first = firstFreeBit + _bits.Count;
        var bits = Enumerable.Range(first, width).ToImmutableArray();
        bool register = variable.Type.Kind != ClassicalKind.Bool;
        for (int i = 0; i < width; i++) _bits.Add(new BitInfo(first + i, variable.Name, register ? i : null));
        _storage[variable] = bits;
        var initial = _constant.GetValueOrDefault(variable, new ClassicalValue(variable.Type, 0));
        _constant.Remove(variable);
        return (bits, initial.Raw == 0 ? null : initial);
    }
}
