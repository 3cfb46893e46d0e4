using System.Text;
using System.Text.RegularExpressions;
using QNetLang.Compiler;

namespace QNetLang.Tests.Qir;

/// <summary>
/// An emitted Adaptive Profile module runs, and gives the simulator's outcome. Neither
/// qir-runner nor the QDK can be installed here (no Python package index; the npm qsharp-lang
/// package compiles Q# and OpenQASM but does not run a QIR module), so LLVM 19's own
/// interpreter (lli-19) runs the module, linked with a minimal runtime written below in LLVM IR
/// that holds each qubit as a classical bit: it implements x, mz, reset, read_result and the
/// output recording, which is exact for a program that only ever holds basis states. The
/// program (tests/cases/qir/execution/counter.qn) computes at run time with loops, branches,
/// signed and wrapping arithmetic, so the module's phi merges, loop-carried values and integer
/// semantics are all exercised; its outcome is deterministic, and both must agree on every bit.
/// </summary>
public class QirExecutionTests
{
    /// <summary>The runtime: qubits and results as bits in two arrays, records printed as "label value".</summary>
    private const string BasisStateRuntime = """

        @qnl.qubits = internal global [64 x i1] zeroinitializer
        @qnl.results = internal global [64 x i1] zeroinitializer
        @qnl.format = private constant [7 x i8] c"%s %d\0A\00"
        declare i32 @printf(ptr, ...)

        define void @__quantum__rt__initialize(ptr %unused) {
          store [64 x i1] zeroinitializer, ptr @qnl.qubits
          store [64 x i1] zeroinitializer, ptr @qnl.results
          ret void
        }
        define void @__quantum__qis__x__body(ptr %q) {
          %i = ptrtoint ptr %q to i64
          %a = getelementptr [64 x i1], ptr @qnl.qubits, i64 0, i64 %i
          %v = load i1, ptr %a
          %n = xor i1 %v, true
          store i1 %n, ptr %a
          ret void
        }
        define void @__quantum__qis__mz__body(ptr %q, ptr %r) {
          %i = ptrtoint ptr %q to i64
          %a = getelementptr [64 x i1], ptr @qnl.qubits, i64 0, i64 %i
          %v = load i1, ptr %a
          %j = ptrtoint ptr %r to i64
          %b = getelementptr [64 x i1], ptr @qnl.results, i64 0, i64 %j
          store i1 %v, ptr %b
          ret void
        }
        define void @__quantum__qis__reset__body(ptr %q) {
          %i = ptrtoint ptr %q to i64
          %a = getelementptr [64 x i1], ptr @qnl.qubits, i64 0, i64 %i
          store i1 false, ptr %a
          ret void
        }
        define i1 @__quantum__rt__read_result(ptr %r) {
          %j = ptrtoint ptr %r to i64
          %b = getelementptr [64 x i1], ptr @qnl.results, i64 0, i64 %j
          %v = load i1, ptr %b
          ret i1 %v
        }
        define void @__quantum__rt__result_record_output(ptr %r, ptr %label) {
          %v = call i1 @__quantum__rt__read_result(ptr %r)
          call void @__quantum__rt__bool_record_output(i1 %v, ptr %label)
          ret void
        }
        define void @__quantum__rt__bool_record_output(i1 %v, ptr %label) {
          %w = zext i1 %v to i32
          %p = call i32 (ptr, ...) @printf(ptr @qnl.format, ptr %label, i32 %w)
          ret void
        }
        define void @__quantum__rt__array_record_output(i64 %n, ptr %label) {
          ret void
        }
        define void @__quantum__rt__tuple_record_output(i64 %n, ptr %label) {
          ret void
        }
        """;

    [Fact]
    public void TheModuleRunByLlvmGivesTheSimulatorsOutcome()
    {
        string source = Path.Combine(RepoPaths.Cases, "qir", "execution", "counter.qn");
        var simulated = SimulatedBits(source);
        var result = QnCompiler.Compile(source, new CompilationOptions());
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var (_, module) = Assert.Single(Emitters.Produce(result, ["qir"]));
        Assert.Contains("!\"int_computations\"", module);
        Assert.Contains("!\"backwards_branching\"", module);
        var recorded = Run(module);
        Assert.Equal(simulated, recorded);
    }

    /// <summary>The module without the declarations the runtime defines, the runtime, and a main that calls the entry point.</summary>
    private static SortedDictionary<string, int> Run(string module)
    {
        string entry = Regex.Match(module, @"define i64 @(\S+)\(\)").Groups[1].Value;
        var defined = Regex.Matches(BasisStateRuntime, @"define \S+ @(\S+)\(").Select(m => m.Groups[1].Value).ToHashSet();
        var text = new StringBuilder();
        foreach (string line in module.Split('\n'))
        {
            var declared = Regex.Match(line, @"^declare \S+ @(\S+)\(");
            if (declared.Success && defined.Contains(declared.Groups[1].Value)) continue;
            text.Append(line).Append('\n');
        }
        text.Append(BasisStateRuntime).Append($"\ndefine i32 @main() {{\n  %code = call i64 @{entry}()\n  %exit = trunc i64 %code to i32\n  ret i32 %exit\n}}\n");
        var recorded = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in LlvmTools.Execute(text.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            recorded[parts[0]] = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        return recorded;
    }

    /// <summary>The one outcome of `qnlc run` as bit name → value (its columns name the registers, c[0] rightmost).</summary>
    private static SortedDictionary<string, int> SimulatedBits(string source)
    {
        var run = CliRunner.Invoke("run", source, "--shots", "32");
        Assert.Equal(0, run.ExitCode);
        var columns = Regex.Match(run.Stdout, @"columns: ([^)]*)\)").Groups[1].Value.Split(' ');
        var outcome = Regex.Match(run.Stdout, @"^\s*([01 ]+?)\s+32\s+100\.00 %", RegexOptions.Multiline);
        Assert.True(outcome.Success, "the program's outcome is deterministic:\n" + run.Stdout);
        var values = outcome.Groups[1].Value.Split(' ');
        Assert.Equal(columns.Length, values.Length);
        var bits = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < columns.Length; c++)
        {
            var register = Regex.Match(columns[c], @"^(\w+)\[(\d+)\.\.0\]$");
            if (!register.Success)
            {
                bits[columns[c]] = values[c][0] - '0';
                continue;
            }
            string name = register.Groups[1].Value;
            int top = int.Parse(register.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            for (int i = 0; i <= top; i++) bits[$"{name}[{i}]"] = values[c][top - i] - '0';
        }
        return bits;
    }
}
