namespace QNetLang.LanguageServer;

/// <summary>One version of a document the client has open.</summary>
/// <param name="Uri">As the client names it; diagnostics go back to this URI.</param>
/// <param name="Path">The file it stands for (<see cref="DocumentUri.ToPath"/>), fully qualified.</param>
public sealed record OpenDocument(string Uri, string Path, string Text, int Version);
