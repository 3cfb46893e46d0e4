using System.Collections.Immutable;
using System.Text.Json;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Backends.Qasm3;

/// <summary>
/// Reads back what `qnlc build --emit qasm3` wrote — manifest.json and the per-node OpenQASM 3
/// files it names — as the distributed program they describe, so `qnlc run manifest.json`
/// executes the emitted files themselves. Reading and writing are exact inverses (a test
/// checks it on every example): same network, qubits, bits, instructions and routes, so the
/// simulator gives byte-identical counts for the files and for the source program. Anything
/// else — a hand-edited file that breaks the format, a pair with one end, an unknown gate — is
/// a diagnostic (QN4301 for the manifest, QN4302 for a node file) at the offending line.
/// </summary>
public static class ManifestReader
{
    /// <summary>
    /// Reads the manifest; <paramref name="loadNodeFile"/> loads a node file by the name the
    /// manifest gives (relative to the manifest), reporting its own problems and returning null.
    /// </summary>
    public static DistributedProgram? Read(SourceText manifest, Func<string, SourceText?> loadNodeFile, DiagnosticBag diagnostics)
    {
        try
        {
            using var document = JsonDocument.Parse(manifest.Text, new JsonDocumentOptions { MaxDepth = 64 });
            return new Reader(loadNodeFile, diagnostics).Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0), column = (int)(ex.BytePositionInLine ?? 0);
            int position = manifest.GetPosition(line + 1, column + 1);
            diagnostics.Report(Diagnostics.MalformedManifest, new Location(manifest, new TextSpan(position, 0)), "not valid JSON: " + ex.Message);
            return null;
        }
        catch (ManifestException ex)
        {
            diagnostics.Report(Diagnostics.MalformedManifest, new Location(manifest, default), ex.Message);
            return null;
        }
    }

    private sealed class ManifestException(string message) : Exception(message);

    private sealed class Reader(Func<string, SourceText?> loadNodeFile, DiagnosticBag diagnostics)
    {
        public DistributedProgram? Read(JsonElement root)
        {
            if (Str(root, "format") != "qnetlang-distributed-program")
                throw new ManifestException("this is not a QNetLang manifest (its \"format\" is not \"qnetlang-distributed-program\")");
            int version = Int(root, "version");
            if (version != ManifestWriter.FormatVersion)
                throw new ManifestException($"manifest version {version} is not supported (this qnlc reads version {ManifestWriter.FormatVersion}; rebuild with this qnlc)");
            string name = Str(root, "program");
            var network = ReadNetwork(Get(root, "network"));
            var nodeNames = network.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);

            var qubits = Array(root, "qubits").Select((q, i) =>
            {
                string node = Str(q, "node");
                if (!nodeNames.Contains(node)) throw new ManifestException($"qubit {i} is on '{node}', which is not a node of the network");
                return new QubitInfo(i, Str(q, "name"), node, Str(q, "role") switch
                {
                    "data" => QubitRole.Data,
                    "communication" => QubitRole.Communication,
                    var other => throw new ManifestException($"qubit {i} has the unknown role '{other}'"),
                });
            }).ToImmutableArray();
            var finalAt = new List<string?>();
            var bits = Array(root, "bits").Select((b, i) =>
            {
                string? owner = b.TryGetProperty("finalAt", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                if (owner is not null && !nodeNames.Contains(owner)) throw new ManifestException($"bit {i} is final at '{owner}', which is not a node of the network");
                finalAt.Add(owner);
                int? element = b.TryGetProperty("element", out var e) ? e.GetInt32() : null;
                return new BitInfo(i, Str(b, "register"), element, Str(b, "role") switch
                {
                    "program" => BitRole.Program,
                    "protocol" => BitRole.Protocol,
                    var other => throw new ManifestException($"bit {i} has the unknown role '{other}'"),
                });
            }).ToImmutableArray();

            var context = new NodeFileContext(network, qubits, bits, ReadPairs(root, nodeNames), ReadMessages(root, nodeNames));
            var programs = ImmutableArray.CreateBuilder<NodeProgram>();
            foreach (var entry in Array(root, "nodes"))
            {
                string node = Str(entry, "node");
                if (!nodeNames.Contains(node)) throw new ManifestException($"a program is given for '{node}', which is not a node of the network");
                var local = Array(entry, "qubits").Select(q =>
                {
                    int index = q.GetInt32();
                    if (index < 0 || index >= qubits.Length) throw new ManifestException($"node {node} holds qubit {index}, which the manifest does not declare");
                    return index;
                }).ToImmutableArray();
                string file = Str(entry, "file");
                if (loadNodeFile(file) is not { } source) return null;
                if (NodeQasmReader.Read(source, node, local, context, diagnostics) is not { } instructions) return null;
                programs.Add(new NodeProgram(node, local, instructions));
            }
            return new DistributedProgram(name, network, qubits, bits, programs.ToImmutable(), [.. finalAt]) { Figures = ReadFigures(root, bits.Length) };
        }

        private static ImmutableArray<FigureDefinition> ReadFigures(JsonElement root, int bitCount)
        {
            var figures = ImmutableArray.CreateBuilder<FigureDefinition>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in Array(root, "figures"))
            {
                string figure = Str(entry, "name");
                if (FigureJson.Read(Get(entry, "expression"), bitCount, names, out string? error) is not { } expression)
                    throw new ManifestException($"figure '{figure}': {error}");
                if (!names.Add(figure)) throw new ManifestException($"figure '{figure}' is defined twice");
                figures.Add(new FigureDefinition(figure, expression));
            }
            return figures.ToImmutable();
        }

        private static Network ReadNetwork(JsonElement element)
        {
            var nodes = Array(element, "nodes").Select(n =>
            {
                string kind = Str(n, "kind");
                return new NetworkNode(Str(n, "name"), NodeKinds.Parse(kind) ?? throw new ManifestException($"node {Str(n, "name")} has the unknown kind '{kind}'"), Properties(n));
            }).ToImmutableArray();
            var names = nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            var links = Array(element, "links").Select(l =>
            {
                string from = Str(l, "from"), to = Str(l, "to");
                if (!names.Contains(from) || !names.Contains(to)) throw new ManifestException($"link {from} -- {to} joins a node the network does not declare");
                return new NetworkLink(from, to, Properties(l));
            }).ToImmutableArray();
            return new Network(Str(element, "name"), nodes, links, Properties(element));
        }

        private static ImmutableSortedDictionary<string, PropertyValue> Properties(JsonElement owner)
        {
            var values = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
            foreach (var property in Get(owner, "properties").EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    values[property.Name] = PropertyValue.OfSymbol(property.Value.GetString()!);
                    continue;
                }
                string dimension = Str(property.Value, "dimension");
                if (!Enum.TryParse<Dimension>(dimension, out var d) || !Enum.IsDefined(d))
                    throw new ManifestException($"property '{property.Name}' has the unknown dimension '{dimension}'");
                values[property.Name] = PropertyValue.Of(new Quantity(Get(property.Value, "value").GetDouble(), d));
            }
            return values.ToImmutable();
        }

        private static Dictionary<int, PairEnds> ReadPairs(JsonElement root, HashSet<string> nodes)
        {
            var pairs = new Dictionary<int, PairEnds>();
            foreach (var pair in Array(root, "pairs"))
            {
                int id = Int(pair, "pair");
                var path = Array(pair, "path").Select(p => p.GetString() ?? "").ToImmutableArray();
                var ends = Array(pair, "ends").Select(e => Str(e, "node")).ToList();
                if (ends.Count != 2 || path.Length < 2 || ends[0] != path[0] || ends[1] != path[^1] || path.Any(n => !nodes.Contains(n)))
                    throw new ManifestException($"pair {id} must have two ends joined by a path of network nodes, from the first end to the second");
                if (!pairs.TryAdd(id, new PairEnds(ends[0], ends[1], path))) throw new ManifestException($"pair {id} is listed twice");
            }
            return pairs;
        }

        private static Dictionary<(string Kind, int Id), Message> ReadMessages(JsonElement root, HashSet<string> nodes)
        {
            var messages = new Dictionary<(string, int), Message>();
            foreach (var message in Array(root, "messages"))
            {
                int id = Int(message, "message");
                string kind = Str(message, "kind"), from = Str(message, "from"), to = Str(message, "to");
                if (kind is not ("bit" or "qubit")) throw new ManifestException($"message {id} has the unknown kind '{kind}'");
                if (!nodes.Contains(from) || !nodes.Contains(to)) throw new ManifestException($"message {id} goes between nodes the network does not declare");
                if (!messages.TryAdd((kind, id), new Message(from, to))) throw new ManifestException($"{kind} message {id} is listed twice");
            }
            return messages;
        }

        private static JsonElement Get(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : throw new ManifestException($"\"{name}\" is missing");

        private static string Str(JsonElement element, string name) =>
            Get(element, name) is { ValueKind: JsonValueKind.String } s ? s.GetString()! : throw new ManifestException($"\"{name}\" must be a string");

        private static int Int(JsonElement element, string name) =>
            Get(element, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out int v) ? v : throw new ManifestException($"\"{name}\" must be an integer");

        private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
            Get(element, name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : throw new ManifestException($"\"{name}\" must be an array");
    }
}

/// <summary>A Bell pair as the manifest records it: its two ends and the route from the first to the second.</summary>
internal sealed record PairEnds(string First, string Second, ImmutableArray<string> Path);

/// <summary>A message as the manifest records it.</summary>
internal sealed record Message(string From, string To);

/// <summary>What a node file's calls refer to: the manifest's network, qubits, bits, pairs and messages.</summary>
internal sealed record NodeFileContext(
    Network Network,
    ImmutableArray<QubitInfo> Qubits,
    ImmutableArray<BitInfo> Bits,
    IReadOnlyDictionary<int, PairEnds> Pairs,
    IReadOnlyDictionary<(string Kind, int Id), Message> Messages);
