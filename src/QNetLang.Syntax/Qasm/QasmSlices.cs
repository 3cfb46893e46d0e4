using System.Collections.Immutable;
using System.Globalization;
using QNetLang.Core;
using QNetLang.Syntax.Ast;
using P = QNetLang.Syntax.Generated.OpenQasmParser;

namespace QNetLang.Syntax.Qasm;

/// <summary>
/// OpenQASM 3 register slices (<c>q[1:3]</c>, <c>q[0:2:5]</c>, inclusive ends, negative indices
/// counting from the end), index sets (<c>q[{0, 2}]</c>) and <c>let</c> aliases
/// (<c>let a = q[1:2] ++ r;</c>). The AST has single-index operands only, so these are expanded
/// at import into the qubits or bits they select: a statement with such an operand becomes one
/// statement per selected element (registers broadcast with it), a barrier one barrier over all
/// of them. That needs constant bounds and registers of a constant size.
/// </summary>
internal sealed partial class QasmAstBuilder
{
    /// <summary>A declared register: qubits or bits, <see cref="Single"/> for <c>qubit q;</c>, Size -1 when not constant.</summary>
    private sealed record RegisterInfo(bool Qubits, bool Single, int Size);

    /// <summary>One element an alias or a slice selects: a register and an index (null for a single qubit or bit).</summary>
    private readonly record struct Element(string Register, int? Index);

    private sealed record Alias(bool Qubits, ImmutableArray<Element> Elements);

    /// <summary>An operand as written (<see cref="Plain"/>) or the elements it selects (<see cref="Many"/>).</summary>
    private sealed record Selection(Operand? Plain, ImmutableArray<Operand>? Many, TextSpan Span);

    private readonly Dictionary<string, RegisterInfo> _registers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Alias> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _constants = new(StringComparer.Ordinal);

    /// <summary>Gate and subroutine parameters, which hide registers and aliases of the same name.</summary>
    private readonly HashSet<string> _shadowed = new(StringComparer.Ordinal);

    private void Declared(Name name, bool qubits, Expression? size)
    {
        int n = size is null ? 1 : Fold(size) is { } v && v is >= 1 and <= int.MaxValue ? (int)v : -1;
        _registers[name.Text] = new RegisterInfo(qubits, size is null, n);
        // The binder never sees aliases, so it cannot report a register that reuses one's name.
        if (_aliases.Remove(name.Text)) _diagnostics.Report(Diagnostics.Redefinition, new Location(_source, name.Span), name.Text);
    }

    private void Constant(Name name, Expression value)
    {
        if (Fold(value) is { } v) _constants[name.Text] = v;
        else _constants.Remove(name.Text);
    }

    /// <summary>The value of a constant integer expression, or null.</summary>
    private long? Fold(Expression expression) => QasmIndexFolding.Fold(expression, NamedConstant);

    private long? NamedConstant(string name) => !_shadowed.Contains(name) && _constants.TryGetValue(name, out var v) ? v : null;

    private bool IsAlias(string name) => !_shadowed.Contains(name) && _aliases.ContainsKey(name);

    /// <summary>The elements of a register or alias, or null (reported) when its size is not constant.</summary>
    private ImmutableArray<Element>? ElementsOf(Name name, TextSpan at, out bool qubits)
    {
        qubits = true;
        if (IsAlias(name.Text))
        {
            var alias = _aliases[name.Text];
            qubits = alias.Qubits;
            return alias.Elements;
        }
        if (_shadowed.Contains(name.Text))
        {
            Unsupported(at, $"slice of the gate or subroutine parameter '{SyntaxErrorListener.Shorten(name.Text)}'");
            return null;
        }
        if (!_registers.TryGetValue(name.Text, out var register))
        {
            _diagnostics.Report(Diagnostics.UndefinedName, new Location(_source, name.Span), name.Text);
            return null;
        }
        qubits = register.Qubits;
        if (register.Single) return [new Element(name.Text, null)];
        if (register.Size < 0)
        {
            Unsupported(at, $"slice or alias of '{SyntaxErrorListener.Shorten(name.Text)}', whose size is not an integer constant");
            return null;
        }
        return [.. Enumerable.Range(0, register.Size).Select(i => new Element(name.Text, i))];
    }

