using QNetLang.Compiler;
using QNetLang.Ir;

namespace QNetLang.Cluster.Tests;

/// <summary>The repository's examples, compiled as `qnlc run` compiles them.</summary>
public static class TestPrograms
{
    public static string Root { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    public static DistributedProgram Compile(string example, IReadOnlyList<ParameterOverride>? overrides = null)
    {
        var result = QnCompiler.Compile(Example(example), new CompilationOptions { StopAfter = CompilerStage.Schedule, ParameterOverrides = overrides ?? [] });
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        return Assert.Single(result.Distributed).Program!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QNetLang.sln"))) return dir.FullName;
        throw new InvalidOperationException("QNetLang.sln not found above " + AppContext.BaseDirectory);
    }
}
