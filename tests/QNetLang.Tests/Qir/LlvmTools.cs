using System.Diagnostics;

namespace QNetLang.Tests.Qir;

/// <summary>
/// Runs LLVM 19's tools on a module (found on the PATH or in the usual install folders). Their
/// absence fails the test (it does not skip it): "valid QIR" means LLVM accepts it, and CI
/// installs llvm-19 (.ci/run). The README lists LLVM 19 among the prerequisites.
/// </summary>
public static class LlvmTools
{
    /// <summary>Assembles the text with llvm-as-19 and runs opt-19's verifier; returns the tools' complaints, empty when both accept it.</summary>
    public static string Validate(string llText)
    {
        string path = Path.Combine(Path.GetTempPath(), $"qnl-qir-{Guid.NewGuid():N}.ll");
        File.WriteAllText(path, llText);
        try
        {
            string assembled = Run("llvm-as-19", path, "-o", "/dev/null");
            string verified = Run("opt-19", "-passes=verify", "-disable-output", path);
            return (assembled + verified).Trim();
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs a module's <c>main</c> with LLVM 19's interpreter (lli-19) and returns what it printed; fails the test when lli does not exit 0.</summary>
    public static string Execute(string llText)
    {
        string path = Path.Combine(Path.GetTempPath(), $"qnl-lli-{Guid.NewGuid():N}.ll");
        File.WriteAllText(path, llText);
        try
        {
            var info = new ProcessStartInfo(Locate("lli-19")) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            info.ArgumentList.Add(path);
            using var process = Process.Start(info) ?? throw new InvalidOperationException("lli-19 did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"lli-19 exited with {process.ExitCode}:\n{stderr.Result}");
            return stdout;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The tool on the PATH, else where Debian's and apt.llvm.org's packages put it (not always on the PATH).</summary>
    private static string Locate(string tool)
    {
        string unversioned = tool.Replace("-19", "", StringComparison.Ordinal);
        foreach (string candidate in new[] { "/usr/lib/llvm-19/bin/" + unversioned, "/usr/local/opt/llvm@19/bin/" + unversioned, "/opt/homebrew/opt/llvm@19/bin/" + unversioned })
            if (File.Exists(candidate) && !OnPath(tool)) return candidate;
        return tool;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)));

    private static string Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(Locate(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException(tool + " did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{tool} is not installed ({e.Message}): install LLVM 19 (`apt-get install -y llvm-19` on Debian/Ubuntu, `brew install llvm@19` on macOS); see the README's prerequisites.");
            throw;
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? "" : $"{tool} exited with {process.ExitCode}:\n{stdout}{stderr.Result}";
        }
    }
}
