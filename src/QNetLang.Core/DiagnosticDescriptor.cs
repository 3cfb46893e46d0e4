namespace QNetLang.Core;

/// <summary>
/// The fixed part of a diagnostic: its code, a short title (used in docs/diagnostics.md) and a
/// composite format string for the message.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, string Title, string MessageFormat, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public string Format(params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
}
