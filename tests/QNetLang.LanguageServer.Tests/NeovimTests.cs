using System.Diagnostics;
using System.Text.RegularExpressions;

namespace QNetLang.LanguageServer.Tests;

/// <summary>A test that runs only where Neovim is installed (CI installs it); elsewhere it is reported as skipped.</summary>
public sealed class NeovimFactAttribute : FactAttribute
{
    public NeovimFactAttribute()
    {
        if (NeovimTests.Nvim() is null) Skip = "Neovim (nvim) is not installed";
    }
}

/// <summary>
/// The Neovim configuration in docs/editors.md, exactly as printed there, run by a real
/// headless Neovim against `qnlc lsp`: a file with a mistake gets the server's diagnostic.
/// The block for the installed version is used (0.7: vim.lsp.start_client, 0.8+: vim.lsp.start).
/// </summary>
public partial class NeovimTests : IDisposable
{
    private readonly TestDocuments _files = new();

    public void Dispose() => _files.Dispose();

    public static string? Nvim() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "nvim"))
            .FirstOrDefault(File.Exists);

    [NeovimFact]
    public async Task TheDocumentedConfigurationShowsDiagnostics()
    {
        string nvim = Nvim()!;
        var (major, minor) = await VersionAsync(nvim);
        string heading = major == 0 && minor < 8 ? "### Neovim 0.7" : "### Neovim 0.8";
        string config = LuaBlockUnder(heading);

        // `qnlc` on the PATH, as the documentation assumes: a wrapper around the built qnlc.dll.
        string bin = Directory.CreateDirectory(_files.Path("bin")).FullName;
        string wrapper = Path.Combine(bin, "qnlc");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec \"{dotnet}\" \"{Path.Combine(AppContext.BaseDirectory, "qnlc.dll")}\" \"$@\"\n");
        // The wrapper is a shell script; on Windows this test is skipped (no `nvim` file on the PATH).
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        string source = _files.Path("lab.qn");
        File.WriteAllText(source, TestDocuments.Lab.Replace("rz(theta) q[1];", "hh q[1];"));
        string result = _files.Path("diagnostics.txt");
        string harness = _files.Path("harness.lua");
        File.WriteAllText(harness, $$"""
            vim.cmd('edit ' .. vim.fn.fnameescape([[{{source}}]]))
            vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
            local lines = {}
            for _, d in ipairs(vim.diagnostic.get(0)) do
              local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
              table.insert(lines, string.format('%s %d:%d %s', code, d.lnum, d.col, d.message))
            end
            table.insert(lines, 'filetype=' .. vim.bo.filetype)
            vim.fn.writefile(lines, [[{{result}}]])
            vim.cmd('qa!')
            """);
        string init = _files.Path("init.lua");
        File.WriteAllText(init, config);

        var start = new ProcessStartInfo(nvim) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (string arg in new[] { "--headless", "-i", "NONE", "-n", "-u", init, "-c", "luafile " + harness }) start.ArgumentList.Add(arg);
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["XDG_STATE_HOME"] = _files.Path("state");
        start.Environment["XDG_DATA_HOME"] = _files.Path("data");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        Assert.True(File.Exists(result), $"Neovim wrote no result: {await stderr}{await stdout}");
        var lines = File.ReadAllLines(result);
        Assert.Contains("filetype=qnetlang", lines);
        var (line, character) = TestDocuments.Find(TestDocuments.Lab, "rz(theta) q[1];");
        Assert.Contains($"QN2003 {line}:{character} unknown gate 'hh'", lines);
    }

    private static async Task<(int Major, int Minor)> VersionAsync(string nvim)
    {
        var start = new ProcessStartInfo(nvim, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = VersionPattern().Match(output);
        Assert.True(match.Success, output);
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The first ```lua block after the heading that starts with <paramref name="heading"/> in docs/editors.md.</summary>
    private static string LuaBlockUnder(string heading)
    {
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "editors.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int at = docs.IndexOf("\n" + heading, StringComparison.Ordinal);
        Assert.True(at >= 0, $"docs/editors.md has no '{heading}' section");
        int start = docs.IndexOf("```lua\n", at, StringComparison.Ordinal) + "```lua\n".Length;
        return docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QNetLang.sln"))) return dir.FullName;
        throw new InvalidOperationException("QNetLang.sln not found");
    }

    [GeneratedRegex(@"NVIM v(\d+)\.(\d+)")]
    private static partial Regex VersionPattern();
}
