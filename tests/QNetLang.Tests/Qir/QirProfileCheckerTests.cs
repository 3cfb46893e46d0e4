using QNetLang.Backends.Qir;
using QNetLang.Core;
using QNetLang.Compiler.Commands;

namespace QNetLang.Tests.Qir;

/// <summary>
/// The profile checker on hand-written modules: each negative module breaks exactly one
/// profile rule, which must give its own code. These tests need no external tool; that every
/// module here is valid LLVM (so the checker is tested on real QIR) is checked separately,
/// with LLVM 19, by <see cref="QirCheckerInputsTests"/> over <see cref="InputModules"/>.
/// </summary>
public class QirProfileCheckerTests
{
    private const string Flags = """
        !llvm.module.flags = !{!0, !1, !2, !3}

        !0 = !{i32 1, !"qir_major_version", i32 2}
        !1 = !{i32 7, !"qir_minor_version", i32 0}
        !2 = !{i32 1, !"dynamic_qubit_management", i1 false}
        !3 = !{i32 1, !"dynamic_result_management", i1 false}
        """;

    private static string Module(string profile, int qubits, int results, string body, string extraFlags = "", string flagList = "!0, !1, !2, !3") => $$"""
        @0 = internal constant [3 x i8] c"c0\00"

        define i64 @main() #0 {
        entry:
          call void @__quantum__rt__initialize(ptr null)
        {{body}}
        }

        declare void @__quantum__rt__initialize(ptr)
        declare void @__quantum__qis__h__body(ptr)
        declare void @__quantum__qis__x__body(ptr)
        declare void @__quantum__qis__mz__body(ptr, ptr writeonly) #1
        declare i1 @__quantum__rt__read_result(ptr readonly)
        declare void @__quantum__rt__result_record_output(ptr, ptr)

        attributes #0 = { "entry_point" "output_labeling_schema"="test" "qir_profiles"="{{profile}}" "required_num_qubits"="{{qubits}}" "required_num_results"="{{results}}" }
        attributes #1 = { "irreversible" }

        {{Flags.Replace("!0, !1, !2, !3", flagList, StringComparison.Ordinal)}}
        {{extraFlags}}
        """;

    private const string BaseBody = """
          call void @__quantum__qis__h__body(ptr null)
          call void @__quantum__qis__mz__body(ptr null, ptr null)
          call void @__quantum__rt__result_record_output(ptr null, ptr @0)
          ret i64 0
        """;

    private const string LoopBody = """
          br label %loop
        loop:
          call void @__quantum__qis__h__body(ptr null)
          call void @__quantum__qis__mz__body(ptr null, ptr null)
          %r = call i1 @__quantum__rt__read_result(ptr null)
          br i1 %r, label %loop, label %done
        done:
          call void @__quantum__rt__result_record_output(ptr null, ptr @0)
          ret i64 0
        """;

    private const string IntegerBody = """
          call void @__quantum__qis__mz__body(ptr null, ptr null)
          %r = call i1 @__quantum__rt__read_result(ptr null)
          %n = zext i1 %r to i64
          %c = icmp eq i64 %n, 1
          br i1 %c, label %then, label %done
        then:
          call void @__quantum__qis__x__body(ptr inttoptr (i64 1 to ptr))
          br label %done
        done:
          call void @__quantum__rt__result_record_output(ptr null, ptr @0)
          ret i64 0
        """;

    private const string MeasureThenXBody = """
          call void @__quantum__qis__mz__body(ptr null, ptr null)
          call void @__quantum__qis__x__body(ptr null)
          ret i64 0
        """;

    private const string FeedForwardBody = """
          call void @__quantum__qis__mz__body(ptr null, ptr null)
          %r = call i1 @__quantum__rt__read_result(ptr null)
          br i1 %r, label %then, label %done
        then:
          call void @__quantum__qis__x__body(ptr inttoptr (i64 1 to ptr))
          br label %done
        done:
          ret i64 0
        """;

    private const string BackwardsFlag = "!4 = !{i32 1, !\"backwards_branching\", i2 3}";
    private const string IntegerFlag = "!4 = !{i32 1, !\"int_computations\", !\"i64\"}";
    private const string FiveFlags = "!0, !1, !2, !3, !4";

    /// <summary>Every module these tests give the checker, for the LLVM validity check.</summary>
    public static IEnumerable<object[]> InputModules() => new (string Name, string Text)[]
    {
        ("base", Module("base_profile", 1, 1, BaseBody)),
        ("backward branch", Module("adaptive_profile", 1, 1, LoopBody)),
        ("backward branch declared", Module("adaptive_profile", 1, 1, LoopBody, BackwardsFlag, FiveFlags)),
        ("integers", Module("adaptive_profile", 2, 1, IntegerBody)),
        ("integers declared", Module("adaptive_profile", 2, 1, IntegerBody, IntegerFlag, FiveFlags)),
        ("unused capability", Module("adaptive_profile", 1, 1, BaseBody, IntegerFlag, FiveFlags)),
        ("qubit out of range", Module("base_profile", 2, 1, "  call void @__quantum__qis__h__body(ptr inttoptr (i64 2 to ptr))\n  ret i64 0")),
        ("result out of range", Module("base_profile", 2, 1, "  call void @__quantum__qis__mz__body(ptr null, ptr inttoptr (i64 1 to ptr))\n  ret i64 0")),
        ("use after measurement, base", Module("base_profile", 1, 1, MeasureThenXBody)),
        ("use after measurement, adaptive", Module("adaptive_profile", 1, 1, MeasureThenXBody)),
        ("feed-forward, base", Module("base_profile", 2, 1, FeedForwardBody)),
        ("feed-forward, adaptive", Module("adaptive_profile", 2, 1, FeedForwardBody)),
        ("missing flag", Module("base_profile", 1, 1, BaseBody, flagList: "!0, !1, !2")),
    }.Select(m => new object[] { m.Name, m.Text });

