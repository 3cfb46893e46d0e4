namespace QNetLang.LanguageServer.Protocol;

/// <summary>Markdown shown in the hover; <see cref="Range"/> is the word it describes.</summary>
public sealed record Hover(MarkupContent Contents, Range Range);

public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}
