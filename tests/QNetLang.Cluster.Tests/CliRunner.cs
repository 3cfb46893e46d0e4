using Qnlc;

namespace QNetLang.Cluster.Tests;

/// <summary>Runs qnlc in-process (the real command-line parser and drivers) and captures its output.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    private static readonly object ConsoleLock = new();

    public static Result Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        lock (ConsoleLock)
        {
            var originalOut = Console.Out;
            var originalError = Console.Error;
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                int code = CommandLineApp.Invoke(args, stdout, stderr);
                return new Result(code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(originalOut);
                Console.SetError(originalError);
            }
        }
    }
}
