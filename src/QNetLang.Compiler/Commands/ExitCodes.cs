namespace QNetLang.Compiler.Commands;

/// <summary>The process exit codes (docs/diagnostics.md, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int InputErrors = 1;
    public const int BadCommandLine = 2;
    public const int InternalError = 3;
}