    /// <summary>An index into n elements: negative counts from the end; out of range is reported.</summary>
    private int? Index(P.ExpressionContext? context, Name name, int n, bool allowDefault, int fallback)
    {
        if (context is null) return allowDefault ? fallback : null;
        var built = _expressions.Build(context);
        if (built is null) return null;
        if (Fold(built) is not { } value)
        {
            Unsupported(built.Span, "slice bound or alias index that is not an integer constant");
            return null;
        }
        long normal = value < 0 ? value + n : value;
        if (normal < 0 || normal >= n)
        {
            _diagnostics.Report(Diagnostics.IndexOutOfRange, new Location(_source, built.Span), value.ToString(CultureInfo.InvariantCulture), name.Text, n);
            return null;
        }
        return (int)normal;
    }

    /// <summary>What an operand selects; null after a diagnostic.</summary>
    private Selection? Select(P.OperandContext? context)
    {
        if (context is null) return null;
        var name = NameOf(context.Identifier());
        var selector = context.indexSelector();
        var span = Span(context);
        bool alias = name is not null && IsAlias(name.Text);
        bool slice = selector is not null && (selector.rangeBounds() is not null || selector.LBRACE() is not null);
        if (name is null || !alias && !slice)
        {
            var plain = Operand(context);
            if (plain is null) return null;
            // q[-1]: a negative constant index counts from the end of a register of constant size.
            if (plain.Index is { } index && Fold(index) is < 0 && !_shadowed.Contains(plain.Name.Text)
                && _registers.TryGetValue(plain.Name.Text, out var register) && register is { Single: false, Size: >= 0 })
            {
                if (Index(selector!.expression(), plain.Name, register.Size, false, 0) is not { } i) return null;
                plain = Materialize(new Element(plain.Name.Text, i), plain.Name.Span, span);
            }
            return new Selection(plain, null, span);
        }
        var elements = ElementsOf(name, span, out _);
        if (elements is null) return null;
        var all = elements.Value;
        ImmutableArray<Element> chosen;
        if (selector is null) chosen = all;
        else if (selector.rangeBounds() is { } bounds)
        {
            var picked = Slice(bounds, name, all.Length, Span(selector));
            if (picked is null) return null;
            chosen = [.. picked.Select(i => all[i])];
        }
        else if (selector.LBRACE() is not null)
        {
            var list = new List<Element>();
            foreach (var expression in selector.expressionList()?.expression() ?? [])
            {
                if (Index(expression, name, all.Length, false, 0) is not { } i) return null;
                list.Add(all[i]);
            }
            if (list.Count == 0)
            {
                _diagnostics.Report(Diagnostics.EmptySelection, new Location(_source, Span(selector)), name.Text, all.Length, "the set is empty");
                return null;
            }
            chosen = [.. list];
        }
        else
        {
            // a[i] of an alias: one element, an operand like q[i].
            if (Index(selector.expression(), name, all.Length, false, 0) is not { } i) return null;
            return new Selection(Materialize(all[i], name.Span, span), null, span);
        }
        return new Selection(null, [.. chosen.Select(e => Materialize(e, name.Span, span))], span);
    }

    /// <summary><c>[a:b]</c> or <c>[a:s:b]</c> (b included); a missing bound is the first or last element in the step's direction.</summary>
    private List<int>? Slice(P.RangeBoundsContext bounds, Name name, int n, TextSpan at)
    {
        bool stepped = bounds.COLON().Length > 1;
        long step = 1;
        if (stepped)
        {
            if (bounds.second is null)
            {
                Unsupported(at, "slice with an empty step");
                return null;
            }
            var built = _expressions.Build(bounds.second);
            if (built is null) return null;
            if (Fold(built) is not { } s)
            {
                Unsupported(built.Span, "slice step that is not an integer constant");
                return null;
            }
            if (s == 0)
            {
                _diagnostics.Report(Diagnostics.EmptySelection, new Location(_source, at), name.Text, n, "the step is 0");
                return null;
            }
            step = s;
        }
        var lastContext = stepped ? bounds.third : bounds.second;
        var first = Index(bounds.first, name, n, true, step > 0 ? 0 : n - 1);
        var last = Index(lastContext, name, n, true, step > 0 ? n - 1 : 0);
        if (first is null || last is null) return null;
        var picked = new List<int>();
        for (long i = first.Value; step > 0 ? i <= last : i >= last; i += step) picked.Add((int)i);
        if (picked.Count == 0)
        {
            _diagnostics.Report(Diagnostics.EmptySelection, new Location(_source, at), name.Text, n, $"the range runs from {first} to {last} with step {step}");
            return null;
        }
        return picked;
    }

