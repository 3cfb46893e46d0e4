using QNetLang.Core;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Syntax.Formatting;

namespace QNetLang.LanguageServer.Features;

/// <summary>Whole-document formatting with the formatter <c>qnlc format</c> uses.</summary>
public static class FormattingProvider
{
    /// <summary>One edit replacing the whole text: simple for every client, and nothing when already formatted.</summary>
    public static IReadOnlyList<TextEdit> Format(OpenDocument document)
    {
        string formatted = QnFormatter.Format(document.Text);
        if (formatted == document.Text) return [];
        var source = new SourceText(document.Path, document.Text);
        return [new TextEdit(PositionMapper.ToRange(source, new TextSpan(0, document.Text.Length)), formatted)];
    }
}
