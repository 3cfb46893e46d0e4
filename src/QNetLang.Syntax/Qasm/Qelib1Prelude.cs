using System.Collections.Frozen;
using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Syntax.Ast;

namespace QNetLang.Syntax.Qasm;

/// <summary>
/// The gates of qelib1.inc (OpenQASM 2.0's and the longer one Qiskit writes) that the gate
/// catalog does not hold, as OpenQASM 2 gate definitions. The importer adds the definition of
/// each one an OpenQASM 2 file calls and does not define itself, so the rest of the compiler
/// sees ordinary user gates and needs nothing new: the simulator, the distribution passes and
/// the emitters only ever meet catalog gates. Bodies call catalog gates only, so a user
/// definition of one prelude gate can never change another.
/// </summary>
/// <remarks>
/// The relative-phase Toffolis <c>rccx</c> and <c>rc3x</c> are defined by their qelib1.inc
/// circuits (their phases are whatever those circuits give). The multi-controlled gates are
/// exact: C^n P(λ) = cp(λ/2) on (last control, target), C^(n-1)X onto the last control,
/// cp(−λ/2), C^(n-1)X again, C^(n-1) P(λ/2) from the other controls — with C^kX = H·C^kP(π)·H,
/// unrolled down to catalog gates (cp, cx, ccx).
/// </remarks>
public static class Qelib1Prelude
{
    /// <summary>The prelude as OpenQASM 2 text (also what `docs/language.md` describes).</summary>
    public const string Text = """
        OPENQASM 2.0;
        // u0(gamma): an idle of gamma time units; a simulation without timing sees the identity.
        gate u0(gamma) q { id q; }
        // Controlled u3: cu without the extra phase on the control.
        gate cu3(theta, phi, lambda) c, t { cu(theta, phi, lambda, 0) c, t; }
        // Controlled sqrt(X): sqrt(X) = H S H.
        gate csx a, b { h b; cp(pi / 2) a, b; h b; }
        gate rccx a, b, c {
          u2(0, pi) c; u1(pi / 4) c; cx b, c; u1(-pi / 4) c; cx a, c;
          u1(pi / 4) c; cx b, c; u1(-pi / 4) c; u2(0, pi) c;
        }
        gate rc3x a, b, c, d {
          u2(0, pi) d; u1(pi / 4) d; cx c, d; u1(-pi / 4) d; u2(0, pi) d;
          cx a, d; u1(pi / 4) d; cx b, d; u1(-pi / 4) d; cx a, d;
          u1(pi / 4) d; cx b, d; u1(-pi / 4) d; u2(0, pi) d;
          u1(pi / 4) d; cx c, d; u1(-pi / 4) d; u2(0, pi) d;
        }
        // C3X = H · C3P(pi) · H on the target.
        gate c3x a, b, c, d {
          h d;
          cp(pi / 2) c, d; ccx a, b, c; cp(-pi / 2) c, d; ccx a, b, c;
          cp(pi / 4) b, d; cx a, b; cp(-pi / 4) b, d; cx a, b; cp(pi / 4) a, d;
          h d;
        }
        // C3(sqrt X) = H · C3P(pi/2) · H on the target.
        gate c3sqrtx a, b, c, d {
          h d;
          cp(pi / 4) c, d; ccx a, b, c; cp(-pi / 4) c, d; ccx a, b, c;
          cp(pi / 8) b, d; cx a, b; cp(-pi / 8) b, d; cx a, b; cp(pi / 8) a, d;
          h d;
        }
        // C4X = H · C4P(pi) · H: C4P(pi) = cp(pi/2) d,e · C3X(a,b,c→d) · cp(-pi/2) d,e · C3X(a,b,c→d) · C3P(pi/2)(a,b,c,e).
        gate c4x a, b, c, d, e {
          h e;
          cp(pi / 2) d, e;
          h d; cp(pi / 2) c, d; ccx a, b, c; cp(-pi / 2) c, d; ccx a, b, c; cp(pi / 4) b, d; cx a, b; cp(-pi / 4) b, d; cx a, b; cp(pi / 4) a, d; h d;
          cp(-pi / 2) d, e;
          h d; cp(pi / 2) c, d; ccx a, b, c; cp(-pi / 2) c, d; ccx a, b, c; cp(pi / 4) b, d; cx a, b; cp(-pi / 4) b, d; cx a, b; cp(pi / 4) a, d; h d;
          cp(pi / 4) c, e; ccx a, b, c; cp(-pi / 4) c, e; ccx a, b, c;
          cp(pi / 8) b, e; cx a, b; cp(-pi / 8) b, e; cx a, b; cp(pi / 8) a, e;
          h e;
        }
        """;

    private static readonly Lazy<FrozenDictionary<string, GateDefinition>> Parsed = new(Parse);

    /// <summary>The prelude's gate definitions by name, with the spans of the prelude text.</summary>
    public static IReadOnlyDictionary<string, GateDefinition> Gates => Parsed.Value;

    /// <summary>The names in prelude order, so that injected definitions come out in a fixed order.</summary>
    public static ImmutableArray<string> Names { get; } = ["u0", "cu3", "csx", "rccx", "rc3x", "c3x", "c3sqrtx", "c4x"];

    /// <summary>The definition of <paramref name="name"/> with every span moved to <paramref name="at"/> (a place in the user's file).</summary>
    public static GateDefinition DefinitionAt(string name, TextSpan at) => SpanRelocator.Relocate(Parsed.Value[name], at);

    /// <summary>
    /// The statements after the definitions of the prelude gates <paramref name="needed"/> selects,
    /// in prelude order. They carry the span of the qelib1.inc include (or an empty span at the
    /// start when there is none), so an operation inlined from one of them points at the library
    /// it came from. Both OpenQASM readers call this, so they add the same definitions.
    /// </summary>
    internal static ImmutableArray<Statement> Prepend(ImmutableArray<Statement> statements, Func<string, bool> needed, TextSpan? include)
    {
        var names = Names.Where(needed).ToList();
        if (names.Count == 0) return statements;
        var at = include ?? new TextSpan(0, 0);
        return [.. names.Select(n => (Statement)DefinitionAt(n, at)), .. statements];
    }

    private static FrozenDictionary<string, GateDefinition> Parse()
    {
        var diagnostics = new DiagnosticBag();
        var unit = QasmSyntax.Parse(new SourceText("qelib1.inc", Text), diagnostics, withPrelude: false);
        if (unit is null || diagnostics.Items.Count > 0)
            throw new InvalidOperationException("the built-in qelib1.inc prelude does not parse: " + string.Join("; ", diagnostics.Items));
        var gates = unit.Items.OfType<ProgramDeclaration>().Single().Body.OfType<GateDefinition>().ToFrozenDictionary(g => g.Name.Text, StringComparer.Ordinal);
        if (!gates.Keys.Order(StringComparer.Ordinal).SequenceEqual(Names.Order(StringComparer.Ordinal)))
            throw new InvalidOperationException("the qelib1.inc prelude and its list of names disagree");
        return gates;
    }
}
