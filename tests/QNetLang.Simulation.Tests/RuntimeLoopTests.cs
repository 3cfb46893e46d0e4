using QNetLang.Backends.Qasm3;
using QNetLang.Ir;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// Runtime `while` loops: executed per node, with the condition's bits sent to every node that
/// replays the loop, against exact distributions; the same program on one QPU and on two; the
/// per-node OpenQASM 3 read back; and the two ways a loop that never ends is stopped.
/// </summary>
public class RuntimeLoopTests
{
    private const int Shots = 20000;

    /// <summary>
    /// bob flips a coin until it shows 1 (K iterations, P(K = k) = 2^-k); alice turns her qubit
    /// by ry(pi/2) in every iteration, so P(a = 1) = sum over k of 2^-k sin^2(k pi/4) = 0.6.
    /// alice's loop tests bob's coin, which reaches her by message after every iteration.
    /// </summary>
    private static string CoinLoop(bool oneQpu) => $$"""
        network lab {
            qpu alice { qubits = 4; }
            qpu bob   { qubits = 4; }
            link alice -- bob { length = 1 km; fidelity = 1; }
        }
        program coin on lab {
            qubit a @ alice;
            qubit c @ {{(oneQpu ? "alice" : "bob")}};
            bit heads;
            bit out;
            while (heads == 0) {
                ry(pi / 2) a;
                reset c;
                h c;
                heads = measure c;
            }
            out = measure a;
        }
        """;

    [Fact]
    public void AliceFollowsBobsLoopIterationForIteration()
    {
        var program = TestSupport.Compile(CoinLoop(oneQpu: false));
        var alice = program.Nodes.Single(n => n.Node == "alice");
        var loop = Assert.Single(alice.Instructions.OfType<ConditionalInstruction>());
        Assert.True(loop.IsLoop);
        // The body ends by receiving this iteration's coin.
        Assert.IsType<ReceiveBitInstruction>(loop.Then[^1]);
        var result = TestSupport.Run(program, Shots, seed: 5);
        Assert.Equal(Shots, TestSupport.Count(result, key => key.EndsWith('1')));   // heads = 1 always
        Statistics.AssertProportion(TestSupport.Count(result, key => key.StartsWith('1')), Shots, 0.6, "P(out = 1)");
    }

    [Fact]
    public void OneQpuAndTwoQpusGiveTheSameDistribution()
    {
        var local = TestSupport.Run(TestSupport.Compile(CoinLoop(oneQpu: true)), Shots, seed: 6);
        var distributed = TestSupport.Run(TestSupport.Compile(CoinLoop(oneQpu: false)), Shots, seed: 7);
        Assert.Equal(0, local.Ebits);
        Statistics.AssertSameProportion(TestSupport.Count(local, k => k.StartsWith('1')), TestSupport.Count(distributed, k => k.StartsWith('1')), Shots, "P(out = 1)");
    }

    /// <summary>
    /// A remote gate inside the loop: each iteration asks for a new Bell pair at run time. bob's
    /// control is |+> and the loop ends when it reads 1, so the iterations (and the pairs) per
    /// shot are geometric with p = 1/2: 2 on average.
    /// </summary>
    [Fact]
    public void ARemoteGateInsideALoopTakesOnePairPerIteration()
    {
        var program = TestSupport.Compile("""
            network lab {
                qpu alice { qubits = 4; comm = 1; }
                qpu bob   { qubits = 4; comm = 1; }
                link alice -- bob { length = 1 km; fidelity = 1; }
            }
            program remote on lab {
                qubit a @ alice;
                qubit b @ bob;
                bit done;
                bit copy;
                while (done == 0) {
                    reset a;
                    reset b;
                    h b;
                    cx b, a;
                    done = measure b;
                    copy = measure a;
                }
            }
            """);
        var result = TestSupport.Run(program, Shots, seed: 8);
        Assert.Equal(Shots, TestSupport.Count(result, key => key == "1 1"));   // the copy agrees with the control that ended the loop
        // Iterations are geometric with p = 1/2: mean 2, standard deviation sqrt(2).
        Assert.True(Math.Abs(result.Ebits - 2) <= Statistics.Sigmas * Math.Sqrt(2.0 / Shots), $"pairs per shot {result.Ebits}");
    }

