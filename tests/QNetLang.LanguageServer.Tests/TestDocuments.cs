using System.Text.Json.Nodes;

namespace QNetLang.LanguageServer.Tests;

/// <summary>Files in a private temporary folder, and positions of words in them.</summary>
public sealed class TestDocuments : IDisposable
{
    /// <summary>A program that compiles cleanly and uses every kind of name.</summary>
    public const string Lab = """
        network lab {
            qpu alice { qubits = 4; t2 = 1 s; }
            repeater mid { memories = 4; }
            endnode sensor;
            link alice -- mid { length = 10 km; }
            link mid -- sensor;
        }
        program p on lab {
            const angle theta = pi / 4;
            qubit a @ alice;
            qubit[2] q @ alice;
            bit[2] c;
            gate bell(x, y) { h x; cx x, y; }
            bell a, q[0];
            rz(theta) q[1];
            CX a, q[1];
            for i in 0 .. 2 { h q[i]; }
            c[0] = measure a;
            at alice { x a; }
        }
        """;

    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qnlc-lsp-" + Guid.NewGuid().ToString("N"));

    public TestDocuments() => Directory.CreateDirectory(Folder);

    public string Path(string name) => System.IO.Path.Combine(Folder, name);

    public string Uri(string name) => new Uri(Path(name)).AbsoluteUri;

    /// <summary>Writes a file to disk and returns its URI.</summary>
    public string Write(string name, string text)
    {
        File.WriteAllText(Path(name), text);
        return Uri(name);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>Zero-based line and character of the <paramref name="occurrence"/>-th (from 0) <paramref name="word"/> in the text.</summary>
    public static (int Line, int Character) Find(string text, string word, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{word}' #{occurrence} not in the text");
        }
        int line = text[..at].Count(c => c == '\n');
        int lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        return (line, at - lineStart);
    }

    public static JsonObject At(string uri, string text, string word, int occurrence = 0, int offsetInWord = 0)
    {
        var (line, character) = Find(text, word, occurrence);
        return LspTestClient.At(uri, line, character + offsetInWord);
    }

    public static (int Line, int Character) Start(JsonNode? range) =>
        (range!["start"]!["line"]!.GetValue<int>(), range["start"]!["character"]!.GetValue<int>());

    public static (int Line, int Character) End(JsonNode? range) =>
        (range!["end"]!["line"]!.GetValue<int>(), range["end"]!["character"]!.GetValue<int>());
}
