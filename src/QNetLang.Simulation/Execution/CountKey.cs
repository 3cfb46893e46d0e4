using System.Text;
using QNetLang.Ir;

namespace QNetLang.Simulation.Execution;

/// <summary>
/// Turns a shot's bits into its count key, as OpenQASM tools print results: one group per
/// register, the last declared register first, each with its element 0 rightmost, groups
/// separated by spaces ("c[0] is the rightmost character" for a single register).
/// </summary>
internal sealed class CountKey
{
    private readonly List<(string Name, int[] Bits)> _groups = new();

    /// <summary>Keys over the program's own bits (<see cref="BitRole.Program"/>); the bits distribution added are not results.</summary>
    public CountKey(IReadOnlyList<BitInfo> bits)
    {
        var byName = new Dictionary<string, List<(int Element, int Bit)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var bit in bits.Where(b => b.Role == BitRole.Program))
        {
            if (!byName.TryGetValue(bit.Register, out var list))
            {
                byName[bit.Register] = list = new List<(int, int)>();
                order.Add(bit.Register);
            }
            list.Add((bit.Element ?? 0, bit.Index));
        }
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var ordered = byName[order[i]].OrderByDescending(b => b.Element).Select(b => b.Bit).ToArray();
            _groups.Add((order[i], ordered));
        }
    }

    public IReadOnlyList<(string Name, int Size)> Registers => _groups.Select(g => (g.Name, g.Bits.Length)).ToList();

    public string Format(int[] values)
    {
        var sb = new StringBuilder();
        foreach (var (_, bits) in _groups)
        {
            if (sb.Length > 0) sb.Append(' ');
            foreach (int b in bits) sb.Append(values[b] == 0 ? '0' : '1');
        }
        return sb.ToString();
    }
}
