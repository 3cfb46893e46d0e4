using System.Text;
using System.Text.Json;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Backends.Qasm3;

/// <summary>
/// manifest.json: everything about a distributed program that is not in the per-node files,
/// so that the files and the manifest together are the whole program (`qnlc run
/// manifest.json` executes them; <see cref="ManifestReader"/>). It records the network with
/// every property in SI units, every qubit (node at the start, role), every classical bit
/// (register, element, role, the node whose copy is final), which file each node runs with
/// its local qubits, and which calls across files belong together: each Bell pair's two
/// `entangle` calls with the route, each message's send and receive, and the program's figures
/// of merit (<see cref="FigureJson"/>).
/// </summary>
public static class ManifestWriter
{
    /// <summary>The manifest format; a reader refuses other versions.</summary>
    public const int FormatVersion = 3;

    public static string Write(DistributedProgram circuit, Func<string, string> fileOfNode)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", "qnetlang-distributed-program");
            json.WriteNumber("version", FormatVersion);
            json.WriteString("program", circuit.Name);
            WriteNetwork(json, circuit.Network);
            json.WriteStartArray("qubits");
            foreach (var q in circuit.Qubits)
            {
                json.WriteStartObject();
                json.WriteString("name", q.Name);
                json.WriteString("node", q.Node);
                json.WriteString("role", q.Role == QubitRole.Communication ? "communication" : "data");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("bits");
            foreach (var b in circuit.Bits)
            {
                json.WriteStartObject();
                json.WriteString("register", b.Register);
                if (b.Element is { } element) json.WriteNumber("element", element);
                json.WriteString("role", b.Role == BitRole.Program ? "program" : "protocol");
                json.WriteString("finalAt", circuit.FinalBitOwner[b.Index]);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("nodes");
            foreach (var program in circuit.Nodes)
            {
                json.WriteStartObject();
                json.WriteString("node", program.Node);
                json.WriteString("file", fileOfNode(program.Node));
                json.WriteStartArray("qubits");
                foreach (int q in program.Qubits) json.WriteNumberValue(q);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();

            var pairs = new SortedDictionary<int, List<(string Node, int Local, EntangleInstruction Instruction)>>();
            var bitSends = new SortedDictionary<int, (string From, string To, int Bit)>();
            var qubitSends = new SortedDictionary<int, (string From, string To, int Qubit)>();
            foreach (var program in circuit.Nodes)
            {
                var local = program.Qubits.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => x.i);
                foreach (var instruction in NodeInstructions.Flatten(program.Instructions))
                {
                    switch (instruction)
                    {
                        case EntangleInstruction e:
                            if (!pairs.TryGetValue(e.PairId, out var ends)) pairs[e.PairId] = ends = new();
                            ends.Add((program.Node, local[e.Qubit], e));
                            break;
                        case SendBitInstruction s:
                            bitSends[s.MessageId] = (program.Node, s.To, s.Bit);
                            break;
                        case SendQubitInstruction s:
                            qubitSends[s.MessageId] = (program.Node, s.To, s.Qubit);
                            break;
                    }
                }
            }

            json.WriteStartArray("pairs");
            foreach (var (id, ends) in pairs)
            {
                json.WriteStartObject();
                json.WriteNumber("pair", id);
                json.WriteStartArray("ends");
                foreach (var (node, localQubit, instruction) in ends)
                {
                    json.WriteStartObject();
                    json.WriteString("node", node);
                    json.WriteNumber("qubit", localQubit);
                    json.WriteString("name", circuit.Qubits[instruction.Qubit].Name);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("path");
                foreach (var hop in ends[0].Instruction.Path) json.WriteStringValue(hop);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("messages");
            foreach (var (id, send) in bitSends)
            {
                json.WriteStartObject();
                json.WriteNumber("message", id);
                json.WriteString("kind", "bit");
                json.WriteString("from", send.From);
                json.WriteString("to", send.To);
                json.WriteString("bit", circuit.Bits[send.Bit].Name);
                json.WriteEndObject();
            }
            foreach (var (id, send) in qubitSends)
            {
                json.WriteStartObject();
                json.WriteNumber("message", id);
                json.WriteString("kind", "qubit");
                json.WriteString("from", send.From);
                json.WriteString("to", send.To);
                json.WriteString("qubit", circuit.Qubits[send.Qubit].Name);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("figures");
            foreach (var figure in circuit.Figures)
            {
                json.WriteStartObject();
                json.WriteString("name", figure.Name);
                json.WritePropertyName("expression");
                FigureJson.Write(json, figure.Expression);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteNetwork(Utf8JsonWriter json, Network network)
    {
        json.WriteStartObject("network");
        json.WriteString("name", network.Name);
        WriteProperties(json, network.Properties);
        json.WriteStartArray("nodes");
        foreach (var node in network.Nodes)
        {
            json.WriteStartObject();
            json.WriteString("name", node.Name);
            json.WriteString("kind", NodeKinds.Name(node.Kind));
            WriteProperties(json, node.Properties);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("links");
        foreach (var link in network.Links)
        {
            json.WriteStartObject();
            json.WriteString("from", link.From);
            json.WriteString("to", link.To);
            WriteProperties(json, link.Properties);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Numbers in SI units with their dimension (so a reader rebuilds the same quantities), symbols as strings.</summary>
    private static void WriteProperties(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, PropertyValue>> properties)
    {
        json.WriteStartObject("properties");
        foreach (var (name, value) in properties)
        {
            if (value.Number is { } quantity)
            {
                json.WriteStartObject(name);
                json.WriteNumber("value", quantity.Value);
                json.WriteString("dimension", quantity.Dimension.ToString());
                json.WriteEndObject();
            }
            else json.WriteString(name, value.Symbol);
        }
        json.WriteEndObject();
    }
}