    /// <summary>
    /// A loop nested in a loop inside an `if`, over three nodes. With sel = 1 (probability 1/2)
    /// the outer loop runs K times (P(K = k) = 2^-k); in each, the inner loop applies x to c
    /// G times with P(G = g) = 2^-(g + 1), odd with probability 1/3. c ends at 1 when the total is
    /// odd: sum over k of 2^-k (1 - 3^-k)/2 = 2/5. So P(out = 1) = 1/5, P(sel = 1, out = 0) = 3/10.
    /// (An end step that counted the inner body's finishes once per inner iteration ended the
    /// outer loop early; this catches it.)
    /// </summary>
    [Theory]
    [InlineData("bob", "carol")]
    [InlineData("alice", "alice")]
    public void NestedLoopsInsideAConditionalGiveTheExactDistribution(string bNode, string cNode)
    {
        var program = TestSupport.Compile($$"""
            network lab {
                qpu alice { qubits = 4; }
                qpu bob   { qubits = 4; }
                qpu carol { qubits = 4; }
                link alice -- bob { length = 1 km; }
                link bob -- carol { length = 1 km; }
            }
            program nest on lab {
                qubit a @ alice; qubit b @ {{bNode}}; qubit c @ {{cNode}};
                bit ka; bit kb; bit sel; bit out;
                h a;
                sel = measure a;
                if (sel == 1) {
                    while (ka == 0) {
                        reset b; h b; kb = measure b;
                        while (kb == 0) { reset b; h b; kb = measure b; x c; }
                        reset a; h a; ka = measure a;
                    }
                }
                out = measure c;
            }
            """);
        var result = TestSupport.Run(program, Shots, seed: 9);
        // Columns: out sel kb ka. The loops end only on ka = kb = 1.
        Assert.Equal(Shots, TestSupport.Count(result, key => key is "0 0 0 0" or "0 1 1 1" or "1 1 1 1"));
        Statistics.AssertProportion(TestSupport.Count(result, key => key == "1 1 1 1"), Shots, 0.2, "P(out = 1)");
        Statistics.AssertProportion(TestSupport.Count(result, key => key == "0 1 1 1"), Shots, 0.3, "P(sel = 1, out = 0)");
    }

    [Fact]
    public void NodeFilesReadBackWithTheirLoops()
    {
        var program = TestSupport.Compile(CoinLoop(oneQpu: false));
        foreach (var node in program.Nodes)
        {
            string text = NodeQasmEmitter.Emit(program, node);
            Assert.Contains("while (!heads) {", text);
        }
    }

    [Fact]
    public void ALoopWhoseBodyTakesNoTimeStopsAtTheIterationLimit()
    {
        var program = TestSupport.Compile("""
            network n { qpu a { qubits = 1; } }
            program p on n {
                qubit q @ a;
                bit m;
                m = measure q;
                while (m == 0) { barrier q; }
            }
            """);
        var (result, diagnostics) = Simulator.Run(program, new RunOptions { Shots = 1 });
        Assert.Null(result);
        var error = Assert.Single(diagnostics);
        Assert.Equal("QN3010", error.Code);
        // At the loop, not at the start of the file.
        Assert.EndsWith("(6,5)", error.Location.ToString());
    }

    [Fact]
    public void ALoopThatNeverEndsStopsAtTheTimeLimit()
    {
        var program = TestSupport.Compile("""
            network n { qpu a { qubits = 1; gate_time = 1 us; } }
            program p on n {
                qubit q @ a;
                bit m;
                m = measure q;
                while (m == 0) { x q; x q; }
            }
            """);
        var (result, diagnostics) = Simulator.Run(program, new RunOptions { Shots = 1, MaxTimeSeconds = 1e-3 });
        Assert.Null(result);
        Assert.Equal("QN4105", Assert.Single(diagnostics).Code);
    }
}
