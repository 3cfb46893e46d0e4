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

    public CountKey(Circuit circuit, int? reportedBits = null)
    {
        var byName = new Dictionary<string, List<(int Element, int Bit)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var bit in circuit.Bits.Take(reportedBits ?? circuit.Bits.Length))
        {
            string name = bit.Name;
            int element = 0;
            int open = name.LastIndexOf('[');
            if (open > 0 && name.EndsWith(']') && int.TryParse(name.AsSpan(open + 1, name.Length - open - 2), out int e))
            {
                element = e;
                name = name[..open];
            }
            if (!byName.TryGetValue(name, out var list))
            {
                list = new List<(int, int)>();
                byName[name] = list;
                order.Add(name);
            }
            list.Add((element, bit.Index));
        }
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var bits = byName[order[i]].OrderByDescending(b => b.Element).Select(b => b.Bit).ToArray();
            _groups.Add((order[i], bits));
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
