using System.Text;

namespace QNetLang.Syntax.Qasm;

/// <summary>
/// An OpenQASM file has no program name, but the AST needs one (for messages and output file
/// names): the file name without its extension, made into a valid identifier.
/// </summary>
internal static class QasmProgramName
{
    public static string FromPath(string path)
    {
        string stem = Path.GetFileNameWithoutExtension(path);
        var sb = new StringBuilder(stem.Length + 1);
        foreach (char c in stem)
            sb.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? c : '_');
        // A path with no file name (empty, or ending in a separator) still needs a program name.
        if (sb.Length == 0) return "program";
        if (char.IsAsciiDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }
}
