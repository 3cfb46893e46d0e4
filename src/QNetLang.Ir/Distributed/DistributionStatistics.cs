namespace QNetLang.Ir;

/// <summary>Numbers the passes measure for report.json (docs/compiler.md).</summary>
public sealed class DistributionStatistics
{
    /// <summary>Gates that cross QPUs, however they are carried out (counted as written, before decomposition).</summary>
    public int NonLocalGates => NonLocalGatesByTelegate + NonLocalGatesByMove;

    /// <summary>Gates whose qubits are on different nodes when they run: carried out by a cat-entangled copy.</summary>
    public int NonLocalGatesByTelegate { get; set; }

    /// <summary>Gates whose qubits started on different nodes and were brought together by teleports (or sends).</summary>
    public int NonLocalGatesByMove { get; set; }

    /// <summary>Cat-entangler links opened by the distribute pass, reopenings after an eviction included (each consumes one ebit).</summary>
    public int CatEntanglements { get; set; }

    /// <summary>Cat-entangled copies made from an open copy of the same run nearer the target than the qubit (not in report.json; their link pairs are).</summary>
    public int ForwardedCopies { get; set; }

    /// <summary>Sandwich gates mirrored on a copy kept alive through an H·(diagonal)·H sandwich (embedding; not in report.json).</summary>
    public int EmbeddedGates { get; set; }

    /// <summary>Teleports the partitioner inserted to move unpinned qubits between slices.</summary>
    public int Migrations { get; set; }

    /// <summary>Links closed early because a node ran out of communication qubits, and reopened later.</summary>
    public int Evictions { get; set; }

    /// <summary>The partitioner's ebit estimate for its placement (telegates only, before eviction).</summary>
    public long PartitionCost { get; set; }

    public List<(string Name, double Milliseconds)> PassTimes { get; } = new();
}
