using System.Globalization;
using CsCheck;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// QNetLang subroutines (`def`) are inlined before distribution, so a program that uses them
/// must give the same outcome distribution whether its qubits sit on one QPU or are spread over
/// two (the remote gates inside the inlined bodies get their entanglement, the values their
/// calls return are sent where they are tested).
/// </summary>
public class SubroutineTests
{
    private const int Shots = 4000;

    /// <summary>
    /// Random angles and placements: a subroutine with a classical parameter returns a bit used
    /// in an expression; another loops at run time until its qubit reads 1 and returns the number
    /// of retries; that count, a runtime value, is the angle of a user-defined gate; and a call
    /// inside an `if` condition entangles two qubits that may be on different nodes.
    /// </summary>
    [Fact]
    public void ProgramWithSubroutinesGivesTheSameDistributionOnTwoQpusAsOnOne()
    {
        Gen.Select(Gen.Double[0.3, 2.8].Array[2], Gen.Double[1.2, 2.8], Gen.Int[0, 1].Array[3])
            .Sample((angles, retryAngle, placement) =>
            {
                string Source(int[] nodes) => string.Create(CultureInfo.InvariantCulture, $$"""
                    network pair {
                        qpu n0 { qubits = 4; comm = 2; }
                        qpu n1 { qubits = 4; comm = 2; }
                        link n0 -- n1 { length = 1 km; fidelity = 1; }
                    }
                    program subroutines on pair {
                        qubit q0 @ n{{nodes[0]}};
                        qubit q1 @ n{{nodes[1]}};
                        qubit q2 @ n{{nodes[2]}};
                        bit[3] c;
                        uint[2] tries;

                        gate turn(phi) q { ry(phi) q; rz(phi / 2) q; }

                        def parity(qubit a, qubit b, float[64] theta) -> bit {
                            bit m;
                            ry(theta) a;
                            cx a, b;
                            m = measure b;
                            return m;
                        }

                        def until_one(qubit a, float[64] theta) -> uint[2] {
                            uint[2] n;
                            bit m;
                            ry(theta) a;
                            m = measure a;
                            while (m == 0) {
                                reset a;
                                ry(theta) a;
                                m = measure a;
                                n += 1;
                            }
                            return n;
                        }

                        c[0] = parity(q0, q1, {{angles[0]}}) ^ 1;
                        tries = until_one(q2, {{retryAngle}});
                        turn(float[64](tries) * 0.7) q0;
                        if (parity(q1, q2, {{angles[1]}}) == 1) { x q0; }
                        c[1] = measure q0;
                        c[2] = measure q2;
                    }
                    """);
                var local = TestSupport.Run(TestSupport.Compile(Source([0, 0, 0])), Shots, seed: 31);
                var spread = TestSupport.Run(TestSupport.Compile(Source(placement)), Shots, seed: 32);
                Assert.Equal(0, local.Ebits);
                foreach (string key in local.Counts.Keys.Union(spread.Counts.Keys))
                    Statistics.AssertSameProportion(local.Counts.GetValueOrDefault(key), spread.Counts.GetValueOrDefault(key), Shots,
                        $"outcome {key}, placement {string.Join(",", placement)}");
            }, iter: 8, threads: 1);
    }

    /// <summary>
    /// Repeat until success across two nodes: the subroutine entangles alice's qubit with bob's
    /// through a remote cx and measures bob's; the loop retries until that reads 1, so alice's
    /// qubit, entangled with it, is then always 1 (exactly, in every shot).
    /// </summary>
    [Fact]
    public void RepeatUntilSuccessThroughASubroutineAlwaysEndsInTheHeraldedState()
    {
        const string source = """
            network lab {
                qpu alice { qubits = 4; }
                qpu bob   { qubits = 4; }
                link alice -- bob { length = 1 km; fidelity = 1; }
            }
            program retry on lab {
                qubit a @ alice;
                qubit b @ bob;
                bit c;
                def herald(qubit source, qubit target) -> bit {
                    bit m;
                    h source;
                    cx source, target;
                    m = measure target;
                    reset target;
                    return m;
                }
                while (herald(a, b) == 0) { reset a; }
                c = measure a;
            }
            """;
        var run = TestSupport.Run(TestSupport.Compile(source), 500, seed: 7);
        Assert.All(run.Counts, pair => Assert.EndsWith("1", pair.Key));
        // Each attempt succeeds with probability 1/2 and uses one pair: 2 pairs per shot on average.
        Assert.InRange(run.Ebits, 1.7, 2.3);
    }
}
