using Qnlc;
using QNetLang.Compiler.Commands;

// qnlc: the command line is parsed here; the work happens in QNetLang.Compiler.
// Exit codes (docs/diagnostics.md): 0 ok, 1 errors in the input, 2 bad command line, 3 internal error.
Console.OutputEncoding = System.Text.Encoding.UTF8;
try
{
    return CommandLineApp.Invoke(args, Console.Out, Console.Error);
}
catch (Exception ex)
{
    Console.Error.WriteLine($"qnlc: internal error: {ex.GetType().Name}: {ex.Message}");
    Console.Error.WriteLine("This is a bug in qnlc; please report it with the input that caused it.");
    if (Environment.GetEnvironmentVariable("QNL_DEBUG") == "1") Console.Error.WriteLine(ex);
    return ExitCodes.InternalError;
}
