using QNetLang.Backends.Qir;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Tests.Qir;

/// <summary>
/// Intrinsic names as the QDK and qir-runner define them: <c>__quantum__qis__NAME__body</c>, but
/// the adjoints of S and T are <c>__quantum__qis__s__adj</c> and <c>__quantum__qis__t__adj</c>
/// (no <c>__body</c>), in both QIR versions.
/// </summary>
public class QirIntrinsicNameTests
{
    [Theory]
    [InlineData("sdg", "__quantum__qis__s__adj")]
    [InlineData("tdg", "__quantum__qis__t__adj")]
    [InlineData("s", "__quantum__qis__s__body")]
    [InlineData("t", "__quantum__qis__t__body")]
    [InlineData("cx", "__quantum__qis__cx__body")]
    [InlineData("rz", "__quantum__qis__rz__body")]
    public void GatesUseTheQdkIntrinsicNames(string gate, string function) =>
        Assert.Equal(function, QirTemplates.GateFunction(GateCatalog.Get(gate).QirName!));

    [Theory]
    [InlineData(QirVersion.One)]
    [InlineData(QirVersion.Two)]
    public void AModuleWithTheAdjointsIsValid(QirVersion version)
    {
        var module = new QirModuleWriter(version);
        module.Block("entry");
        module.Instruction(QirTemplates.InitializeCall(version), QirTemplates.Initialize);
        module.Gate(GateCatalog.Get("sdg").QirName!, [], [0]);
        module.Gate(GateCatalog.Get("tdg").QirName!, [], [1]);
        module.Instruction(QirTemplates.MeasureInto(0, 0, version), QirTemplates.Measure);
        module.Instruction(QirTemplates.Record(0, module.AddLabel("c[0]"), version), QirTemplates.RecordResult);
        module.Instruction("ret i64 0");
        string text = module.Write("main", QirProfile.Base, 2, 1);
        Assert.Contains("call void @__quantum__qis__s__adj(", text, StringComparison.Ordinal);
        Assert.Contains("declare void @__quantum__qis__t__adj(", text, StringComparison.Ordinal);
        Assert.DoesNotContain("adj__body", text, StringComparison.Ordinal);
        Assert.Equal("", LlvmTools.Validate(text));
        Assert.Empty(QirProfileChecker.Check(new SourceText("adj.ll", text)));
    }
}