    private static Operand Materialize(Element element, TextSpan nameSpan, TextSpan span)
    {
        var index = element.Index is { } i
            ? new LiteralExpression(i.ToString(CultureInfo.InvariantCulture), i, true, null, span)
            : null;
        return new Operand(new Name(element.Register, nameSpan), index, span);
    }

    /// <summary>A whole register broadcast against selections: its elements, or null (reported) when its size is not constant.</summary>
    private ImmutableArray<Operand>? Expand(Selection selection)
    {
        if (selection.Many is { } many) return many;
        var plain = selection.Plain!;
        if (plain.Index is not null) return null;
        if (!_registers.TryGetValue(plain.Name.Text, out var register) || _shadowed.Contains(plain.Name.Text)) return null;
        if (register.Single) return null;
        if (register.Size < 0)
        {
            Unsupported(plain.Span, $"register '{SyntaxErrorListener.Shorten(plain.Name.Text)}' of a size that is not an integer constant, broadcast with a slice");
            return ImmutableArray<Operand>.Empty;
        }
        return [.. Enumerable.Range(0, register.Size).Select(i => Materialize(new Element(plain.Name.Text, i), plain.Name.Span, plain.Span))];
    }

    /// <summary>
    /// The operand lists of the statements that selections expand to: one list when none selects
    /// several elements, else one per element, with registers broadcast and single operands
    /// repeated. Null after a diagnostic (a size mismatch or a register of unknown size).
    /// </summary>
    private List<ImmutableArray<Operand>>? Broadcast(IReadOnlyList<Selection> selections)
    {
        if (selections.All(s => s.Many is null)) return [[.. selections.Select(s => s.Plain!)]];
        var columns = new List<ImmutableArray<Operand>?>();
        int? count = null;
        int? countAt = null;
        foreach (var selection in selections)
        {
            var expanded = Expand(selection);
            if (expanded is { IsEmpty: true }) return null;
            columns.Add(expanded);
            if (expanded is not { } list) continue;
            if (count is null)
            {
                count = list.Length;
                countAt = columns.Count - 1;
            }
            else if (count != list.Length)
            {
                _diagnostics.Report(Diagnostics.RegisterSizeMismatch, new Location(_source, selection.Span), count.Value, list.Length);
                return null;
            }
        }
        var result = new List<ImmutableArray<Operand>>();
        for (int i = 0; i < count; i++)
            result.Add([.. columns.Select((c, k) => c is { } list ? list[i] : selections[k].Plain!)]);
        return result;
    }

