using System.Numerics;
using QNetLang.Ir;
using QNetLang.Simulation.Engines;

namespace QNetLang.Simulation.Tests;

/// <summary>Whole programs against closed forms: decoherence while messages fly, teleportation, BB84, gate and measurement errors.</summary>
public class ProgramPhysicsTests
{
    /// <summary>q at a waits for a bit measured at b, 20 km away (100 µs), then is read out.</summary>
    private static string Waiting(string nodeA, string prepare, string readout) => $$"""
        network lab {
            qpu a { qubits = 1; {{nodeA}} }
            qpu b { qubits = 1; }
            link a -- b { length = 20 km; }
        }
        program p on lab {
            qubit q @ a;
            qubit r @ b;
            bit m;
            bit out;
            {{prepare}}
            m = measure r;
            at a { if (m == 1) { x q; } {{readout}} }
            out = measure q;
        }
        """;

    [Theory]
    [InlineData(EngineKind.DensityMatrix)]
    [InlineData(EngineKind.StateVector)]
    [InlineData(EngineKind.Trajectories)]
    public void DephasingWhileAClassicalMessageIsInFlight(EngineKind engine)
    {
        var circuit = TestSupport.Compile(Waiting("t2 = 1 ms;", "h q;", "h q;"));
        const int shots = 20000;
        var result = TestSupport.Run(circuit, shots, seed: 2, engine);
        long ones = TestSupport.Count(result, k => k[0] == '1'); // key "out m"
        Statistics.AssertProportion(ones, shots, (1 - Math.Exp(-0.1)) / 2, $"X-basis error after 100 µs with T2 = 1 ms ({engine})");
        Assert.Equal(100e6, result.MeanTimePs, 3);
    }

    [Theory]
    [InlineData(EngineKind.DensityMatrix)]
    [InlineData(EngineKind.StateVector)]
    public void AmplitudeDampingWhileAClassicalMessageIsInFlight(EngineKind engine)
    {
        var circuit = TestSupport.Compile(Waiting("t1 = 200 us;", "x q;", ""));
        const int shots = 20000;
        var result = TestSupport.Run(circuit, shots, seed: 3, engine);
        long ones = TestSupport.Count(result, k => k[0] == '1');
        Statistics.AssertProportion(ones, shots, Math.Exp(-0.5), $"|1> survives 100 µs with T1 = 200 µs ({engine})");
    }

    [Fact]
    public void TwirledTrajectoriesApproximateAmplitudeDampingAsDocumented()
    {
        // The Pauli twirl keeps γ/2 of the decay as bit flips: P(1) = 1 − γ/2.
        var circuit = TestSupport.Compile(Waiting("t1 = 200 us;", "x q;", ""));
        const int shots = 20000;
        var result = TestSupport.Run(circuit, shots, seed: 3, EngineKind.Trajectories);
        double gamma = 1 - Math.Exp(-0.5);
        Statistics.AssertProportion(TestSupport.Count(result, k => k[0] == '1'), shots, 1 - gamma / 2, "twirled T1");
        Assert.Contains(result.Notes, n => n.Contains("twirl", StringComparison.Ordinal));
    }

    private static string Teleportation(string bob, string link) => $$"""
        network lab {
            qpu alice { qubits = 3; comm = 1; }
            qpu bob   { qubits = 2; comm = 1; {{bob}} }
            link alice -- bob { {{link}} }
        }
        program teleportation on lab {
            const angle theta = pi / 3;
            qubit psi @ alice;
            qubit a @ alice;
            qubit b @ bob;
            qubit phi @ alice;
            bit[2] m;
            bit[2] out;
            ry(theta) psi;
            epr a, b;
            at alice { cx psi, a; h psi; measure psi -> m[0]; measure a -> m[1]; }
            at bob { if (m[1] == 1) { x b; } if (m[0] == 1) { z b; } ry(-theta) b; }
            out[0] = measure b;
            ry(theta) phi;
            teleport phi -> bob;
            at bob { ry(-theta) phi; }
            out[1] = measure phi;
        }
        """;

    [Fact]
    public void TeleportationIsPerfectOnIdealDevices()
    {
        var result = TestSupport.Run(TestSupport.Compile(Teleportation("", "length = 2 km; loss = 0 dB/km;")), 2000);
        Assert.Equal(2000, TestSupport.Count(result, k => k.StartsWith("00 ", StringComparison.Ordinal)));
        Assert.All(result.Pairs, p => Assert.Equal(1.0, p.MeanFidelity));
        // m is uniformly random: it carries no information about the state.
        Statistics.AssertProportion(TestSupport.Count(result, k => k[3] == '1'), 2000, 0.5, "m[1]");
    }

