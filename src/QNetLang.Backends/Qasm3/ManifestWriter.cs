using System.Text;
using System.Text.Json;
using QNetLang.Ir;

namespace QNetLang.Backends.Qasm3;

/// <summary>
/// manifest.json: which file each node runs, what its local qubits are, and which calls across
/// files belong together — each Bell pair's two `entangle` calls (with the route) and each
/// message's send and receive.
/// </summary>
public static class ManifestWriter
{
    public static string Write(DistributedProgram circuit, Func<string, string> fileOfNode)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("program", circuit.Name);
            json.WriteString("network", circuit.Network.Name);
            json.WriteStartArray("nodes");
            foreach (var program in circuit.Nodes)
            {
                json.WriteStartObject();
                json.WriteString("node", program.Node);
                json.WriteString("file", fileOfNode(program.Node));
                json.WriteStartArray("qubits");
                foreach (int q in program.Qubits) json.WriteStringValue(circuit.Qubits[q].Name);
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
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
