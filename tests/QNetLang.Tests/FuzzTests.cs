using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using QNetLang.Compiler;
using QNetLang.Ir;

namespace QNetLang.Tests;

/// <summary>
/// Random byte and token mutations of the examples must never make the compiler throw: every
/// outcome is either a valid circuit or at least one well-formed error diagnostic.
/// </summary>
public class FuzzTests : IDisposable
{
    private static readonly Regex DiagnosticFormat = new(@"^.+\(\d+,\d+\): (error|warning) QN\d{4}: \S.*$", RegexOptions.Singleline);
    private static readonly Regex TokenPattern = new(@"\w+|\s+|/\*|\*/|//|->|--|\.\.|==|!=|<=|>=|&&|\|\||\*\*|.", RegexOptions.Compiled);
    private static readonly string[] Vocabulary =
    [
        "network", "program", "on", "qpu", "repeater", "endnode", "link", "qubit", "bit", "int", "float", "angle",
        "const", "gate", "measure", "reset", "barrier", "for", "in", "if", "else", "at", "epr", "teleport", "send",
        "include", "{", "}", "[", "]", "(", ")", ";", ",", "..", "->", "--", "@", "=", "==", "!", "+", "-", "*", "/",
        "**", "%", "0", "1", "99999999999999999999", "1e400", "3.5", "km", "ms", "dB/km", "pi", "q", "alice", "\"x.qn\"",
        "/*", "\"", "\u00ff", "\0",
    ];

    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnlc-fuzz-" + Guid.NewGuid().ToString("N"));
    private readonly string[] _examples;

    public FuzzTests()
    {
        Directory.CreateDirectory(Path.Combine(_work, "networks"));
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Examples, "networks")))
            File.Copy(f, Path.Combine(_work, "networks", Path.GetFileName(f)));
        _examples = Directory.GetFiles(RepoPaths.Examples, "*.qn").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void ByteMutationsNeverThrow()
    {
        var gen = Gen.Select(Gen.Int[0, _examples.Length - 1], Gen.Int[1, 8], Gen.Int);
        gen.Sample((example, count, seed) =>
        {
            var random = new Random(seed);
            var bytes = Encoding.UTF8.GetBytes(_examples[example]).ToList();
            for (int m = 0; m < count && bytes.Count > 0; m++)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.Insert(at, (byte)random.Next(256)); break;
                    case 2: bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)); break;
                    default: bytes.InsertRange(at, bytes.Skip(random.Next(bytes.Count)).Take(random.Next(1, 60)).ToList()); break;
                }
            }
            CompileAndCheck(bytes.ToArray());
        }, iter: 300);
    }

    [Fact]
    public void TokenMutationsNeverThrow()
    {
        var gen = Gen.Select(Gen.Int[0, _examples.Length - 1], Gen.Int[1, 6], Gen.Int);
        gen.Sample((example, count, seed) =>
        {
            var random = new Random(seed);
            var tokens = TokenPattern.Matches(_examples[example]).Select(m => m.Value).ToList();
            for (int m = 0; m < count && tokens.Count > 0; m++)
            {
                int at = random.Next(tokens.Count);
                switch (random.Next(4))
                {
                    case 0: tokens.RemoveAt(at); break;
                    case 1: tokens.Insert(at, tokens[random.Next(tokens.Count)]); break;
                    case 2: tokens[at] = Vocabulary[random.Next(Vocabulary.Length)]; break;
                    default:
                        int other = random.Next(tokens.Count);
                        (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                        break;
                }
            }
            CompileAndCheck(Encoding.UTF8.GetBytes(string.Concat(tokens)));
        }, iter: 300);
    }

    private void CompileAndCheck(byte[] content)
    {
        // CsCheck runs samples in parallel: one file per sample.
        string path = Path.Combine(_work, Guid.NewGuid().ToString("N") + ".qn");
        File.WriteAllBytes(path, content);
        var result = QnCompiler.Compile(path, new CompilationOptions { RequireProgram = false, MaxOperations = 20_000 });
        foreach (var diagnostic in result.Diagnostics.Items)
            Assert.Matches(DiagnosticFormat, diagnostic.ToString());
        if (result.Success)
        {
            foreach (var circuit in result.Circuits) Assert.Empty(IrValidator.Validate(circuit));
            foreach (var program in result.Distributed) Assert.NotNull(program.Program);
            return;
        }
        // A failed compilation stops at the stage that failed (no later stage runs on bad
        // input) and every error points into a file of the compilation.
        Assert.NotEqual(CompilerStage.Emit, result.ReachedStage);
        Assert.DoesNotContain(result.Distributed, d => d.Program is not null);
        Assert.All(result.Diagnostics.Items.Where(d => d.IsError), d => Assert.NotNull(d.Location.Source));
    }
}
