using QNetLang.Compiler;
using QNetLang.Ir;

namespace QNetLang.Simulation.Tests;

/// <summary>Compiles QNetLang source text (written to a temporary file) and locates the repository.</summary>
public static class TestSupport
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QNetLang.sln"))) return dir.FullName;
        throw new InvalidOperationException("QNetLang.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Compiles through the whole pipeline, as `qnlc run` does, and returns the distributed program
    /// the simulator executes; <paramref name="extension"/> ".qasm" reads the text as OpenQASM.
    /// </summary>
    public static DistributedProgram Compile(string source, string extension = ".qn", CompilationOptions? options = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), "qnl-sim-tests");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, source);
        try
        {
            return CompileFile(path, options);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static DistributedProgram CompileFile(string path, CompilationOptions? options = null)
    {
        var result = QnCompiler.Compile(path, options ?? new CompilationOptions());
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        return Assert.Single(result.Distributed).Program!;
    }

    public static Ir.Network CompileNetwork(string source)
    {
        string dir = Path.Combine(Path.GetTempPath(), "qnl-sim-tests");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".qn");
        File.WriteAllText(path, source);
        try
        {
            var result = QnCompiler.Compile(path, new CompilationOptions { RequireProgram = false });
            Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
            return Assert.Single(result.Networks);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static RunResult Run(DistributedProgram circuit, int shots, long seed = 1, Engines.EngineKind engine = Engines.EngineKind.Auto)
    {
        var (result, diagnostics) = Simulator.Run(circuit, new RunOptions { Shots = shots, Seed = seed, Engine = engine });
        Assert.True(result is not null, string.Join("\n", diagnostics));
        return result!;
    }

    /// <summary>Shots whose count key satisfies <paramref name="predicate"/>.</summary>
    public static long Count(RunResult result, Func<string, bool> predicate) =>
        result.Counts.Where(c => predicate(c.Key)).Sum(c => c.Value);
}

/// <summary>
/// Tolerances from the number of samples, not guesses: an estimate must lie within
/// <see cref="Sigmas"/> standard errors of the expected value (a false alarm about once in
/// 1.7 million checks).
/// </summary>
public static class Statistics
{
    public const double Sigmas = 5;

    public static void AssertProportion(long hits, long n, double expected, string what)
    {
        double observed = hits / (double)n;
        double sigma = Math.Sqrt(Math.Max(expected * (1 - expected), 1e-12) / n);
        Assert.True(Math.Abs(observed - expected) <= Sigmas * sigma + 0.5 / n,
            $"{what}: observed {observed:G6} ({hits}/{n}), expected {expected:G6} ± {Sigmas * sigma:G3} ({Sigmas}σ)");
    }

    /// <summary>Two runs of <paramref name="n"/> samples each estimate the same proportion (pooled two-sample test).</summary>
    public static void AssertSameProportion(long hitsA, long hitsB, long n, string what)
    {
        double a = hitsA / (double)n, b = hitsB / (double)n, pooled = (a + b) / 2;
        double sigma = Math.Sqrt(Math.Max(pooled * (1 - pooled), 1e-12) * 2 / n);
        Assert.True(Math.Abs(a - b) <= Sigmas * sigma + 1.0 / n,
            $"{what}: {a:G6} ({hitsA}/{n}) against {b:G6} ({hitsB}/{n}), allowed difference {Sigmas * sigma:G3} ({Sigmas}σ)");
    }

    public static void AssertMean(IReadOnlyCollection<double> samples, double expected, string what)
    {
        double mean = samples.Average();
        double variance = samples.Sum(x => (x - mean) * (x - mean)) / (samples.Count - 1);
        double error = Math.Sqrt(variance / samples.Count);
        Assert.True(Math.Abs(mean - expected) <= Sigmas * error,
            $"{what}: mean {mean:G6} over {samples.Count} samples, expected {expected:G6} ± {Sigmas * error:G3} ({Sigmas} standard errors)");
    }

    /// <summary>Binary entropy h(x) in bits.</summary>
    public static double H2(double x) => x <= 0 || x >= 1 ? 0 : -x * Math.Log2(x) - (1 - x) * Math.Log2(1 - x);
}
