using System.Globalization;
using System.Text;
using QNetLang.Simulation;

namespace QNetLang.Compiler.Commands;

/// <summary>
/// `qnlc run --records FILE.csv`: one row per shot — program, shot index, simulated time in
/// picoseconds, then each classical register as a bit string (element 0 rightmost, as in the
/// counts) — for analyses the program's figures do not cover.
/// </summary>
public static class ShotRecords
{
    public static bool Write(string path, IReadOnlyList<RunResult> results, out string? error)
    {
        error = null;
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory) Directory.CreateDirectory(directory);
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
            writer.NewLine = "\n";
            foreach (var (result, index) in results.Select((r, i) => (r, i)))
            {
                // Programs of one file may have different registers: each gets its header.
                writer.WriteLine(string.Join(',', new[] { "program", "shot", "time_ps" }.Concat(result.Registers.Select(r => r.Name))));
                foreach (var record in result.Records ?? [])
                {
                    var cells = new[] { result.Program, record.Shot.ToString(CultureInfo.InvariantCulture), record.TimePs.ToString(CultureInfo.InvariantCulture) }
                        .Concat(record.Key.Length == 0 ? [] : record.Key.Split(' '));
                    writer.WriteLine(string.Join(',', cells));
                }
            }
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = ex.Message;
            return false;
        }
    }
}