    /// <summary><c>let a = q[1:2] ++ r;</c>: remembered; uses of a are expanded.</summary>
    private void DefineAlias(P.AliasStatementContext context)
    {
        var name = NameOf(context.Identifier());
        if (name is null) return;
        var elements = ImmutableArray.CreateBuilder<Element>();
        bool? qubits = null;
        foreach (var operand in context.operand())
        {
            var target = NameOf(operand.Identifier());
            if (operand.HardwareQubit() is { } hardware)
            {
                Unsupported(hardware.Symbol, $"physical qubit '{SyntaxErrorListener.Shorten(hardware.GetText())}'");
                return;
            }
            if (target is null) return;
            var span = Span(operand);
            var all = ElementsOf(target, span, out bool isQubits);
            if (all is null) return;
            if (qubits is not null && qubits != isQubits)
            {
                Unsupported(span, "'let' alias joining qubits and bits");
                return;
            }
            qubits = isQubits;
            var selector = operand.indexSelector();
            if (selector is null) elements.AddRange(all.Value);
            else if (selector.rangeBounds() is not null || selector.LBRACE() is not null)
            {
                if (Select(operand) is not { Many: { } many }) return;
                elements.AddRange(many.Select(o => new Element(o.Name.Text, o.Index is LiteralExpression l ? (int)l.Value : null)));
            }
            else
            {
                if (Index(selector.expression(), target, all.Value.Length, false, 0) is not { } i) return;
                elements.Add(all.Value[i]);
            }
        }
        if (_registers.ContainsKey(name.Text) || _aliases.ContainsKey(name.Text) || _constants.ContainsKey(name.Text))
        {
            _diagnostics.Report(Diagnostics.Redefinition, new Location(_source, name.Span), name.Text);
            return;
        }
        _aliases[name.Text] = new Alias(qubits ?? true, elements.ToImmutable());
    }

    /// <summary>
    /// A condition with the bit aliases in it replaced by what they name: an alias of a whole bit
    /// register (in order) by the register, <c>a</c> of one bit or <c>a[i]</c> by that bit.
    /// Null (reported) for an alias of any other selection used whole, which no register names.
    /// </summary>
    private Expression? ResolveAliases(Expression expression)
    {
        switch (expression)
        {
            case NameExpression name when IsAlias(name.Name.Text):
            {
                var elements = _aliases[name.Name.Text].Elements;
                if (elements.Length == 1) return ElementExpression(elements[0], name.Name.Span, name.Span);
                string register = elements[0].Register;
                if (_registers.TryGetValue(register, out var info) && info.Size == elements.Length
                    && elements.Select((e, k) => e.Register == register && e.Index == k).All(ok => ok))
                    return new NameExpression(new Name(register, name.Name.Span), name.Span);
                Unsupported(name.Span, $"alias '{SyntaxErrorListener.Shorten(name.Name.Text)}' of part of a register or of several registers in a condition (index it: '{SyntaxErrorListener.Shorten(name.Name.Text)}[0]')");
                return null;
            }
            case IndexExpression index when IsAlias(index.Name.Text):
            {
                var elements = _aliases[index.Name.Text].Elements;
                if (Fold(index.Index) is not { } value)
                {
                    Unsupported(index.Index.Span, "slice bound or alias index that is not an integer constant");
                    return null;
                }
                long normal = value < 0 ? value + elements.Length : value;
                if (normal < 0 || normal >= elements.Length)
                {
                    _diagnostics.Report(Diagnostics.IndexOutOfRange, new Location(_source, index.Index.Span), value.ToString(CultureInfo.InvariantCulture), index.Name.Text, elements.Length);
                    return null;
                }
                return ElementExpression(elements[(int)normal], index.Name.Span, index.Span);
            }
            case CallExpression call:
            {
                var arguments = new List<Expression>();
                foreach (var argument in call.Arguments)
                {
                    if (ResolveAliases(argument) is not { } resolved) return null;
                    arguments.Add(resolved);
                }
                return call with { Arguments = [.. arguments] };
            }
            case UnaryExpression unary:
                return ResolveAliases(unary.Operand) is { } operand ? unary with { Operand = operand } : null;
            case CastExpression cast:
                return ResolveAliases(cast.Operand) is { } castOperand ? cast with { Operand = castOperand } : null;
            case BinaryExpression binary:
            {
                var left = ResolveAliases(binary.Left);
                var right = ResolveAliases(binary.Right);
                return left is null || right is null ? null : binary with { Left = left, Right = right };
            }
            default:
                return expression;
        }
    }

    private static Expression ElementExpression(Element element, TextSpan nameSpan, TextSpan span) => element.Index is { } i
        ? new IndexExpression(new Name(element.Register, nameSpan), new LiteralExpression(i.ToString(CultureInfo.InvariantCulture), i, true, null, span), span)
        : new NameExpression(new Name(element.Register, nameSpan), span);
}
