using System.Security.Cryptography;
using System.Text;
using QNetLang.Backends.Qasm3;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Cluster;

/// <summary>
/// A compiled program as the text files `qnlc build --emit qasm3` writes (the manifest and one
/// OpenQASM 3 file per node), which read back to a program that runs exactly like the original.
/// This is how a program travels to the workers: once per run, named by the hash of its files.
/// </summary>
public sealed class ProgramBundle
{
    public const string ManifestFile = "manifest.json";

    private ProgramBundle(IReadOnlyDictionary<string, string> files)
    {
        Files = files;
        Hash = HashOf(files);
    }

    /// <summary>File name → text; the manifest is <see cref="ManifestFile"/>.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>SHA-256 of the files, hex: the program's name in the cluster and in checkpoints.</summary>
    public string Hash { get; }

    public static ProgramBundle Pack(DistributedProgram program)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in program.Nodes) files[$"{node.Node}.qasm"] = NodeQasmEmitter.Emit(program, node);
        files[ManifestFile] = ManifestWriter.Write(program, node => $"{node}.qasm");
        return new ProgramBundle(files);
    }

    public static ProgramBundle FromFiles(IReadOnlyDictionary<string, string> files) => new(new SortedDictionary<string, string>(files.ToDictionary(), StringComparer.Ordinal));

    /// <summary>The program the files describe; null with the reader's diagnostics when they do not read back.</summary>
    public DistributedProgram? Unpack(out IReadOnlyList<Diagnostic> problems)
    {
        var diagnostics = new DiagnosticBag();
        DistributedProgram? program = null;
        if (Files.TryGetValue(ManifestFile, out string? manifest))
            program = ManifestReader.Read(new SourceText(ManifestFile, manifest),
                file => Files.TryGetValue(file, out string? text) ? new SourceText(file, text) : null, diagnostics);
        problems = diagnostics.Items.ToList();
        return diagnostics.HasErrors ? null : program;
    }

    private static string HashOf(IReadOnlyDictionary<string, string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            // Lengths first: no two different bundles concatenate to the same bytes.
            byte[] nameBytes = Encoding.UTF8.GetBytes(name), textBytes = Encoding.UTF8.GetBytes(text);
            sha.AppendData(BitConverter.GetBytes(nameBytes.LongLength));
            sha.AppendData(nameBytes);
            sha.AppendData(BitConverter.GetBytes(textBytes.LongLength));
            sha.AppendData(textBytes);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
