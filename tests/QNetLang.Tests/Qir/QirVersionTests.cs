using QNetLang.Backends.Qir;
using QNetLang.Compiler;
using QNetLang.Core;

namespace QNetLang.Tests.Qir;

/// <summary>
/// <c>--qir-version 1</c>: QIR 1.0 with typed pointers (<c>%Qubit*</c>, <c>%Result*</c>,
/// <c>i8*</c> labels through <c>getelementptr</c>) and <c>qir_major_version</c> 1, for toolchains
/// on LLVM before opaque pointers. Every example's modules in that form assemble with LLVM 19,
/// pass the profile checker, and are the same program as the QIR 2.0 modules.
/// </summary>
[Collection("console")]
public class QirVersionTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnlc-qirv-" + Guid.NewGuid().ToString("N"));

    public QirVersionTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static SortedDictionary<string, string> Emit(string example, QirVersion version)
    {
        var result = QnCompiler.Compile(Path.Combine(RepoPaths.Examples, example), new CompilationOptions());
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        return Emitters.Produce(result, ["qir"], version);
    }

    [Theory]
    [MemberData(nameof(QirExampleTests.Examples), MemberType = typeof(QirExampleTests))]
    public void QirOneModulesPassLlvmAndTheProfileChecker(string example)
    {
        var typed = Emit(example, QirVersion.One);
        var opaque = Emit(example, QirVersion.Two);
        Assert.Equal(opaque.Keys, typed.Keys);
        foreach (var (name, text) in typed)
        {
            string llvm = LlvmTools.Validate(text);
            Assert.True(llvm.Length == 0, $"{name}: {llvm}");
            var diagnostics = QirProfileChecker.Check(new SourceText(name, text));
            Assert.True(diagnostics.Count == 0, $"{name}:\n{string.Join("\n", diagnostics)}");
            Assert.Contains("%Qubit = type opaque", text, StringComparison.Ordinal);
            Assert.Contains("!0 = !{i32 1, !\"qir_major_version\", i32 1}", text, StringComparison.Ordinal);
            // No opaque pointer type (inttoptr and getelementptr are instructions, not the type).
            Assert.DoesNotMatch(@"(?<![a-z])ptr\b", text);
            // The same calls in the same order: only the pointer types differ.
            static List<string> Callees(string module) =>
                [.. module.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("call ", StringComparison.Ordinal)).Select(l => l[l.IndexOf('@', StringComparison.Ordinal)..l.IndexOf('(', StringComparison.Ordinal)])];
            Assert.Equal(Callees(opaque[name]), Callees(text));
        }
    }

    [Fact]
    public void TheCommandLineWritesEitherVersionAndRejectsOthers()
    {
        string input = Path.Combine(RepoPaths.Examples, "teleportation.qn");
        string one = Path.Combine(_work, "one"), two = Path.Combine(_work, "two");
        Assert.Equal(0, CliRunner.Invoke("build", input, "-o", one, "--emit", "qir", "--qir-version", "1").ExitCode);
        Assert.Equal(0, CliRunner.Invoke("build", input, "-o", two, "--emit", "qir").ExitCode);
        string bob1 = File.ReadAllText(Path.Combine(one, "teleportation", "bob.ll"));
        string bob2 = File.ReadAllText(Path.Combine(two, "teleportation", "bob.ll"));
        Assert.Contains("QIR 1.0", bob1, StringComparison.Ordinal);
        Assert.Contains("%Result* readonly", bob1, StringComparison.Ordinal);
        Assert.Contains("QIR 2.0", bob2, StringComparison.Ordinal);
        Assert.Contains("\"qir_major_version\", i32 2}", bob2, StringComparison.Ordinal);
        var verify = CliRunner.Invoke("verify-qir", Path.Combine(one, "teleportation", "bob.ll"));
        Assert.Equal(0, verify.ExitCode);
        var bad = CliRunner.Invoke("build", input, "-o", Path.Combine(_work, "three"), "--emit", "qir", "--qir-version", "3");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--qir-version must be 1", bad.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work, "three")));
    }
}

/// <summary>
/// Output grouping: the node's recorded bits form an array per register (labelled with the
/// register's name, elements in order), a scalar bit is a single result, and several registers
/// are the items of one tuple labelled with the program's name.
/// </summary>
public class QirOutputGroupingTests
{
    [Fact]
    public void RegistersBecomeArraysInsideATuple()
    {
        var result = QnCompiler.Compile(Path.Combine(RepoPaths.Examples, "ghz_sensing.qn"), new CompilationOptions());
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        string alice = Emitters.Produce(result, ["qir"])["ghz_sensing/alice.ll"];
        var records = alice.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("_record_output(", StringComparison.Ordinal) && l.StartsWith("call", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "call void @__quantum__rt__tuple_record_output(i64 2, ptr @0)",
            "call void @__quantum__rt__array_record_output(i64 2, ptr @1)",
            "call void @__quantum__rt__result_record_output(ptr null, ptr @2)",
            "call void @__quantum__rt__result_record_output(ptr inttoptr (i64 1 to ptr), ptr @3)",
            "call void @__quantum__rt__array_record_output(i64 1, ptr @4)",
            "call void @__quantum__rt__result_record_output(ptr inttoptr (i64 2 to ptr), ptr @5)",
        ], records);
        Assert.Contains("@0 = internal constant [12 x i8] c\"ghz_sensing\\00\"", alice, StringComparison.Ordinal);
        Assert.Contains("@1 = internal constant [2 x i8] c\"f\\00\"", alice, StringComparison.Ordinal);
        Assert.Contains("@4 = internal constant [7 x i8] c\"parity\\00\"", alice, StringComparison.Ordinal);
    }

    [Fact]
    public void AScalarBitIsASingleResult()
    {
        var result = TestCompiler.Compile("lower/conditions.qn");
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var (_, text) = Assert.Single(Emitters.Produce(result, ["qir"]));
        // bit[3] c is an array of three; the scalar bit d is one result right after it, labelled "d".
        Assert.Contains("""
              call void @__quantum__rt__result_record_output(ptr inttoptr (i64 2 to ptr), ptr @4)
              call void @__quantum__rt__result_record_output(ptr inttoptr (i64 3 to ptr), ptr @5)
              ret i64 0
            """, text, StringComparison.Ordinal);
        Assert.Contains("@5 = internal constant [2 x i8] c\"d\\00\"", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l.Contains("call void @__quantum__rt__array_record_output", StringComparison.Ordinal));
    }
}
