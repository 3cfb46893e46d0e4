using QNetLang.Compiler;
using QNetLang.Ir;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// A run's copies on a sparse network are forwarded along the route instead of each being
/// entangled from the qubit's node: on the line a -- b -- c, a qubit at a with partners at b and
/// c costs two link pairs (a–b, then b–c from b's copy), not three (a–b and a–b–c).
/// </summary>
public class CopyForwardingTests
{
    private const string Line = """
        network line {
            qpu a { qubits = 1; comm = 2; }
            qpu b { qubits = 1; comm = 2; }
            qpu c { qubits = 1; comm = 2; }
            link a -- b { length = 1 km; }
            link b -- c { length = 1 km; }
        }

        program fan on line {
            qubit s @ a;
            qubit u @ b;
            qubit v @ c;
            h s;
            h u;
            h v;
            // One run of s (diagonal throughout: in Z, or in X where s is the target), two of u and
            // of v: copies of s at b and c cover it all.
            cz s, FIRST;
            cz s, SECOND;
            h u;
            h v;
            rz(0.3) s;
            cz s, FIRST;
            cz s, SECOND;
        }
        """;

    /// <summary>
    /// Near partner first: c's copy is forwarded from b's, already open. Far partner first: b's
    /// copy (needed next) is opened with it, and c's is forwarded from b's.
    /// </summary>
    [Theory]
    [InlineData("u", "v", "z")]
    [InlineData("u", "v", "x")]
    [InlineData("v", "u", "z")]
    [InlineData("v", "u", "x")]
    public void TheFarCopyIsForwardedFromTheOneOnTheWay(string first, string second, string basis)
    {
        var result = Compile(Partners(first, second, basis));

        var program = Assert.Single(result.Distributed);
        Assert.Equal(2, program.Context.Statistics.CatEntanglements);
        Assert.Equal(1, program.Context.Statistics.ForwardedCopies);
        Assert.Equal(2, DistributionReport.LinkPairs(program.Circuit));
        EquivalenceTests.AssertEquivalent(result, seed: 5);
    }

    [Fact]
    public void WithoutASpareCommunicationQubitTheCopyComesFromTheQubit()
    {
        // b's only communication qubit holds b's copy, so nothing is left there to forward with.
        var result = Compile(Partners("u", "v", "z").Replace("qpu b { qubits = 1; comm = 2; }", "qpu b { qubits = 1; comm = 1; }"));

        var program = Assert.Single(result.Distributed);
        Assert.Equal(0, program.Context.Statistics.ForwardedCopies);
        Assert.Equal(3, DistributionReport.LinkPairs(program.Circuit));
        EquivalenceTests.AssertEquivalent(result, seed: 9);
    }

    private static string Partners(string first, string second, string basis)
    {
        string program = Line.Replace("FIRST", first).Replace("SECOND", second);
        return basis == "z" ? program : program.Replace("cz s, u", "cx u, s").Replace("cz s, v", "cx v, s").Replace("rz(0.3) s", "rx(0.3) s");
    }

    private static CompilationResult Compile(string source)
    {
        var result = QnCompiler.CompileText(Path.Combine(Path.GetTempPath(), "forwarding.qn"), source, new CompilationOptions { Seed = 1, ValidateAfterEachPass = true });
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        return result;
    }
}
