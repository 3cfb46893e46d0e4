using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Syntax.Ast;

namespace QNetLang.Syntax.Qasm;

/// <summary>One OpenQASM 3 gate modifier: <c>inv @</c>, <c>pow(k) @</c>, <c>ctrl(n) @</c> or <c>negctrl(n) @</c>.</summary>
internal abstract record GateModifier(TextSpan Span);

internal sealed record InverseModifier(TextSpan Span) : GateModifier(Span);

internal sealed record PowerModifier(Expression Exponent, TextSpan Span) : GateModifier(Span);

/// <summary><see cref="Count"/> controls; <see cref="Negative"/> for <c>negctrl</c> (the gate acts when the controls are |0>).</summary>
internal sealed record ControlModifier(int Count, bool Negative, TextSpan Span) : GateModifier(Span);

/// <summary>
/// Applies gate modifiers to a standard gate by naming the gate that results, so that every
/// consumer sees ordinary gates of the library: the modifiers act from the gate outwards
/// (<c>ctrl @ pow(2) @ p(θ)</c> is cp(2θ)). Each rule is exact, global phase included, because a
/// later <c>ctrl</c> would expose a dropped phase:
/// <list type="bullet">
/// <item><c>inv</c>: self-inverse gates stay, s/t/sx swap with their daggers, rotations and
/// phases negate their angles, <c>u(θ, φ, λ)</c> becomes <c>u(−θ, −λ, −φ)</c>.</item>
/// <item><c>pow(k)</c>: rotations and phase gates (and z, s, t, sdg, tdg written as phases)
/// scale their angles by k, for any constant k; other gates take an integer literal k,
/// repeated (negative k: the inverse, repeated).</item>
/// <item><c>ctrl</c>: the controlled gate of the library (x → cx → ccx, y, z, h, the rotations,
/// the phase family, swap → cswap, u → cu); <c>negctrl</c> is <c>ctrl</c> between two x on each
/// control.</item>
/// </list>
/// A modifier on a gate outside these rules (a user-defined gate, ctrl of a gate with no
/// controlled form in the library) is reported as QN1011 naming the modifier and the gate.
/// </summary>
internal sealed class QasmGateModifiers(SourceText source, DiagnosticBag diagnostics)
{
    private static readonly HashSet<string> SelfInverse = new(StringComparer.Ordinal) { "id", "i", "x", "y", "z", "h", "cx", "CX", "cnot", "cy", "cz", "ch", "swap", "ccx", "toffoli", "cswap", "fredkin" };
    private static readonly Dictionary<string, string> Daggers = new(StringComparer.Ordinal) { ["s"] = "sdg", ["sdg"] = "s", ["t"] = "tdg", ["tdg"] = "t", ["sx"] = "sxdg", ["sxdg"] = "sx" };
    /// <summary>Gates whose every parameter is an angle that scales under inv (−1) and pow(k) (×k).</summary>
    private static readonly HashSet<string> AngleScaled = new(StringComparer.Ordinal) { "rx", "ry", "rz", "p", "phase", "u1", "crx", "cry", "crz", "cp", "cphase", "cu1", "rxx", "ryy", "rzz" };
    /// <summary>Fixed phase gates as p(angle): what pow(k) scales.</summary>
    private static readonly Dictionary<string, double> PhaseOf = new(StringComparer.Ordinal) { ["z"] = Math.PI, ["s"] = Math.PI / 2, ["sdg"] = -Math.PI / 2, ["t"] = Math.PI / 4, ["tdg"] = -Math.PI / 4 };
    private static readonly Dictionary<string, string> Controlled = new(StringComparer.Ordinal)
    {
        ["x"] = "cx", ["cx"] = "ccx", ["CX"] = "ccx", ["cnot"] = "ccx", ["y"] = "cy", ["z"] = "cz", ["h"] = "ch",
        ["rx"] = "crx", ["ry"] = "cry", ["rz"] = "crz", ["p"] = "cp", ["phase"] = "cp", ["u1"] = "cp", ["swap"] = "cswap",
    };

