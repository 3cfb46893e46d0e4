using QNetLang.Backends.Qir;
using QNetLang.Core;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// `qnlc verify-qir FILE.ll`: runs the QIR profile checker on a module (ours or another
/// compiler's) and prints <c>file(line,col): error QN42xx: message</c> for each problem.
/// Exit 0 when the module keeps to its profile (warnings allowed), 1 when it does not or cannot be read.
/// </summary>
public static class VerifyQir
{
    public static int Run(string path, TextWriter stdout, TextWriter stderr)
    {
        string text;
        try
        {
            // The same guards as source files: a pipe or device would block or never end.
            string? refusal = FileKind.NotRegular(path) is { } kind ? $"it is {kind}, not a regular file"
                : new FileInfo(path) is { Exists: true, Length: > QNetLang.Syntax.SyntaxLimits.MaxFileBytes } large ? $"it is {large.Length} bytes; the limit is {QNetLang.Syntax.SyntaxLimits.MaxFileBytes} bytes"
                : null;
            if (refusal is not null)
            {
                stderr.WriteLine($"{path}: error {Diagnostics.CannotReadFile.Code}: {Diagnostics.CannotReadFile.Format(path, refusal)}");
                return ExitCodes.InputErrors;
            }
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{path}: error {Diagnostics.CannotReadFile.Code}: {Diagnostics.CannotReadFile.Format(path, e.Message)}");
            return ExitCodes.InputErrors;
        }
        var diagnostics = QirProfileChecker.Check(new SourceText(path, text));
        foreach (var diagnostic in diagnostics) stderr.WriteLine(diagnostic);
        // Warnings (a declared capability the module does not use) are printed but do not fail the module.
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return ExitCodes.InputErrors;
        stdout.WriteLine($"{path}: conforms to its QIR profile");
        return ExitCodes.Ok;
    }
}
