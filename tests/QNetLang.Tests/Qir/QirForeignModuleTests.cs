using QNetLang.Backends.Qir;
using QNetLang.Core;

namespace QNetLang.Tests.Qir;

/// <summary>
/// QIR written by others (tests/cases/qir/foreign: the QIR specification's example modules and
/// the QDK's generated modules, typed and opaque pointers): LLVM 19 assembles each one and the
/// profile checker finds no error in it. Warnings (QN4207, a capability declared but not used)
/// are allowed. The same forms must still be rejected when they break the profile.
/// </summary>
public class QirForeignModuleTests
{
    private static string Foreign => Path.Combine(RepoPaths.Cases, "qir", "foreign");

    public static IEnumerable<object[]> Modules() =>
        Directory.EnumerateFiles(Foreign, "*.ll", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetRelativePath(Foreign, f) });

    [Fact]
    public void TheCorpusHoldsTheSpecificationExamplesAndQdkModules()
    {
        var names = Modules().Select(m => (string)m[0]).ToList();
        Assert.Contains("spec_base_profile.ll", names);
        Assert.Contains("spec_adaptive_profile.ll", names);
        Assert.True(names.Count(n => n.StartsWith("qdk", StringComparison.Ordinal)) >= 19, string.Join(", ", names));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void ForeignModulesAreAccepted(string name)
    {
        string text = File.ReadAllText(Path.Combine(Foreign, name));
        string llvm = LlvmTools.Validate(text);
        Assert.True(llvm.Length == 0, $"{name}: {llvm}");
        var errors = QirProfileChecker.Check(new SourceText(name, text)).Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, $"{name}:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void TheSpecificationsAdaptiveExampleOnlyWarnsAboutItsUnusedCapabilities()
    {
        string text = File.ReadAllText(Path.Combine(Foreign, "spec_adaptive_profile.ll"));
        var diagnostics = QirProfileChecker.Check(new SourceText("spec_adaptive_profile.ll", text));
        Assert.Equal(["QN4207", "QN4207"], diagnostics.Select(d => d.Code));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    private const string TypedFlags = """
        !llvm.module.flags = !{!0, !1, !2, !3}
        !0 = !{i32 1, !"qir_major_version", i32 1}
        !1 = !{i32 7, !"qir_minor_version", i32 0}
        !2 = !{i32 1, !"dynamic_qubit_management", i1 false}
        !3 = !{i32 1, !"dynamic_result_management", i1 false}
        """;

    private static string Typed(string profile, string body) => $$"""
        %Qubit = type opaque
        %Result = type opaque

        define void @main() local_unnamed_addr #0 {
        entry:
        {{body}}
          ret void
        }

        declare void @__quantum__qis__h__body(%Qubit*)
        declare void @__quantum__qis__mz__body(%Qubit*, %Result* writeonly) #1
        declare i1 @__quantum__qis__read_result__body(%Result*)
        declare void @__quantum__rt__result_record_output(%Result*, i8*)

        attributes #0 = { "entry_point" "output_labeling_schema" "qir_profiles"="{{profile}}" "required_num_qubits"="2" "required_num_results"="1" }
        attributes #1 = { "irreversible" }

        {{TypedFlags}}
        """;

    [Theory]
    [InlineData("  call void @__quantum__qis__h__body(%Qubit* inttoptr (i64 2 to %Qubit*))", "QN4205")]
    [InlineData("  call void @__quantum__qis__mz__body(%Qubit* null, %Result* writeonly inttoptr (i64 1 to %Result*))", "QN4205")]
    [InlineData("  call void @__quantum__qis__mz__body(%Qubit* null, %Result* null)\n  call void @__quantum__qis__h__body(%Qubit* null)", "QN4206")]
    [InlineData("  %r = call i1 @__quantum__qis__read_result__body(%Result* null)", "QN4202")]
    [InlineData("  %q = inttoptr i64 1 to %Qubit*\n  call void @__quantum__qis__h__body(%Qubit* %q)", "QN4202")]
    public void TypedPointerModulesThatBreakTheBaseProfileAreRejected(string body, string code)
    {
        string text = Typed("base_profile", body);
        Assert.Equal("", LlvmTools.Validate(text));
        Assert.Contains(code, QirProfileChecker.Check(new SourceText("typed.ll", text)).Where(d => d.IsError).Select(d => d.Code));
    }

    [Fact]
    public void AValidTypedPointerModuleIsAccepted()
    {
        string text = Typed("base_profile", "  call void @__quantum__qis__h__body(%Qubit* nonnull inttoptr (i64 1 to %Qubit*))\n  tail call void @__quantum__qis__mz__body(%Qubit* null, %Result* writeonly null)\n  call void @__quantum__rt__result_record_output(%Result* null, i8* null)");
        Assert.Equal("", LlvmTools.Validate(text));
        Assert.Empty(QirProfileChecker.Check(new SourceText("typed.ll", text)));
    }
}