    /// <summary>A gate call after the modifiers: the gate, its arguments, and how many times to repeat it (0 drops it).</summary>
    public sealed record Result(string Gate, ImmutableArray<Expression> Arguments, int Repeat, ImmutableArray<int> NegatedControls);

    /// <summary>Null when a modifier does not apply to the gate (reported).</summary>
    public Result? Apply(Name gate, ImmutableArray<Expression> arguments, IReadOnlyList<GateModifier> modifiers)
    {
        string name = gate.Text;
        var args = arguments;
        int repeat = 1;
        int controls = 0;
        var negated = ImmutableArray.CreateBuilder<int>();
        // The modifier next to the gate applies first.
        for (int m = modifiers.Count - 1; m >= 0; m--)
        {
            var modifier = modifiers[m];
            switch (modifier)
            {
                case InverseModifier:
                    if (SelfInverse.Contains(name)) break;
                    if (Daggers.TryGetValue(name, out var dagger)) name = dagger;
                    else if (AngleScaled.Contains(name)) args = [.. args.Select(Negate)];
                    else if (name is "u" or "u3" or "U" && args.Length == 3) args = [Negate(args[0]), Negate(args[2]), Negate(args[1])];
                    else if (name == "cu" && args.Length == 4) args = [Negate(args[0]), Negate(args[2]), Negate(args[1]), Negate(args[3])];
                    else return Unsupported(modifier, "inv", name);
                    break;
                case PowerModifier power:
                    if (AngleScaled.Contains(name)) args = [.. args.Select(a => Scale(power.Exponent, a))];
                    else if (PhaseOf.TryGetValue(name, out double phase))
                    {
                        name = controls > 0 ? "cp" : "p";
                        args = [Scale(power.Exponent, Number(phase, power.Span))];
                    }
                    else if (power.Exponent is LiteralExpression { IsInteger: true, Unit: null } k && k.Value <= 64)
                        repeat *= (int)k.Value;
                    else if (power.Exponent is UnaryExpression { Operator: UnaryOperator.Negate, Operand: LiteralExpression { IsInteger: true, Unit: null } n } && n.Value <= 64)
                    {
                        if (Apply(new Name(name, gate.Span), args, [new InverseModifier(power.Span)]) is not { } inverse) return null;
                        (name, args) = (inverse.Gate, inverse.Arguments);
                        repeat *= (int)n.Value;
                    }
                    else return Unsupported(modifier, "pow", name, "with an exponent that is not an integer literal");
                    break;
                case ControlModifier control:
                    if (repeat != 1) return Unsupported(modifier, "ctrl", name, "around pow of a gate that pow repeats");
                    for (int c = 0; c < control.Count; c++)
                    {
                        if (PhaseOf.TryGetValue(name, out double fixedPhase))
                        {
                            (name, args) = ("cp", [Number(fixedPhase, control.Span)]);
                        }
                        else if (name is "u" or "u3" or "U" && args.Length == 3)
                        {
                            (name, args) = ("cu", [.. args, Number(0, control.Span)]);
                        }
                        else if (Controlled.TryGetValue(name, out var controlled)) name = controlled;
                        else return Unsupported(modifier, control.Negative ? "negctrl" : "ctrl", name);
                        // Controls are prepended: the new one is the first operand.
                        for (int i = 0; i < negated.Count; i++) negated[i]++;
                        if (control.Negative) negated.Add(0);
                        controls++;
                    }
                    break;
            }
        }
        return new Result(name, args, repeat, negated.ToImmutable());
    }

    private Result? Unsupported(GateModifier modifier, string what, string gate, string? why = null)
    {
        diagnostics.Report(Diagnostics.UnsupportedQasmFeature, new Location(source, modifier.Span),
            $"gate modifier '{what} @' on '{gate}'{(why is null ? "" : " " + why)}");
        return null;
    }

    private static Expression Negate(Expression e) => new UnaryExpression(UnaryOperator.Negate, e, e.Span);

    private static Expression Scale(Expression k, Expression e) => new BinaryExpression(BinaryOperator.Multiply, k, e, e.Span);

    private static Expression Number(double value, TextSpan span) =>
        new LiteralExpression(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), value, false, null, span);
}
