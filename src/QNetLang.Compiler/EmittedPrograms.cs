using QNetLang.Backends.Qasm3;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Compiler;

/// <summary>
/// The per-node programs that `qnlc build --emit qasm3` wrote, read back as the distributed
/// program they describe (`qnlc run OUTDIR/PROGRAM/manifest.json`).
/// </summary>
public static class EmittedPrograms
{
    /// <summary>True for a path that names a manifest rather than a source file.</summary>
    public static bool IsManifest(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the manifest and the node files it names (relative to it); null with diagnostics when they cannot be read.</summary>
    public static DistributedProgram? Load(string manifestPath, DiagnosticBag diagnostics)
    {
        var loader = new SourceLoader(diagnostics);
        if (loader.Read(manifestPath, default) is not { } manifest) return null;
        string directory = Path.GetDirectoryName(Path.GetFullPath(manifestPath)) ?? ".";
        return ManifestReader.Read(manifest, file => loader.Read(Path.Combine(directory, file), new Location(manifest, default)), diagnostics);
    }
}
