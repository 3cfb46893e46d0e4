using System.Text;
using QNetLang.Simulation.Execution;
using QNetLang.Simulation.Figures;
using QNetLang.Simulation.Network;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Blocks;

/// <summary>
/// A group's result as bytes, to send it to another machine or keep it in a checkpoint. Every
/// double is written as its 64 bits, so merging decoded blocks gives exactly the sums of a local
/// run. The layout starts with a format number; a reader refuses any other.
/// </summary>
internal static class BlockCodec
{
    private const int Format = 1;

    public static byte[] Encode(GroupResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Format);
            w.Write(result.Group);
            w.Write(result.Blocks.Count);
            foreach (var block in result.Blocks) WriteBlock(w, block);
            w.Write(result.Timeline is not null);
            if (result.Timeline is { } timeline)
            {
                w.Write(timeline.Count);
                foreach (var entry in timeline)
                {
                    w.Write(entry.Node);
                    w.Write(entry.What);
                    w.Write(entry.StartPs);
                    w.Write(entry.EndPs);
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>Reads what <see cref="Encode"/> wrote; <paramref name="newFigures"/> makes the empty figure sums of the run (null: no figures).</summary>
    public static GroupResult Decode(byte[] bytes, Func<FigureSums?> newFigures)
    {
        using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        int format = r.ReadInt32();
        if (format != Format) throw new InvalidDataException($"block data has format {format}; this version reads format {Format}");
        int group = r.ReadInt32();
        var blocks = new BlockAggregate[r.ReadInt32()];
        for (int i = 0; i < blocks.Length; i++) blocks[i] = ReadBlock(r, newFigures());
        List<TimelineEntry>? timeline = null;
        if (r.ReadBoolean())
        {
            int n = r.ReadInt32();
            timeline = new List<TimelineEntry>(n);
            for (int i = 0; i < n; i++) timeline.Add(new TimelineEntry(r.ReadString(), r.ReadString(), r.ReadInt64(), r.ReadInt64()));
        }
        if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException("block data has trailing bytes");
        return new GroupResult(group, blocks, timeline);
    }

    private static void WriteBlock(BinaryWriter w, BlockAggregate block)
    {
        w.Write(block.Counts.Count);
        foreach (var (key, count) in block.Counts)
        {
            w.Write(key);
            w.Write(count);
        }
        w.Write(block.TimeSum);
        w.Write(block.PeriodSum);
        w.Write(block.PairsDelivered);
        w.Write(block.Pairs.Count);
        foreach (var ((a, b), s) in block.Pairs)
        {
            w.Write(a);
            w.Write(b);
            w.Write(s.Count);
            w.Write(s.Fidelity);
            w.Write(s.Wait);
            w.Write(s.Attempts);
            w.Write(s.Rounds);
            w.Write(s.RawPairs);
            w.Write(s.Tried);
            w.Write(s.Passed);
            w.Write(s.Policy is not null);
            if (s.Policy is { } policy)
            {
                w.Write((int)policy.Protocol);
                w.Write(policy.TargetFidelity);
            }
        }
        w.Write(block.Records.Count);
        foreach (var record in block.Records)
        {
            w.Write(record.Shot);
            w.Write(record.TimePs);
            w.Write(record.Key);
        }
        w.Write(block.Figures is not null);
        if (block.Figures is { } figures)
        {
            w.Write(figures.Groups);
            w.Write(figures.Numerators.GetLength(1));
            for (int g = 0; g < figures.Groups; g++)
            {
                w.Write(figures.Shots[g]);
                w.Write(figures.Time[g]);
                for (int k = 0; k < figures.Numerators.GetLength(1); k++)
                {
                    w.Write(figures.Numerators[g, k]);
                    w.Write(figures.Denominators[g, k]);
                }
            }
        }
    }

    private static BlockAggregate ReadBlock(BinaryReader r, FigureSums? figures)
    {
        var block = new BlockAggregate(figures);
        int counts = r.ReadInt32();
        for (int i = 0; i < counts; i++) block.Counts.Add(r.ReadString(), r.ReadInt64());
        block.TimeSum = r.ReadDouble();
        block.PeriodSum = r.ReadDouble();
        block.PairsDelivered = r.ReadInt64();
        int pairs = r.ReadInt32();
        for (int i = 0; i < pairs; i++)
        {
            var key = (r.ReadString(), r.ReadString());
            long count = r.ReadInt64();
            double fidelity = r.ReadDouble(), wait = r.ReadDouble(), attempts = r.ReadDouble();
            long rounds = r.ReadInt64(), raw = r.ReadInt64(), tried = r.ReadInt64(), passed = r.ReadInt64();
            DistillationPolicy? policy = r.ReadBoolean() ? new DistillationPolicy((DistillationProtocol)r.ReadInt32(), r.ReadDouble()) : null;
            block.Pairs.Add(key, new PairSums(count, fidelity, wait, attempts, rounds, raw, tried, passed, policy));
        }
        int records = r.ReadInt32();
        for (int i = 0; i < records; i++) block.Records.Add(new ShotRecord(r.ReadInt32(), r.ReadInt64(), r.ReadString()));
        if (r.ReadBoolean())
        {
            int groups = r.ReadInt32(), reductions = r.ReadInt32();
            if (figures is null || figures.Groups != groups || figures.Numerators.GetLength(1) != reductions)
                throw new InvalidDataException("block data does not match the program's figures");
            for (int g = 0; g < groups; g++)
            {
                figures.Shots[g] = r.ReadDouble();
                figures.Time[g] = r.ReadDouble();
                for (int k = 0; k < reductions; k++)
                {
                    figures.Numerators[g, k] = r.ReadDouble();
                    figures.Denominators[g, k] = r.ReadDouble();
                }
            }
        }
        else if (figures is not null) throw new InvalidDataException("block data has no figure sums, but the program has figures");
        return block;
    }
}
