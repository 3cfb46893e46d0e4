namespace QNetLang.LanguageServer;

/// <summary>
/// Maps LSP document URIs to the file paths the compiler reads (includes resolve relative to
/// them) and back. Documents that are not files (<c>untitled:Untitled-1</c>) get a path in a
/// private temporary folder, so they still compile; their includes resolve from there.
/// </summary>
public static class DocumentUri
{
    public static string ToPath(string uri)
    {
        if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile) return parsed.LocalPath;
        string name = new string(uri.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return Path.Combine(Path.GetTempPath(), "qnetlang-unsaved", name);
    }

    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
