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
        Assert.Equal("QN3010", Assert.Single(diagnostics).Code);
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
