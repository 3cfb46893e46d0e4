using QNetLang.Syntax.Formatting;

namespace QNetLang.Tests;

/// <summary>QnFormatter and `qnlc format`: idempotent, comment-preserving, on every example and golden case.</summary>
public class FormatterTests
{
    public static IEnumerable<object[]> QnFiles() =>
        Directory.EnumerateFiles(RepoPaths.Examples, "*.qn", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepoPaths.Cases, "*.qn", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/') });

    [Theory]
    [MemberData(nameof(QnFiles))]
    public void IsIdempotentAndKeepsEveryCommentAndToken(string file)
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));
        string once = QnFormatter.Format(text);
        Assert.Equal(once, QnFormatter.Format(once));
        // Only whitespace between tokens may change: the token texts, comments included, are the same.
        Assert.Equal(Tokens(text), Tokens(once));
    }

    [Fact]
    public void LeavesEveryExampleUnchanged()
    {
        foreach (string file in Directory.EnumerateFiles(RepoPaths.Examples, "*.qn", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(file);
            Assert.True(text == QnFormatter.Format(text), $"{file} is not formatted");
        }
    }

    [Fact]
    public void IndentsByBracketsAndTidiesWhitespace()
    {
        string messy = "\n\nnetwork n {\nqpu a { qubits = 1; }   \n\n\n  // kept\n}\nprogram p on n {\n\tqubit q @ a;\n      if (true) {\nh q;\n} else {\n    /* two\n  lines */ x q;\n}\n}\n\n";
        string expected = "network n {\n    qpu a { qubits = 1; }\n\n    // kept\n}\nprogram p on n {\n    qubit q @ a;\n    if (true) {\n        h q;\n    } else {\n        /* two\n  lines */ x q;\n    }\n}\n";
        Assert.Equal(expected, QnFormatter.Format(messy));
    }

    [Fact]
    public void BracketsInCommentsAndStringsDoNotIndent()
    {
        string text = "include \"a{.qn\"; // {\nnetwork n {\n    qpu a; /* { */\n}\n";
        Assert.Equal(text, QnFormatter.Format(text));
    }

    [Fact]
    public void KeepsWindowsLineBreaks()
    {
        Assert.Equal("network n {\r\n    qpu a;\r\n}\r\n", QnFormatter.Format("network n {\r\nqpu a;\r\n}"));
    }

    [Fact]
    public void CheckReportsAndFormatRewrites()
    {
        string path = Path.Combine(Path.GetTempPath(), $"qnlc-format-{Guid.NewGuid():N}.qn");
        File.WriteAllText(path, "network n {\nqpu a;\n}\n");
        try
        {
            var check = CliRunner.Invoke("format", "--check", path);
            Assert.Equal(1, check.ExitCode);
            Assert.Contains("would be reformatted", check.Stdout);
            Assert.Equal("network n {\nqpu a;\n}\n", File.ReadAllText(path));

            Assert.Equal(0, CliRunner.Invoke("format", path).ExitCode);
            Assert.Equal("network n {\n    qpu a;\n}\n", File.ReadAllText(path));
            var again = CliRunner.Invoke("format", "--check", path);
            Assert.Equal(0, again.ExitCode);
            Assert.Equal("", again.Stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RefusesDevicesAndMissingFiles()
    {
        var missing = CliRunner.Invoke("format", Path.Combine(Path.GetTempPath(), "no-such-file.qn"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("QN1004", missing.Stderr);
        if (!OperatingSystem.IsLinux()) return;
        var device = CliRunner.Invoke("format", "--check", "/dev/zero");
        Assert.Equal(1, device.ExitCode);
        Assert.Contains("it is a character device, not a regular file", device.Stderr);
    }

    private static List<string> Tokens(string text) =>
        LexicalTokenizer.Tokenize(text).Select(t => t.Text(text).Replace("\r\n", "\n")).ToList();
}
