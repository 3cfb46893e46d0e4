using Qnlc;

namespace QNetLang.Tests;

/// <summary>Runs qnlc in-process (the real command-line parser and driver) and captures its output.</summary>
public static class CliRunner
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Run Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var originalOut = Console.Out;
        var originalError = Console.Error;
        lock (ConsoleLock)
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                int code = CommandLineApp.Invoke(args, stdout, stderr);
                return new Run(code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(originalOut);
                Console.SetError(originalError);
            }
        }
    }

    private static readonly object ConsoleLock = new();
}
