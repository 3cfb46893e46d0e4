using System.CommandLine;
using Qnlc;

// qnlc: the command line is parsed here; the work happens in QNetLang.Compiler.
// Exit codes (DESIGN.md §5): 0 ok, 1 errors in the input, 2 bad command line, 3 internal error.
Console.OutputEncoding = System.Text.Encoding.UTF8;
var root = CommandLineApp.Create();
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"qnlc: error QN0001: {error.Message}");
    Console.Error.WriteLine("Run 'qnlc --help' for usage.");
    return ExitCodes.BadCommandLine;
}
try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex)
{
    Console.Error.WriteLine($"qnlc: internal error: {ex.GetType().Name}: {ex.Message}");
    Console.Error.WriteLine("This is a bug in qnlc; please report it with the input that caused it.");
    if (Environment.GetEnvironmentVariable("QNL_DEBUG") == "1") Console.Error.WriteLine(ex);
    return ExitCodes.InternalError;
}
