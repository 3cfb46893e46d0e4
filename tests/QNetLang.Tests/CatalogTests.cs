using QNetLang.Core;

namespace QNetLang.Tests;

/// <summary>The diagnostics table, its documentation and its golden cases agree.</summary>
public class CatalogTests
{
    [Fact]
    public void CodesAreUniqueAndWellFormed()
    {
        var codes = Diagnostics.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches(@"^QN[0-4]\d{3}$", c));
    }

    [Fact]
    public void EveryCodeIsDocumented()
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Docs, "diagnostics.md"));
        foreach (var d in Diagnostics.All)
            Assert.True(doc.Contains($"### {d.Code} — {d.Title}", StringComparison.Ordinal), $"docs/diagnostics.md lacks '### {d.Code} — {d.Title}'");
    }

    /// <summary>
    /// Every loading, syntax and semantic code has a golden case (QN1008, a 32 MiB file, is
    /// tested by <see cref="LoaderTests"/>); command-line and output codes are covered by
    /// <see cref="CliTests"/>.
    /// </summary>
    [Fact]
    public void EveryCodeHasAGoldenCase()
    {
        var cases = Directory.GetFiles(Path.Combine(RepoPaths.Cases, "diagnostics")).Select(Path.GetFileName).ToList();
        foreach (var d in Diagnostics.All.Where(d => d.Code[2] is '1' or '2' && d.Code != Diagnostics.FileTooLarge.Code))
            Assert.True(cases.Any(c => c!.StartsWith(d.Code, StringComparison.Ordinal) && c.Contains(".expected.", StringComparison.Ordinal)), $"no golden case for {d.Code}");
    }
}
