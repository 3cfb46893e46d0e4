using System.Text;
using QNetLang.Core;
using QNetLang.Syntax;
using QNetLang.Syntax.Formatting;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// <c>qnlc format [--check] FILE...</c>: rewrites each file with <see cref="QnFormatter"/>, or
/// with <c>--check</c> only lists the files that would change. Exit 1 when a file cannot be
/// read or, with --check, would change; otherwise 0. Files are read with the compiler's guards
/// (regular files under the size limit, strict UTF-8).
/// </summary>
public static class Format
{
    public static int Run(IReadOnlyList<string> paths, bool check, TextWriter stdout, TextWriter stderr)
    {
        int exit = ExitCodes.Ok;
        foreach (string path in paths)
        {
            if (Read(path, stderr) is not { } text)
            {
                exit = ExitCodes.InputErrors;
                continue;
            }
            string formatted = QnFormatter.Format(text);
            if (formatted == text) continue;
            if (check)
            {
                stdout.WriteLine($"{path}: would be reformatted");
                exit = ExitCodes.InputErrors;
                continue;
            }
            File.WriteAllText(path, formatted, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            stdout.WriteLine($"{path}: formatted");
        }
        return exit;
    }

    private static string? Read(string path, TextWriter stderr)
    {
        string? problem = null;
        try
        {
            if (FileKind.NotRegular(path) is { } kind) problem = $"it is {kind}, not a regular file";
            else if (!File.Exists(path)) problem = "no such file";
            else if (new FileInfo(path).Length > SyntaxLimits.MaxFileBytes) problem = $"it is more than {SyntaxLimits.MaxFileBytes} bytes";
            else if (SourceText.TryDecodeUtf8(File.ReadAllBytes(path), out _) is { } text) return text;
            else problem = "it is not valid UTF-8";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = e.Message;
        }
        stderr.WriteLine($"{path}: error {Diagnostics.CannotReadFile.Code}: {Diagnostics.CannotReadFile.Format(path, problem)}");
        return null;
    }
}
