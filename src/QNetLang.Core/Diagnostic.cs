namespace QNetLang.Core;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>One message to the user: a stable code, a severity, where, and what.</summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, Location Location, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary><c>file(line,col): error QN2001: message</c>.</summary>
    public override string ToString()
    {
        string severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{Location}: {severity} {Code}: {Message}";
    }
}
