namespace QNetLang.Tests.Qir;

/// <summary>
/// The modules the profile checker is tested on, and the one in docs/qir.md, are valid LLVM:
/// llvm-as-19 and opt-19's verifier accept them. Kept apart from the checker's own tests so
/// that those run without any external tool; these need LLVM 19 (see the README).
/// </summary>
public class QirCheckerInputsTests
{
    [Theory]
    [MemberData(nameof(QirProfileCheckerTests.InputModules), MemberType = typeof(QirProfileCheckerTests))]
    public void IsValidLlvm(string name, string module)
    {
        string llvm = LlvmTools.Validate(module);
        Assert.True(llvm.Length == 0, $"{name}: {llvm}");
    }

    [Fact]
    public void TheDocumentedModuleIsValidLlvm()
    {
        string llvm = LlvmTools.Validate(QirDocumentationTests.DocumentedModule());
        Assert.True(llvm.Length == 0, llvm);
    }
}
