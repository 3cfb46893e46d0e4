using System.Globalization;
using System.Text;
using CsCheck;
using QNetLang.Core;
using QNetLang.Syntax.Qasm;

namespace QNetLang.Tests.Qasm3;

/// <summary>
/// The hand-written flat OpenQASM reader against the ANTLR front end, the reference: wherever the
/// flat reader takes a file, ANTLR must read it without a single diagnostic and build the same
/// AST, every span included; wherever it does not, <see cref="QasmSyntax.Parse"/> is ANTLR's
/// result, so diagnostics are unchanged.
/// </summary>
public class FlatQasmReaderTests
{
    /// <summary>Every OpenQASM file of the repository: test cases, cross-check circuits and the vendored QASMBench circuits.</summary>
    public static IEnumerable<object[]> QasmFiles() =>
        new[] { "tests/cases", "tests/crosscheck/circuits", "bench" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.qasm", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(QasmFiles))]
    public void FlatReaderBuildsTheAntlrAstOrDeclines(string relativePath)
    {
        var source = new SourceText(relativePath, File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)));
        bool flat = AgreesWithAntlr(source, withPrelude: true);
        // The circuits exporters write must take the fast path (the benchmark circuits are QASMBench's own files).
        if (relativePath.StartsWith("bench/", StringComparison.Ordinal) || relativePath.StartsWith("tests/crosscheck/", StringComparison.Ordinal))
            Assert.True(flat, $"{relativePath} was not read by the flat reader");
    }

    /// <summary>Borders of the subset, each taken (and then equal to ANTLR's AST) or declined as stated.</summary>
    [Theory]
    [InlineData("2.0", "qreg q[2]; h q[0]; // trailing comment without a line break", true)]
    [InlineData("3", "qubit q; qreg r; bit b = measure q; b = measure r;", true)]
    [InlineData("3.0", "qubit[2] q; bit[2] c; c = measure q; c[1] = measure q[0]; measure q[1];", true)]
    [InlineData("2.0", "qreg q[2]; creg c[2]; measure q -> c; measure q[0] -> c[1]; reset q; barrier; barrier q, q[1];", true)]
    [InlineData("2.0", "qreg q[1_0]; rz(1e5) q[1_0]; rz(1.e5) q; rz(.5e-3) q; rz(5.) q; rz(1E+2) q;", true)]
    [InlineData("2.0", "qreg q[2]; rz(2 ** -1 * 3) q; rz(-2 ** 2) q; rz(2 ^ 3 ^ 2) q; rz(a ** b ** c) q; rz(-(-(1))) q;", true)]
    [InlineData("3", "qubit[2] q; rz(2 ^ 3) q; rz(7 % 2 - +1) q; rz(sin(pi / 2), sqrt(2), theta[0]) q; h q[(1)]; h q[1 + 0]; h q[2 * 0];", true)]
    [InlineData("2.0", "gate g() a { } gate h2(t) a, b { rz(t) a; barrier a, b; cx a, b; } qreg q[2]; g q[0]; h2(0.5) q[0], q[1];", true)]
    [InlineData("2.0", "gate nop a { } qreg q[1]; nop q[0]; U(0, 0, 0) q[0]; CX q[0], q[0];", true)]
    [InlineData("2.0", "qreg q[1]; cu3(1, 2, 3) q[0], q[0]; c4x q[0], q[0], q[0], q[0], q[0]; include \"qelib1.inc\";", true)]
    [InlineData("3", "pragma q;\nqubit q;", false)]
    [InlineData("3", "#pragma q;\nqubit q;", false)]
    [InlineData("2.0", "qreg q[2]; h q[-1];", false)]
    [InlineData("2.0", "qreg q[2]; rz(0x1F) q;", false)]
    [InlineData("2.0", "qreg q[2]; rz(1__0) q;", false)]
    [InlineData("3", "qubit[2] q; rz(π) q;", false)]
    [InlineData("3", "qubit[2] q; rz(θ) q;", false)]
    [InlineData("2.0", "qreg q[2]; nop q;", false)]
    [InlineData("2.0", "qreg q[2]; h q[0]; /* unterminated", false)]
    [InlineData("2.0", "qreg q[2]; h q[0:1];", false)]
    [InlineData("3", "qubit[2] q; ctrl @ x q[0], q[1];", false)]
    [InlineData("3", "qubit[2] q; if (c == 1) x q[0];", false)]
    [InlineData("3", "qubit[2] q; let a = q;", false)]
    [InlineData("2.0", "include \"other.inc\"; qreg q[1];", false)]
    [InlineData("2.1", "qreg q[1];", false)]
    [InlineData("3", "qubit[2] q; f(1);", false)]
    [InlineData("3", "qubit[2] q; h q[0]", false)]
    [InlineData("3", "qubit[2] q;; h q[0];", false)]
    [InlineData("3", "qubit[2] q; { h q[0]; }", false)]
    [InlineData("3", "qubit[2] q; h $0;", false)]
    [InlineData("3", "qubit[2] q; rz(1 == 1) q;", false)]
    [InlineData("3", "qubit[2] q; rz(++1) q;", false)]
    public void SubsetBorders(string version, string body, bool flat)
    {
        var source = new SourceText("border.qasm", $"OPENQASM {version};\n{body}\n");
        Assert.Equal(flat, AgreesWithAntlr(source, withPrelude: true));
    }

    [Fact]
    public void Qelib1PreludeReadsAlike()
    {
        Assert.True(AgreesWithAntlr(new SourceText("qelib1.inc", Qelib1Prelude.Text), withPrelude: false));
    }

    [Fact]
    public void DiagnosticsComeFromAntlrUnchanged()
    {
        // A flat file with one construct past the subset (a stray character at the end): the
        // whole file goes to ANTLR, whose message is the only one.
        const string text = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0], q[1];\n$\n";
        var source = new SourceText("stray.qasm", text);
        Assert.Null(FlatQasmReader.TryRead(source, withPrelude: true));
        var viaParse = new DiagnosticBag();
        var viaAntlr = new DiagnosticBag();
        QasmSyntax.Parse(source, viaParse);
        QasmSyntax.ParseWithAntlr(source, viaAntlr);
        Assert.NotEmpty(viaAntlr.Items);
        Assert.Equal(viaAntlr.Items.Select(d => d.ToString()), viaParse.Items.Select(d => d.ToString()));
    }

    [Fact]
    public void RandomFlatProgramsReadAlike()
    {
        Gen.Int.Sample(seed =>
        {
            string text = FlatProgram(new Random(seed));
            Assert.True(AgreesWithAntlr(new SourceText("random.qasm", text), withPrelude: true), "the flat reader declined a flat program:\n" + text);
        }, iter: 400);
    }

    /// <summary>
    /// Random edits of flat programs (characters and tokens that border on the subset: `_`, `.`,
    /// `e`, `->`, `==`, comments, slices, keywords, non-ASCII letters): whatever the flat reader
    /// still takes, ANTLR must read without a diagnostic into the same AST.
    /// </summary>
    [Fact]
    public void MutatedProgramsReadAlikeOrFallBack()
    {
        string[] vocabulary =
        [
            "_", ".", "e", "E", "-", ">", "=", "==", "+", "*", "**", "/", "/*", "*/", "//", "\n", " ", "\"", "'", "[", "]", "(", ")",
            "{", "}", ";", ",", ":", "0", "1", "1_0", "0x1", "1e5", "π", "θ", "$0", "@", "#", "pragma ", "measure", "bit", "in",
            "gate", "qubit", "OPENQASM", "include", "ctrl @", "let", "if", "^", "%", "~", "!", "nop", "pi", "q", "c",
        ];
        var gen = Gen.Select(Gen.Int, Gen.Int[1, 4]);
        gen.Sample((seed, edits) =>
        {
            var random = new Random(seed);
            var text = new StringBuilder(FlatProgram(random));
            for (int e = 0; e < edits; e++)
            {
                int at = random.Next(text.Length + 1);
                switch (random.Next(3))
                {
                    case 0: text.Insert(at, vocabulary[random.Next(vocabulary.Length)]); break;
                    case 1: text.Remove(Math.Min(at, text.Length - 1), Math.Min(random.Next(1, 4), text.Length - Math.Min(at, text.Length - 1))); break;
                    default: text.Insert(at, text.ToString(random.Next(text.Length), 1)); break;
                }
            }
            AgreesWithAntlr(new SourceText("mutated.qasm", text.ToString()), withPrelude: true);
        }, iter: 1500);
    }

    /// <summary>True when the flat reader took the file (and then agrees with ANTLR); false when it declined.</summary>
    private static bool AgreesWithAntlr(SourceText source, bool withPrelude)
    {
        var flat = FlatQasmReader.TryRead(source, withPrelude);
        var diagnostics = new DiagnosticBag();
        var reference = QasmSyntax.ParseWithAntlr(source, diagnostics, withPrelude);
        if (flat is null) return false;
        Assert.True(diagnostics.Items.Count == 0,
            $"the flat reader took a file ANTLR reports on: {string.Join("; ", diagnostics.Items)}\n{source.Text}");
        Assert.NotNull(reference);
        Assert.Equal(AstSpanDump.Dump(reference), AstSpanDump.Dump(flat));
        return true;
    }

    private static readonly string[] GateNames = ["h", "x", "cx", "cz", "u3", "rz", "U", "CX", "cu3", "csx", "rccx", "c3x", "u0", "sx", "swap", "ccx", "my_gate", "g2"];

    /// <summary>A random flat program: header, includes, declarations, gate definitions, calls, measurements, with random layout and comments.</summary>
    public static string FlatProgram(Random random)
    {
        var w = new ProgramWriter(random);
        string version = random.Next(3) switch { 0 => "2.0", 1 => "3.0", _ => "3" };
        bool v2 = version == "2.0";
        w.Tokens("OPENQASM", version, ";");
        w.Line();
        if (random.Next(4) > 0) w.Tokens("include", random.Next(2) == 0 ? "\"qelib1.inc\"" : "'stdgates.inc'", ";");
        w.Line();
        if (v2 || random.Next(2) == 0)
        {
            w.Tokens("qreg", "q", "[", "5", "]", ";");
            w.Tokens("creg", "c", "[", "5", "]", ";");
        }
        else
        {
            w.Tokens("qubit", "[", "5", "]", "q", ";");
            w.Tokens("bit", "[", "5", "]", "c", ";");
            if (random.Next(2) == 0) w.Tokens("qubit", "r", ";");
            if (random.Next(2) == 0) w.Tokens("bit", "b", "=", "measure", "q", "[", "1", "]", ";");
        }
        w.Line();
        if (random.Next(2) == 0)
        {
            w.Tokens("gate", "my_gate");
            if (random.Next(3) > 0) w.Tokens("(", "theta", ",", "phi", ")");
            else if (random.Next(2) == 0) w.Tokens("(", ")");
            w.Tokens("a", ",", "b", "{");
            for (int i = random.Next(4); i > 0; i--)
            {
                if (random.Next(4) == 0) w.Tokens("barrier", "a", ",", "b", ";");
                else
                {
                    w.Tokens("rz", "(");
                    w.Expression(2, ["theta", "phi", "pi"]);
                    w.Tokens(")", random.Next(2) == 0 ? "a" : "b", ";");
                }
            }
            w.Tokens("}");
            w.Line();
        }
        for (int s = random.Next(1, 25); s > 0; s--)
        {
            switch (random.Next(10))
            {
                case 0:
                    w.Tokens("measure");
                    w.Operand("q");
                    if (random.Next(3) > 0)
                    {
                        w.Tokens("->");
                        w.Operand("c");
                    }
                    w.Tokens(";");
                    break;
                case 1 when !v2:
                    w.Operand("c");
                    w.Tokens("=", "measure");
                    w.Operand("q");
                    w.Tokens(";");
                    break;
                case 2:
                    w.Tokens("reset");
                    w.Operand("q");
                    w.Tokens(";");
                    break;
                case 3:
                    w.Tokens("barrier");
                    for (int i = random.Next(4); i > 0; i--)
                    {
                        w.Operand("q");
                        if (i > 1) w.Tokens(",");
                    }
                    w.Tokens(";");
                    break;
                default:
                    w.Tokens(GateNames[random.Next(GateNames.Length)]);
                    int arguments = random.Next(4);
                    if (arguments > 0 || random.Next(5) == 0)
                    {
                        w.Tokens("(");
                        for (int i = 0; i < arguments; i++)
                        {
                            if (i > 0) w.Tokens(",");
                            w.Expression(3, ["pi", "tau", "x"]);
                        }
                        w.Tokens(")");
                    }
                    for (int i = random.Next(1, 4); i > 0; i--)
                    {
                        w.Operand("q");
                        if (i > 1) w.Tokens(",");
                    }
                    w.Tokens(";");
                    break;
            }
            w.Line();
        }
        return w.ToString();
    }

    /// <summary>Writes tokens with random layout: spaces, tabs, line breaks and comments between them.</summary>
    private sealed class ProgramWriter(Random random)
    {
        private readonly StringBuilder _text = new();

        public void Tokens(params string[] tokens)
        {
            foreach (string token in tokens)
            {
                _text.Append(token);
                // No space only after brackets and separators: words, numbers and operators
                // (`+` `+` would be `++`) must stay apart.
                bool glued = token[^1] is '(' or ')' or '[' or ']' or '{' or '}' or ',' or ';';
                _text.Append(random.Next(12) switch
                {
                    0 when glued => "",
                    1 => "\t",
                    2 => "\r\n",
                    3 => " /* note * / */ ",
                    4 => " // a comment\n",
                    5 => "\f",
                    _ => " ",
                });
            }
        }

        public void Line() => _text.Append(random.Next(3) == 0 ? "\n\n" : "\n");

        public void Operand(string register)
        {
            if (random.Next(6) == 0)
            {
                Tokens(register);
                return;
            }
            Tokens(register, "[");
            string Index() => random.Next(5).ToString(CultureInfo.InvariantCulture);
            // A constant index that is not negative (a negative one counts from the end, which the
            // ANTLR builder resolves against the register, so the flat reader leaves it to it).
            switch (random.Next(8))
            {
                case 0: Tokens("(", Index(), ")"); break;
                case 1: Tokens(Index(), random.Next(2) == 0 ? "+" : "*", Index()); break;
                default: Tokens(Index()); break;
            }
            Tokens("]");
        }

        /// <summary>A random constant expression over numbers in every form the lexer knows and the given names.</summary>
        public void Expression(int depth, string[] names)
        {
            int choice = random.Next(depth <= 0 ? 2 : 9);
            switch (choice)
            {
                case 0:
                    Tokens(Number());
                    break;
                case 1:
                    Tokens(names.Length > 0 && random.Next(2) == 0 ? names[random.Next(names.Length)] : Number());
                    break;
                case 2:
                    Tokens(random.Next(2) == 0 ? "-" : "+");
                    Expression(depth - 1, names);
                    break;
                case 3:
                    Tokens("(");
                    Expression(depth - 1, names);
                    Tokens(")");
                    break;
                case 4:
                    Tokens(random.Next(2) == 0 ? "sin" : "sqrt", "(");
                    Expression(depth - 1, names);
                    Tokens(")");
                    break;
                default:
                    Expression(depth - 1, names);
                    Tokens(random.Next(7) switch { 0 => "+", 1 => "-", 2 => "*", 3 => "/", 4 => "%", 5 => "**", _ => "^" });
                    Expression(depth - 1, names);
                    break;
            }
        }

        private string Number() => random.Next(9) switch
        {
            0 => "0",
            1 => random.Next(100).ToString(CultureInfo.InvariantCulture),
            2 => "1_000",
            3 => ".5",
            4 => "5.",
            5 => "1e-3",
            6 => "2.5E+2",
            7 => "123456789012345678",
            _ => (random.NextDouble() * 10).ToString("R", CultureInfo.InvariantCulture),
        };

        public override string ToString() => _text.ToString();
    }
}
