namespace QNetLang.Tests;

/// <summary>Locates the repository (the folder with QNetLang.sln) from the test binary.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Cases => Path.Combine(Root, "tests", "cases");

    public static string Examples => Path.Combine(Root, "examples");

    public static string Docs => Path.Combine(Root, "docs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QNetLang.sln"))) return dir.FullName;
        throw new InvalidOperationException("QNetLang.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every case file of a stage folder, as paths relative to tests/cases (stable test names).</summary>
    public static IEnumerable<object[]> CaseFiles(string stage, params string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(Cases, stage))
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetRelativePath(Cases, f).Replace('\\', '/') });
}
