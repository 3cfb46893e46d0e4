using System.Text;

namespace QNetLang.Cluster.Client;

/// <summary>
/// Completed work items on disk (`--checkpoint DIR`): DIR/RUN/ITEM.bin, where RUN names the
/// program, the options and the version (<see cref="ClusterRunner"/>) and ITEM the item's
/// groups. A file is written whole (temporary name, then a rename), so an interrupted command
/// leaves only complete items; running the same command again reads them instead of running them.
/// </summary>
public sealed class CheckpointDirectory(string directory)
{
    public string Directory { get; } = directory;

    public IReadOnlyList<byte[]>? TryRead(string run, int firstGroup, int endGroup)
    {
        string path = PathOf(run, firstGroup, endGroup);
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            int count = reader.ReadInt32();
            if (count != endGroup - firstGroup) return null;
            var groups = new List<byte[]>(count);
            for (int i = 0; i < count; i++) groups.Add(reader.ReadBytes(reader.ReadInt32()));
            return reader.BaseStream.Position == reader.BaseStream.Length ? groups : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable item runs again.
            return null;
        }
    }

    public void Write(string run, int firstGroup, int endGroup, IReadOnlyList<byte[]> groups)
    {
        string path = PathOf(run, firstGroup, endGroup);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(groups.Count);
            foreach (var group in groups)
            {
                writer.Write(group.Length);
                writer.Write(group);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    private string PathOf(string run, int firstGroup, int endGroup) => Path.Combine(Directory, run, $"{firstGroup}-{endGroup}.bin");
}
