using System.Diagnostics;

namespace QNetLang.Tests.Qir;

/// <summary>
/// Runs Debian's LLVM 19 tools on a module. Their absence fails the test (it does not skip it):
/// "valid QIR" means LLVM accepts it, and CI installs llvm-19 (.ci/run).
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

    private static string Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException(tool + " did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{tool} is not installed ({e.Message}): install LLVM 19 with `apt-get install -y llvm-19` (CI does this in .ci/run).");
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
