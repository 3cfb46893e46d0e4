using System.Text;
using QNetLang.Core;
using QNetLang.Syntax;
using QNetLang.Syntax.Ast;
using QNetLang.Syntax.Qasm;

namespace QNetLang.Compiler;

/// <summary>
/// Reads source files (size-capped, strict UTF-8) and parses them, following `include`
/// directives relative to the including file. Each file is loaded once; a file that includes
/// itself, directly or not, is reported as a cycle.
/// </summary>
public sealed class SourceLoader(DiagnosticBag diagnostics)
{
    /// <summary>A loader that reads <paramref name="overrides"/> (full path → text) instead of those files on disk.</summary>
    public SourceLoader(DiagnosticBag diagnostics, IReadOnlyDictionary<string, string>? overrides) : this(diagnostics) => _overrides = overrides;

    private readonly IReadOnlyDictionary<string, string>? _overrides;
    private const int MaxIncludeDepth = 64;
    private readonly Dictionary<string, CompilationUnit?> _loaded = new(StringComparer.Ordinal);
    private readonly List<string> _loading = new();

    /// <summary>Every unit loaded so far, in load order (includes before the files that include them).</summary>
    public List<CompilationUnit> Units { get; } = new();

    /// <summary>Reads and decodes a file; null (with a diagnostic) when it cannot be read.</summary>
    public SourceText? Read(string path, Location requestedAt)
    {
        try
        {
            if (_overrides is not null && _overrides.TryGetValue(Path.GetFullPath(path), out string? buffer))
                return FromMemory(path, buffer, requestedAt);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                Report(Diagnostics.CannotReadFile, path, requestedAt, path, Directory.Exists(path) ? "it is a directory" : "no such file");
                return null;
            }
            if (FileKind.NotRegular(path) is { } kind)
            {
                Report(Diagnostics.CannotReadFile, path, requestedAt, path, $"it is {kind}, not a regular file");
                return null;
            }
            if (info.Length > SyntaxLimits.MaxFileBytes)
            {
                Report(Diagnostics.FileTooLarge, path, requestedAt, info.Length, SyntaxLimits.MaxFileBytes);
                return null;
            }
            byte[]? bytes = ReadAtMost(path, SyntaxLimits.MaxFileBytes);
            if (bytes is null)
            {
                // It grew past the limit between the size check and the read.
                Report(Diagnostics.FileTooLarge, path, requestedAt, $"more than {SyntaxLimits.MaxFileBytes}", SyntaxLimits.MaxFileBytes);
                return null;
            }
            string? text = SourceText.TryDecodeUtf8(bytes, out int bad);
            if (text is null)
            {
                // Point at the bad byte: decode the valid prefix to find its line and column.
                string prefix = Encoding.UTF8.GetString(bytes, 0, bad);
                var partial = new SourceText(path, prefix);
                diagnostics.Report(Diagnostics.InvalidUtf8, new Location(partial, new TextSpan(prefix.Length, 0)), bytes[bad], bad);
                return null;
            }
            return new SourceText(path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            Report(Diagnostics.CannotReadFile, path, requestedAt, path, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// The file's bytes, or null when there are more than <paramref name="limit"/>: the length
    /// checked before is only a hint when the type of the file could not be told.
    /// </summary>
    private static byte[]? ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>An editor buffer: already text, but held to the same size limit as a file.</summary>
    private SourceText? FromMemory(string path, string text, Location requestedAt)
    {
        int bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > SyntaxLimits.MaxFileBytes)
        {
            Report(Diagnostics.FileTooLarge, path, requestedAt, bytes, SyntaxLimits.MaxFileBytes);
            return null;
        }
        return new SourceText(path, text);
    }

    /// <summary>Loads a .qn file and, recursively, what it includes.</summary>
    /// <param name="path">The file to load.</param>
    /// <param name="requestedAt">The include directive that asked for it (default for the main file).</param>
    /// <param name="asWritten">The path as the include directive spells it, for messages.</param>
    public CompilationUnit? LoadQn(string path, Location requestedAt = default, string? asWritten = null)
    {
        string key;
        try
        {
            key = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            // e.g. a NUL character inside an include path.
            Report(Diagnostics.CannotReadFile, path, requestedAt, asWritten ?? path, ex.Message);
            return null;
        }
        if (_loading.Contains(key))
        {
            diagnostics.Report(Diagnostics.IncludeCycle, requestedAt, asWritten ?? path);
            return null;
        }
        if (_loaded.TryGetValue(key, out var done)) return done;
        if (_loading.Count >= MaxIncludeDepth)
        {
            diagnostics.Report(Diagnostics.IncludesTooDeep, requestedAt, MaxIncludeDepth);
            return null;
        }

        var source = Read(path, requestedAt);
        if (source is null)
        {
            _loaded[key] = null;
            return null;
        }
        var unit = QnSyntax.Parse(source, diagnostics);
        _loading.Add(key);
        try
        {
            if (unit is not null)
            {
                string directory = Path.GetDirectoryName(path) ?? ".";
                foreach (var include in unit.Items.OfType<IncludeDirective>())
                {
                    if (include.Path.Length == 0)
                    {
                        diagnostics.Report(Diagnostics.CannotReadFile, new Location(source, include.Span), include.Path, "the path is empty");
                        continue;
                    }
                    LoadQn(Path.Combine(directory, include.Path), new Location(source, include.Span), include.Path);
                }
            }
        }
        finally
        {
            _loading.Remove(key);
        }
        _loaded[key] = unit;
        if (unit is not null) Units.Add(unit);
        return unit;
    }

    /// <summary>Loads an OpenQASM 2 or 3 file (no includes beyond the standard gate libraries).</summary>
    /// <param name="maxOperations">The <c>--max-ops</c> budget, which also bounds what subroutine calls expand to at import.</param>
    public CompilationUnit? LoadQasm(string path, long maxOperations = SyntaxLimits.DefaultMaxInlinedStatements)
    {
        var source = Read(path, default);
        if (source is null) return null;
        var unit = QasmSyntax.Parse(source, diagnostics, maxInlinedStatements: maxOperations);
        if (unit is not null) Units.Add(unit);
        return unit;
    }

    private void Report(DiagnosticDescriptor descriptor, string path, Location requestedAt, params object?[] args)
    {
        // Without an include directive to point at, point at the missing file itself.
        var location = requestedAt.Source is null ? new Location(new SourceText(path, ""), default) : requestedAt;
        diagnostics.Report(descriptor, location, args);
    }
}