    [Theory]
    [InlineData(EngineKind.DensityMatrix)]
    [InlineData(EngineKind.StateVector)]
    public void TeleportedStatesDephaseWhileTheBitsTravel(EngineKind engine)
    {
        // 100 km at 2e5 km/s: bob's half waits 500 µs for alice's bits, with T2 = 1 ms.
        var result = TestSupport.Run(TestSupport.Compile(Teleportation("t2 = 1 ms;", "length = 100 km; loss = 0 dB/km;")), 20000, seed: 9, engine);
        double pz = (1 - Math.Exp(-0.5)) / 2;
        double expected = pz * FlipProbabilityOfZ(Math.PI / 3);
        Statistics.AssertProportion(TestSupport.Count(result, k => k[1] == '1'), 20000, expected, "explicit protocol");
        Statistics.AssertProportion(TestSupport.Count(result, k => k[0] == '1'), 20000, expected, "teleport primitive");
    }

    /// <summary>|&lt;1| ry(−θ) Z ry(θ) |0&gt;|²: how often a Z error on ry(θ)|0> shows after undoing the rotation.</summary>
    private static double FlipProbabilityOfZ(double theta)
    {
        var ry = GateCatalog.Get("ry");
        var u = ry.Unitary([theta]);
        var v = ry.Unitary([-theta]);
        Complex[] psi = [u[0, 0], u[1, 0]];
        psi[1] = -psi[1];
        Complex one = v[1, 0] * psi[0] + v[1, 1] * psi[1];
        return one.Magnitude * one.Magnitude;
    }

    [Fact]
    public void WernerPairsGiveTheExpectedQber()
    {
        const string source = """
            network ekert {
                endnode alice { qubits = 1; }
                endnode bob { qubits = 1; }
                link alice -- bob { length = 10 km; fidelity = 0.94; }
            }
            program p on ekert {
                qubit a @ alice; qubit b @ bob; bit ka; bit kb;
                epr a, b;
                ka = measure a; kb = measure b;
            }
            """;
        const int shots = 20000;
        var result = TestSupport.Run(TestSupport.Compile(source), shots, seed: 4);
        long errors = TestSupport.Count(result, k => k[0] != k[2]);
        double q = 2 * (1 - 0.94) / 3;
        Statistics.AssertProportion(errors, shots, q, "QBER of Werner pairs");
    }

    [Fact]
    public void Bb84ExampleHasTheExpectedArrivalRateAndQber()
    {
        var circuit = TestSupport.CompileFile(Path.Combine(TestSupport.Examples, "bb84.qn"));
        const int shots = 4000;
        var result = TestSupport.Run(circuit, shots, seed: 6);
        Assert.Equal(EngineKind.Stabilizer, result.Engine);
        // Key: "key_b basis_b arrived basis_a key_a", 8 bits each, element 0 rightmost.
        long rounds = 0, arrived = 0, sifted = 0, errors = 0;
        foreach (var (key, count) in result.Counts)
        {
            var g = key.Split(' ');
            for (int i = 0; i < 8; i++)
            {
                int c = 7 - i;
                rounds += count;
                if (g[2][c] != '1') continue;
                arrived += count;
                if (g[1][c] != g[3][c]) continue;
                sifted += count;
                if (g[0][c] != g[4][c]) errors += count;
            }
        }
        Statistics.AssertProportion(arrived, rounds, Math.Pow(10, -0.5) * 0.8, "photons detected (25 km, efficiency 0.8)");
        Statistics.AssertProportion(sifted, arrived, 0.5, "bases agree");
        Statistics.AssertProportion(errors, sifted, 0.01, "QBER from the 1% measurement error");
    }

    [Fact]
    public void GateAndMeasurementErrors()
    {
        const string source = """
            network n { qpu a { qubits = 2; gate_error = 0.03; measure_error = 0.05; } }
            program p on n { qubit[2] q @ a; bit[2] c; x q[0]; id q[1]; c = measure q; }
            """;
        const int shots = 20000;
        var result = TestSupport.Run(TestSupport.Compile(source), shots, seed: 8);
        // A depolarising error flips a Z-basis state with probability 2p/3; then the readout flips with 5%.
        double flip = 2 * 0.03 / 3;
        double wrong = flip * (1 - 0.05) + (1 - flip) * 0.05;
        Statistics.AssertProportion(TestSupport.Count(result, k => k[1] == '0'), shots, wrong, "q[0] read as 0");
        Statistics.AssertProportion(TestSupport.Count(result, k => k[0] == '1'), shots, wrong, "q[1] read as 1");
    }
}
