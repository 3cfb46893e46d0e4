using System.CommandLine;
using QNetLang.LanguageServer;

namespace Qnlc;

/// <summary><c>qnlc lsp</c>: the language server for editors, speaking LSP over stdin and stdout.</summary>
public static class LspCommand
{
    public static Command Create()
    {
        var command = new Command("lsp", "Run the QNetLang language server: LSP over standard input and output, for editors (diagnostics, hover, go to definition, outline).");
        command.SetAction((_, cancellationToken) => RunAsync(cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var input = Console.OpenStandardInput();
        var output = Console.OpenStandardOutput();
        // Standard output carries the protocol: one stray Console.Write would corrupt it, so
        // anything written to Console.Out from now on goes to standard error instead.
        Console.SetOut(Console.Error);
        return await LspServer.RunAsync(input, output, Console.Error, cancellationToken);
    }
}
