using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace QNetLang.Tests;

/// <summary>
/// Golden-file checks (DESIGN.md §3): the expected output lives beside the case as
/// <c>NAME.expected.KIND</c>. On a mismatch the actual output is written to
/// <c>NAME.received.KIND</c> and the test fails with a line diff. Run with
/// <c>QNL_UPDATE_GOLDEN=1</c> to accept the received output as the new expectation.
/// </summary>
public static class Golden
{
    private static bool Update => Environment.GetEnvironmentVariable("QNL_UPDATE_GOLDEN") == "1";

    public static void Verify(string casePath, string kind, string actual)
    {
        string stem = Path.Combine(Path.GetDirectoryName(casePath)!, Path.GetFileNameWithoutExtension(casePath));
        string expectedPath = $"{stem}.expected.{kind}";
        string receivedPath = $"{stem}.received.{kind}";
        actual = Normalize(actual);

        if (Update)
        {
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        string? expected = File.Exists(expectedPath) ? Normalize(File.ReadAllText(expectedPath)) : null;
        if (expected == actual)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        string message = expected is null
            ? $"No golden file {Path.GetFileName(expectedPath)}; wrote {Path.GetFileName(receivedPath)}. Accept with QNL_UPDATE_GOLDEN=1.\n{actual}"
            : $"{Path.GetFileName(expectedPath)} differs (received output in {Path.GetFileName(receivedPath)}; accept with QNL_UPDATE_GOLDEN=1):\n{Diff(expected, actual)}";
        Assert.Fail(message);
    }

    /// <summary>A unified-style diff: '-' expected, '+' received, with two lines of context.</summary>
    public static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = model.Lines;
        var show = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].Type != ChangeType.Unchanged)
                for (int j = Math.Max(0, i - 2); j <= Math.Min(lines.Count - 1, i + 2); j++) show[j] = true;
        var sb = new StringBuilder();
        bool gap = false;
        for (int i = 0; i < lines.Count; i++)
        {
            if (!show[i])
            {
                if (!gap) sb.AppendLine("  …");
                gap = true;
                continue;
            }
            gap = false;
            char mark = lines[i].Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' };
            sb.Append(mark).Append(' ').AppendLine(lines[i].Text);
        }
        return sb.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
