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
                var root = CommandLineApp.Create();
                var parse = root.Parse(args);
                int code;
                if (parse.Errors.Count > 0)
                {
                    foreach (var error in parse.Errors) stderr.WriteLine($"qnlc: error QN0001: {error.Message}");
                    code = ExitCodes.BadCommandLine;
                }
                else
                {
                    code = parse.Invoke(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = stdout, Error = stderr });
                }
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
