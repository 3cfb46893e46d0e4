using System.Text.Json;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// The LSP feature requests, from their raw parameters to their result: read the parameters,
/// find the analyses, run the provider. The server runs this for documents it analyses itself
/// and the analysis worker runs it for the large documents it analyses, so both give the same
/// answer to the same request on the same text. Parameters of the wrong shape give the
/// "invalid params" error (<see cref="ParameterReader"/>), missing fields an empty answer.
/// </summary>
public static class LanguageFeatures
{
    public const string Hover = "textDocument/hover";
    public const string Definition = "textDocument/definition";
    public const string DocumentSymbol = "textDocument/documentSymbol";
    public const string Completion = "textDocument/completion";
    public const string SignatureHelp = "textDocument/signatureHelp";
    public const string References = "textDocument/references";
    public const string DocumentHighlight = "textDocument/documentHighlight";
    public const string PrepareRename = "textDocument/prepareRename";
    public const string Rename = "textDocument/rename";
    public const string Formatting = "textDocument/formatting";
    public const string CodeAction = "textDocument/codeAction";
    public const string DocumentLink = "textDocument/documentLink";
    public const string SemanticTokensFull = "textDocument/semanticTokens/full";

    /// <summary>Requests answered from every open document's analysis, not only their own document's.</summary>
    public static bool NeedsEveryDocument(string method) => method is References or Rename;

    /// <summary>The document a request is about, or null when its parameters do not name one (answering it then gives the error or empty answer).</summary>
    public static string? DocumentOf(JsonElement parameters)
    {
        try
        {
            return ParameterReader.Read<DocumentParams>(parameters).TextDocument?.Uri;
        }
        catch (StreamJsonRpc.LocalRpcException)
        {
            return null;
        }
    }

    /// <summary>The result of <paramref name="method"/>, one of the constants above.</summary>
    public static object? Answer(string method, JsonElement parameters, IDocumentAnalyses documents, CancellationToken cancellation) => method switch
    {
        Hover => AtPosition(parameters, documents, cancellation) is (var analysis, var position) ? HoverProvider.Hover(analysis, position) : null,
        Definition => AtPosition(parameters, documents, cancellation) is (var analysis, var position) ? DefinitionProvider.Definition(analysis, position) : null,
        DocumentSymbol => Whole(parameters, documents, cancellation) is { } analysis ? DocumentSymbolProvider.Symbols(analysis) : [],
        Completion => AtPosition(parameters, documents, cancellation) is (var analysis, var position) ? CompletionProvider.Complete(analysis, position) : new CompletionList(false, []),
        SignatureHelp => AtPosition(parameters, documents, cancellation) is (var analysis, var position) ? SignatureHelpProvider.Help(analysis, position) : null,
        References => FindReferences(parameters, documents, cancellation),
        DocumentHighlight => AtPosition(parameters, documents, cancellation) is (var analysis, var position) ? ReferencesProvider.Highlights(analysis, position) : [],
        PrepareRename => AtPosition(parameters, documents, cancellation) is (var analysis, var position) ? RenameProvider.Prepare(analysis, position) : null,
        Rename => RenameAll(parameters, documents, cancellation),
        Formatting => ParameterReader.Read<DocumentParams>(parameters).TextDocument?.Uri is { } uri && documents.Document(uri) is { } document
            ? FormattingProvider.Format(document)
            : [],
        CodeAction => Actions(parameters, documents, cancellation),
        DocumentLink => Whole(parameters, documents, cancellation) is { } analysis ? DocumentLinkProvider.Links(analysis) : [],
        SemanticTokensFull => Whole(parameters, documents, cancellation) is { } analysis ? SemanticTokensProvider.Tokens(analysis) : new SemanticTokens([]),
        _ => throw new ArgumentException($"not a feature request: {method}", nameof(method)),
    };

    private static IReadOnlyList<Location> FindReferences(JsonElement json, IDocumentAnalyses documents, CancellationToken cancellation)
    {
        var parameters = ParameterReader.Read<ReferenceParams>(json);
        if (parameters.Position is not { } position || parameters.TextDocument?.Uri is not { } uri || documents.All(uri, cancellation) is not { } analyses) return [];
        return ReferencesProvider.References(analyses, position, parameters.Context?.IncludeDeclaration ?? false);
    }

    private static WorkspaceEdit? RenameAll(JsonElement json, IDocumentAnalyses documents, CancellationToken cancellation)
    {
        var parameters = ParameterReader.Read<RenameParams>(json);
        if (parameters.Position is not { } position || parameters.NewName is not { } newName || parameters.TextDocument?.Uri is not { } uri || documents.All(uri, cancellation) is not { } analyses) return null;
        return RenameProvider.Rename(analyses, position, newName, cancellation);
    }

    private static IReadOnlyList<CodeAction> Actions(JsonElement json, IDocumentAnalyses documents, CancellationToken cancellation)
    {
        var parameters = ParameterReader.Read<CodeActionParams>(json);
        if (parameters.TextDocument?.Uri is not { } uri || documents.Analysis(uri, cancellation) is not { } analysis) return [];
        return CodeActionProvider.Actions(analysis, parameters.Context?.Diagnostics ?? []);
    }

    private static DocumentAnalysis? Whole(JsonElement json, IDocumentAnalyses documents, CancellationToken cancellation) =>
        ParameterReader.Read<DocumentParams>(json).TextDocument?.Uri is { } uri ? documents.Analysis(uri, cancellation) : null;

    private static (DocumentAnalysis Analysis, Position Position)? AtPosition(JsonElement json, IDocumentAnalyses documents, CancellationToken cancellation)
    {
        var parameters = ParameterReader.Read<TextDocumentPositionParams>(json);
        if (parameters.Position is not { } position || parameters.TextDocument?.Uri is not { } uri) return null;
        return documents.Analysis(uri, cancellation) is { } analysis ? (analysis, position) : null;
    }
}
