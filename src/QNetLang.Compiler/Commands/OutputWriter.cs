namespace QNetLang.Compiler.Commands;

/// <summary>
/// Writes a set of output files all-or-nothing: everything goes to a private staging folder
/// first and is moved into place only when all of it was written. On failure the files moved
/// so far are removed again, and so is the output directory if this call created it.
/// </summary>
public static class OutputWriter
{
    public static bool WriteAll(string outputDirectory, IReadOnlyDictionary<string, string> files, out string? error)
    {
        error = null;
        string fullOut = Path.GetFullPath(outputDirectory);
        string staging = Path.Combine(Path.GetTempPath(), "qnlc-staging-" + Guid.NewGuid().ToString("N"));
        var moved = new List<string>();
        bool created = false;
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (name, text) in files)
            {
                string staged = Path.Combine(staging, name);
                Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
                File.WriteAllText(staged, text, new System.Text.UTF8Encoding(false));
            }
            if (File.Exists(fullOut))
            {
                error = "a file with that name exists";
                return false;
            }
            created = !Directory.Exists(fullOut);
            Directory.CreateDirectory(fullOut);
            foreach (var name in files.Keys)
            {
                string target = Path.Combine(fullOut, name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(staging, name), target, overwrite: true);
                moved.Add(target);
            }
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            foreach (var path in moved) TryDelete(() => File.Delete(path));
            if (created) TryDelete(() => Directory.Delete(fullOut, recursive: true));
            error = ex.Message;
            return false;
        }
        finally
        {
            TryDelete(() => Directory.Delete(staging, recursive: true));
        }
    }

    private static void TryDelete(Action delete)
    {
        try { delete(); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
