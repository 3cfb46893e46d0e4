namespace Qnlc;

/// <summary>
/// Writes a set of output files all-or-nothing: everything goes to a fresh staging folder
/// beside the output directory first, and only then is moved into place. A failure leaves the
/// output directory as it was.
/// </summary>
public static class OutputWriter
{
    public static bool WriteAll(string outputDirectory, IReadOnlyDictionary<string, string> files, out string? error)
    {
        error = null;
        string fullOut = Path.GetFullPath(outputDirectory);
        string staging = fullOut.TrimEnd(Path.DirectorySeparatorChar) + ".qnlc-staging-" + Environment.ProcessId;
        var moved = new List<string>();
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (name, text) in files)
                File.WriteAllText(Path.Combine(staging, name), text, new System.Text.UTF8Encoding(false));
            Directory.CreateDirectory(fullOut);
            foreach (var name in files.Keys)
            {
                string target = Path.Combine(fullOut, name);
                File.Move(Path.Combine(staging, name), target, overwrite: true);
                moved.Add(target);
            }
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            foreach (var path in moved)
                try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            error = ex.Message;
            return false;
        }
        finally
        {
            try { if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
