using System.CommandLine;
using QNetLang.LanguageServer;
using QNetLang.LanguageServer.Worker;

namespace Qnlc;

/// <summary><c>qnlc lsp</c>: the language server for editors, speaking LSP over stdin and stdout.</summary>
public static class LspCommand
{
    /// <summary>The hidden option that turns this executable into the server's analysis worker.</summary>
    public const string WorkerOption = "--analysis-worker";

    public static Command Create()
    {
        var command = new Command("lsp", "Run the QNetLang language server: LSP over standard input and output, for editors (diagnostics, hover, go to definition, outline).");
        var worker = new Option<bool>(WorkerOption) { Description = "Run as the language server's analysis worker (started by the server itself).", Hidden = true };
        var inProcess = new Option<bool>("--in-process") { Description = "Analyse large documents in the server's own process instead of an analysis worker process.", Hidden = true };
        command.Options.Add(worker);
        command.Options.Add(inProcess);
        command.SetAction((parse, cancellationToken) => parse.GetValue(worker)
            ? RunWorkerAsync(cancellationToken)
            : RunAsync(parse.GetValue(inProcess) ? null : SelfLaunch(), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(AnalysisWorkerLaunch? worker, CancellationToken cancellationToken)
    {
        var (input, output) = ProtocolStreams();
        return await LspServer.RunAsync(input, output, Console.Error, new LspServerOptions { AnalysisWorker = worker }, cancellationToken);
    }

    private static async Task<int> RunWorkerAsync(CancellationToken cancellationToken)
    {
        var (input, output) = ProtocolStreams();
        return await AnalysisWorker.RunAsync(input, output, Console.Error, cancellationToken);
    }

    private static (Stream Input, Stream Output) ProtocolStreams()
    {
        var input = Console.OpenStandardInput();
        var output = Console.OpenStandardOutput();
        // Standard output carries the protocol: one stray Console.Write would corrupt it, so
        // anything written to Console.Out from now on goes to standard error instead.
        Console.SetOut(Console.Error);
        return (input, output);
    }

    /// <summary>This very executable in worker mode (through the dotnet host when run as <c>dotnet qnlc.dll</c>).</summary>
    private static AnalysisWorkerLaunch? SelfLaunch()
    {
        if (Environment.ProcessPath is not { } process) return null;
        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(process) == "dotnet") arguments.Add(typeof(LspCommand).Assembly.Location);
        arguments.AddRange(["lsp", WorkerOption]);
        return new AnalysisWorkerLaunch(process, arguments);
    }
}
