using QNetLang.Core;
using System.Globalization;
using System.Text;
using QNetLang.Ir;

namespace QNetLang.Backends;

/// <summary>The network as a Graphviz graph: node kinds as shapes, link lengths as labels, and how many Bell pairs each link carries in the distributed program.</summary>
public static class DotWriter
{
    public static string Write(Circuit distributed)
    {
        var network = distributed.Network;
        var load = new Dictionary<(string, string), int>();
        foreach (var e in distributed.AllOperations().OfType<EprOperation>())
            for (int i = 1; i < e.Path.Length; i++)
            {
                var key = string.CompareOrdinal(e.Path[i - 1], e.Path[i]) < 0 ? (e.Path[i - 1], e.Path[i]) : (e.Path[i], e.Path[i - 1]);
                load[key] = load.GetValueOrDefault(key) + 1;
            }
        var sb = new StringBuilder();
        sb.Append("graph \"").Append(network.Name).Append("\" {\n  layout=neato;\n  overlap=false;\n");
        foreach (var node in network.Nodes)
        {
            string shape = node.Kind switch { NodeKind.Qpu => "box", NodeKind.Repeater => "diamond", _ => "ellipse" };
            int qubits = distributed.Qubits.Count(q => q.Node == node.Name);
            sb.Append("  \"").Append(node.Name).Append("\" [shape=").Append(shape).Append(", label=\"").Append(node.Name);
            if (qubits > 0) sb.Append("\\n").Append(qubits).Append(" qubit(s)");
            sb.Append("\"];\n");
        }
        foreach (var link in network.Links)
        {
            var key = string.CompareOrdinal(link.From, link.To) < 0 ? (link.From, link.To) : (link.To, link.From);
            sb.Append("  \"").Append(link.From).Append("\" -- \"").Append(link.To).Append("\" [label=\"")
              .Append((link.Length / 1000).ToString("0.###", CultureInfo.InvariantCulture)).Append(" km");
            if (load.TryGetValue(key, out int pairs)) sb.Append(", ").Append(pairs).Append(" pair(s)");
            sb.Append("\"");
            if (link.Kind != LinkKind.Fiber) sb.Append(", style=dashed");
            sb.Append("];\n");
        }
        sb.Append("}\n");
        return sb.ToString();
    }
}