    /// <summary>The checker alone: no external tool.</summary>
    private static IReadOnlyList<Diagnostic> Check(string text) => QirProfileChecker.Check(new SourceText("test.ll", text));

    private static Diagnostic Single(string text) => Assert.Single(Check(text));

    [Fact]
    public void ABaseProfileModuleConforms() => Assert.Empty(Check(Module("base_profile", 1, 1, BaseBody)));

    [Fact]
    public void ABackwardBranchIsReported()
    {
        var d = Single(Module("adaptive_profile", 1, 1, LoopBody));
        Assert.Equal("QN4203", d.Code);
        Assert.StartsWith("test.ll(11,3): error QN4203:", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ABackwardBranchIsAllowedWhenDeclared() =>
        Assert.Empty(Check(Module("adaptive_profile", 1, 1, LoopBody, "!4 = !{i32 1, !\"backwards_branching\", i2 3}", "!0, !1, !2, !3, !4")));

    [Fact]
    public void IntegerComputationWithoutItsFlagIsAnUndeclaredCapability()
    {
        var diagnostics = Check(Module("adaptive_profile", 2, 1, IntegerBody));
        Assert.Equal(["QN4204", "QN4204"], diagnostics.Select(d => d.Code));
        Assert.Contains("'int_computations'", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Empty(Check(Module("adaptive_profile", 2, 1, IntegerBody, "!4 = !{i32 1, !\"int_computations\", !\"i64\"}", "!0, !1, !2, !3, !4")));
    }

    /// <summary>A declared but unused capability is only a warning: the QDK and the QIR specification's own example declare some they do not use.</summary>
    [Theory]
    [InlineData("adaptive_profile")]
    [InlineData("base_profile")]
    public void ADeclaredCapabilityThatIsNotUsedIsAWarning(string profile)
    {
        var d = Single(Module(profile, 1, 1, BaseBody, "!4 = !{i32 1, !\"int_computations\", !\"i64\"}", "!0, !1, !2, !3, !4"));
        Assert.Equal("QN4207", d.Code);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("call void @__quantum__qis__h__body(ptr inttoptr (i64 2 to ptr))", "qubit 2 is out of range")]
    [InlineData("call void @__quantum__qis__mz__body(ptr null, ptr inttoptr (i64 1 to ptr))", "result 1 is out of range")]
    public void AnIndexOutOfRangeIsReported(string call, string message)
    {
        var d = Single(Module("base_profile", 2, 1, "  " + call + "\n  ret i64 0"));
        Assert.Equal("QN4205", d.Code);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsingAQubitAfterMeasurementIsReportedInTheBaseProfileOnly()
    {
        Assert.Equal("QN4206", Single(Module("base_profile", 1, 1, MeasureThenXBody)).Code);
        Assert.Empty(Check(Module("adaptive_profile", 1, 1, MeasureThenXBody)));
    }

    [Fact]
    public void FeedForwardIsNotAllowedInTheBaseProfile()
    {
        var diagnostics = Check(Module("base_profile", 2, 1, FeedForwardBody));
        Assert.Equal(["QN4202", "QN4202"], diagnostics.Select(d => d.Code));
        Assert.Empty(Check(Module("adaptive_profile", 2, 1, FeedForwardBody)));
    }

    [Fact]
    public void AMissingRequiredFlagIsMalformed() =>
        Assert.Equal("QN4201", Single(Module("base_profile", 1, 1, BaseBody, flagList: "!0, !1, !2")).Code);

    [Fact]
    public void TheCommandPrintsDiagnosticsAndSetsTheExitCode()
    {
        string ok = Path.Combine(Path.GetTempPath(), $"qnl-ok-{Guid.NewGuid():N}.ll");
        string bad = Path.Combine(Path.GetTempPath(), $"qnl-bad-{Guid.NewGuid():N}.ll");
        File.WriteAllText(ok, Module("base_profile", 1, 1, BaseBody));
        File.WriteAllText(bad, Module("adaptive_profile", 1, 1, LoopBody));
        try
        {
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            Assert.Equal(0, VerifyQir.Run(ok, stdout, stderr));
            Assert.Equal("", stderr.ToString());
            Assert.Equal(1, VerifyQir.Run(bad, stdout, stderr));
            Assert.StartsWith($"{bad}(11,3): error QN4203: ", stderr.ToString(), StringComparison.Ordinal);
            Assert.Equal(1, VerifyQir.Run(bad + ".missing", stdout, new StringWriter()));
        }
        finally
        {
            File.Delete(ok);
            File.Delete(bad);
        }
    }
}

/// <summary>The complete module in docs/qir.md conforms to its profile (its LLVM validity: <see cref="QirCheckerInputsTests"/>).</summary>
public class QirDocumentationTests
{
    [Fact]
    public void TheDocumentedModuleConforms() => Assert.Empty(QirProfileChecker.Check(new SourceText("docs/qir.md", DocumentedModule())));

    /// <summary>The module in docs/qir.md's first ```llvm block.</summary>
    public static string DocumentedModule()
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Docs, "qir.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = doc.IndexOf("```llvm\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/qir.md has no ```llvm block");
        start += "```llvm\n".Length;
        return doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
