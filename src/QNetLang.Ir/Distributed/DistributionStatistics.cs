namespace QNetLang.Ir;

/// <summary>Numbers the passes measure for report.json (DESIGN.md §5).</summary>
public sealed class DistributionStatistics
{
    /// <summary>Remote two-qubit gates (after the decompositions a remote gate needs).</summary>
    public int NonLocalGates { get; set; }

    /// <summary>Cat-entangler links opened by the distribute pass (each consumes one ebit).</summary>
    public int CatEntanglements { get; set; }

    /// <summary>Teleports the partitioner inserted to move unpinned qubits between slices.</summary>
    public int Migrations { get; set; }

    /// <summary>Links closed early because a node ran out of communication qubits, and reopened later.</summary>
    public int Evictions { get; set; }

    /// <summary>The partitioner's ebit estimate for its placement (telegates only, before eviction).</summary>
    public long PartitionCost { get; set; }

    public List<(string Name, double Milliseconds)> PassTimes { get; } = new();
}
