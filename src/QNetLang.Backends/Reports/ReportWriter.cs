using System.Text;
using System.Text.Json;
using QNetLang.Ir;

namespace QNetLang.Backends.Reports;

/// <summary>
/// What report.json needs about one distributed program. <paramref name="Steps"/> are the timed
/// steps of the whole compilation (parse, bind, lower, each pass, validate, emit), whose sum is
/// <paramref name="CompileMilliseconds"/> up to bookkeeping.
/// </summary>
public sealed record ReportInput(Circuit Original, Circuit Distributed, DistributedProgram? Program, DistributionStatistics Statistics, int Seed, IReadOnlyList<(string Name, double Milliseconds)> Steps, double CompileMilliseconds);

/// <summary>
/// report.json (camelCase): ebits and each of their consumers (teleportations — written ones
/// and partitioner migrations —, catEntanglements, eprStatements), nonLocalGates (by telegate
/// and by moving a qubit), classicalBits, partition, nodes, passes (every timed step), compileMs
/// — plus linkPairs, evictions and seed. Everything but the timings is a pure function of
/// input and seed.
/// </summary>
public static class ReportWriter
{
    public static string Write(IReadOnlyList<ReportInput> programs)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            if (programs.Count == 1)
            {
                WriteProgram(json, programs[0]);
            }
            else
            {
                json.WriteStartObject();
                json.WriteStartArray("programs");
                foreach (var program in programs) WriteProgram(json, program);
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteProgram(Utf8JsonWriter json, ReportInput input)
    {
        var distributed = input.Distributed;
        var statistics = input.Statistics;
        var schedule = input.Program;
        json.WriteStartObject();
        json.WriteString("program", input.Original.Name);
        json.WriteString("network", input.Original.Network.Name);
        json.WriteNumber("seed", input.Seed);
        var ebits = DistributionReport.Account(input.Original, distributed, statistics);
        json.WriteNumber("ebits", ebits.Ebits);
        json.WriteNumber("linkPairs", DistributionReport.LinkPairs(distributed));
        json.WriteNumber("nonLocalGates", statistics.NonLocalGates);
        json.WriteNumber("nonLocalGatesByTelegate", statistics.NonLocalGatesByTelegate);
        json.WriteNumber("nonLocalGatesByMove", statistics.NonLocalGatesByMove);
        json.WriteNumber("teleportations", ebits.Teleportations);
        json.WriteNumber("sourceTeleportations", ebits.SourceTeleportations);
        json.WriteNumber("migrations", ebits.Migrations);
        json.WriteNumber("catEntanglements", ebits.CatEntanglements);
        json.WriteNumber("eprStatements", ebits.EprStatements);
        json.WriteNumber("evictions", statistics.Evictions);
        json.WriteNumber("classicalBits", schedule?.BitMessages ?? 0);
        WriteRoutes(json, distributed);

        json.WriteStartObject("partition");
        foreach (var q in input.Original.Qubits)
        {
            var placed = distributed.Qubits[q.Index];
            json.WriteString(q.Name, placed.Node);
        }
        json.WriteEndObject();

        json.WriteStartObject("nodes");
        var gates = new Dictionary<string, int>(StringComparer.Ordinal);
        var location = new LocationTracker(distributed);
        CountGates(distributed.Operations, location, gates);
        foreach (var node in distributed.Network.Nodes)
        {
            int data = distributed.Qubits.Count(q => q.Node == node.Name && q.Role == QubitRole.Data);
            int comm = distributed.Qubits.Count(q => q.Node == node.Name && q.Role == QubitRole.Communication);
            if (data == 0 && comm == 0 && !gates.ContainsKey(node.Name)) continue;
            json.WriteStartObject(node.Name);
            json.WriteNumber("dataQubits", data);
            json.WriteNumber("commQubits", comm);
            json.WriteNumber("gates", gates.GetValueOrDefault(node.Name));
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartArray("passes");
        foreach (var (name, ms) in input.Steps)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteNumber("ms", Math.Round(ms, 3));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("compileMs", Math.Round(input.CompileMilliseconds, 3));
        json.WriteEndObject();
    }

    /// <summary>
    /// Every route the program's pairs take, with how many pairs take it and what the router
    /// expected of it (generation time, fresh-pair fidelity), and the metric it ranked by.
    /// </summary>
    private static void WriteRoutes(Utf8JsonWriter json, Circuit distributed)
    {
        var router = new Router(distributed.Network);
        json.WriteString("routing", Router.NameOf(router.Metric));
        var routes = new SortedDictionary<string, (System.Collections.Immutable.ImmutableArray<string> Path, int Pairs)>(StringComparer.Ordinal);
        foreach (var epr in distributed.AllOperations().OfType<EprOperation>().Where(e => e.Path.Length >= 2))
        {
            string key = string.Join(" -- ", epr.Path);
            routes[key] = (epr.Path, routes.GetValueOrDefault(key).Pairs + 1);
        }
        json.WriteStartArray("routes");
        foreach (var (_, (path, pairs)) in routes)
        {
            var (seconds, fidelity) = router.Estimate(path);
            json.WriteStartObject();
            json.WriteStartArray("path");
            foreach (string hop in path) json.WriteStringValue(hop);
            json.WriteEndArray();
            json.WriteNumber("pairs", pairs);
            json.WriteNumber("expectedPairSeconds", seconds);
            json.WriteNumber("freshPairFidelity", fidelity);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void CountGates(IEnumerable<Operation> operations, LocationTracker location, Dictionary<string, int> gates)
    {
        foreach (var op in operations)
        {
            if (op is GateOperation g && location.NodeOf(g.Qubits[0]) is { } node) gates[node] = gates.GetValueOrDefault(node) + 1;
            if (op is IfOperation i)
            {
                CountGates(i.Then, location.Clone(), gates);
                CountGates(i.Else, location.Clone(), gates);
            }
            location.Apply(op);
        }
    }
}
