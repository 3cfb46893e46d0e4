using System.Text.Json;
using CsCheck;
using QNetLang.Compiler;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// report.json adds up: every ebit has a named consumer, every gate that crossed QPUs is
/// counted however it was carried out, and the timed steps sum to compileMs.
/// </summary>
public class ReportIdentityTests
{
    [Fact]
    public void IdentitiesHoldOnRandomCircuits()
    {
        int withEbits = 0, withMigrations = 0;
        Gen.Select(Gen.Int[2, 7], Gen.Int[2, 4], Gen.Int[1, 40], Gen.Bool, Gen.Int).Sample((qubits, qpus, size, layered, seed) =>
        {
            var random = new Random(seed);
            // Layered circuits on tight QPUs make the partitioner migrate; the others use telegates.
            string qasm = layered ? RandomPrograms.BlockLayers(random, Math.Max(4, qubits), 2 + size % 5) : RandomPrograms.Circuit(random, qubits, size);
            int n = layered ? Math.Max(4, qubits) : qubits;
            var options = new CompilationOptions { QpuCount = qpus, QubitsPerQpu = layered ? n / 2 + 1 : (n + qpus - 1) / qpus, Seed = seed };
            var report = Report(QnCompiler.CompileText($"random-{Guid.NewGuid():N}.qasm", qasm, options));
            int ebits = report.GetProperty("ebits").GetInt32();
            int teleportations = report.GetProperty("teleportations").GetInt32();
            int cat = report.GetProperty("catEntanglements").GetInt32();
            Assert.Equal(report.GetProperty("sourceTeleportations").GetInt32() + report.GetProperty("migrations").GetInt32(), teleportations);
            Assert.Equal(0, report.GetProperty("eprStatements").GetInt32());
            Assert.Equal(ebits, teleportations + cat);
            int nonLocal = report.GetProperty("nonLocalGates").GetInt32();
            Assert.Equal(report.GetProperty("nonLocalGatesByTelegate").GetInt32() + report.GetProperty("nonLocalGatesByMove").GetInt32(), nonLocal);
            // A circuit with no network statements spends ebits only to serve gates that cross QPUs.
            Assert.Equal(ebits > 0, nonLocal > 0);
            if (cat > 0) Assert.True(report.GetProperty("nonLocalGatesByTelegate").GetInt32() > 0);
            AssertTimesAddUp(report);
            if (ebits > 0) Interlocked.Increment(ref withEbits);
            if (report.GetProperty("migrations").GetInt32() > 0) Interlocked.Increment(ref withMigrations);
        }, iter: 80);
        Assert.True(withEbits > 0, "no sample needed an ebit, so the identities were checked on nothing");
        Assert.True(withMigrations > 0, "no sample migrated a qubit, so migrations were never counted");
    }

    [Fact]
    public void EveryConsumerOfANetworkProgramIsCounted()
    {
        var result = QnCompiler.CompileText("consumers.qn", """
            network lab {
                qpu alice { qubits = 3; comm = 2; }
                qpu bob { qubits = 3; comm = 2; }
                link alice -- bob { length = 1 km; }
            }
            program consumers on lab {
                qubit a @ alice;
                qubit b @ bob;
                qubit c @ alice;
                qubit d @ bob;
                bit[4] m;
                epr a, b;            // an epr statement
                h c;
                cx c, d;             // a telegate: one cat-entangled copy
                teleport c -> bob;   // a written teleport
                cx c, d;             // now local, because c moved
                m[0] = measure a;
                m[1] = measure b;
                m[2] = measure c;
                m[3] = measure d;
            }
            """, new CompilationOptions());
        var report = Report(result);
        Assert.Equal(3, report.GetProperty("ebits").GetInt32());
        Assert.Equal(1, report.GetProperty("eprStatements").GetInt32());
        Assert.Equal(1, report.GetProperty("catEntanglements").GetInt32());
        Assert.Equal(1, report.GetProperty("teleportations").GetInt32());
        Assert.Equal(1, report.GetProperty("sourceTeleportations").GetInt32());
        Assert.Equal(0, report.GetProperty("migrations").GetInt32());
        Assert.Equal(2, report.GetProperty("nonLocalGates").GetInt32());
        Assert.Equal(1, report.GetProperty("nonLocalGatesByTelegate").GetInt32());
        Assert.Equal(1, report.GetProperty("nonLocalGatesByMove").GetInt32());
        var steps = report.GetProperty("passes").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["parse", "bind", "lower", "partition", "distribute", "route", "schedule", "validate", "emit"], steps);
        AssertTimesAddUp(report);
    }

    [Fact]
    public void TheReportSaysWhichRouteEachPairTookAndWhy()
    {
        string metro = Path.Combine(RepoPaths.Examples, "networks", "metro.qn").Replace('\\', '/');
        var result = QnCompiler.CompileText(Path.Combine(RepoPaths.Examples, "routes.qn"), $$"""
            include "{{metro}}";
            program routes on metro {
                qubit x @ alice; qubit y @ bob; qubit z @ carol;
                epr x, y;
                epr x, z;
            }
            """, new CompilationOptions());
        var report = Report(result);
        Assert.Equal("fidelity", report.GetProperty("routing").GetString());
        var routes = report.GetProperty("routes").EnumerateArray()
            .ToDictionary(r => string.Join(" -- ", r.GetProperty("path").EnumerateArray().Select(h => h.GetString())), r => r);
        Assert.Equal(["alice -- hub -- bob", "alice -- hub -- carol"], routes.Keys.Order(StringComparer.Ordinal));
        double w = (4 * 0.97 - 1) / 3.0;
        Assert.Equal((1 + 3 * w * w) / 4, routes["alice -- hub -- bob"].GetProperty("freshPairFidelity").GetDouble(), 12);
        Assert.Equal(1, routes["alice -- hub -- carol"].GetProperty("pairs").GetInt32());
        Assert.True(routes["alice -- hub -- bob"].GetProperty("expectedPairSeconds").GetDouble() > 0);
    }

    private static JsonElement Report(CompilationResult result)
    {
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var files = Emitters.Produce(result, ["qasm3", "qir", "report"]);
        return JsonDocument.Parse(files["report.json"]).RootElement.Clone();
    }

    private static void AssertTimesAddUp(JsonElement report)
    {
        double compileMs = report.GetProperty("compileMs").GetDouble();
        double sum = report.GetProperty("passes").EnumerateArray().Sum(p => p.GetProperty("ms").GetDouble());
        Assert.True(compileMs > 0);
        Assert.True(Math.Abs(sum - compileMs) <= 0.05 * compileMs, $"the steps sum to {sum} ms but compileMs is {compileMs}");
    }
}
