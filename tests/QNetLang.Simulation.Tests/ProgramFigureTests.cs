using System.Text.Json;
using System.Text.RegularExpressions;
using QNetLang.Simulation.Figures;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// The figures of merit the examples declare, each against the closed form its header states,
/// as written and with other network parameters, within 4 of the run's own standard errors;
/// and the standard error itself against the binomial one, and its independence of threads.
/// </summary>
public class ProgramFigureTests
{
    private const double Sigmas = 4;

    private static Dictionary<string, FigureValue> Figures(string example, Func<string, string> edit, int shots, long seed)
    {
        string source = File.ReadAllText(Path.Combine(TestSupport.Examples, example + ".qn"));
        string edited = edit(source);
        var circuit = TestSupport.Compile(edited);
        return TestSupport.Run(circuit, shots, seed).Figures.ToDictionary(f => f.Name);
    }

    private static string Replace(string source, string from, string to)
    {
        Assert.Contains(from, source);
        return source.Replace(from, to, StringComparison.Ordinal);
    }

    private static void AssertClose(FigureValue figure, double expected)
    {
        Assert.True(figure.StdErr > 0, $"{figure.Name}: standard error {figure.StdErr}");
        Assert.True(Math.Abs(figure.Value - expected) <= Sigmas * figure.StdErr,
            $"{figure.Name} = {figure.Value:G6} ± {figure.StdErr:G3}, closed form {expected:G6} ({Math.Abs(figure.Value - expected) / figure.StdErr:F1} standard errors away)");
    }

    [Theory]
    [InlineData(25.0, 0.01, 0.8)]     // as written
    [InlineData(10.0, 0.04, 0.8)]
    [InlineData(60.0, 0.02, 0.5)]
    public void Bb84(double km, double error, double efficiency)
    {
        var figures = Figures("bb84", s => Replace(Replace(Replace(s,
            "length = 25 km", $"length = {km} km"),
            "measure_error = 0.01", $"measure_error = {error}"),
            "detector_efficiency = 0.8", $"detector_efficiency = {efficiency}"), shots: 20000, seed: 11);
        double sifted = Math.Pow(10, -0.2 * km / 10) * efficiency / 2;
        AssertClose(figures["sifted_rate"], sifted);
        AssertClose(figures["qber"], error);
        AssertClose(figures["secret_bits_per_photon"], sifted * (1 - 2 * Statistics.H2(error)));
    }

    /// <summary>
    /// BB84's key rate in bits per second: the source emits one photon per 1/rate and the shots
    /// are pipelined behind it, so a shot of 8 photons takes exactly 8/rate and the rate is the
    /// per-photon key times the source rate; it stays below the PLOB bound times the source rate.
    /// </summary>
    [Theory]
    [InlineData(25.0, 100e6)]     // as written
    [InlineData(80.0, 40e6)]
    public void Bb84SecretKeyRateInBitsPerSecond(double km, double rate)
    {
        var figures = Figures("bb84", s => Replace(Replace(Replace(s,
            "length = 25 km", $"length = {km} km"),
            "rate = 100 MHz", $"rate = {rate / 1e6} MHz"),
            "    figure secret_key_rate", "    figure shot_seconds = shot_time;\n    figure secret_key_rate"), shots: 20000, seed: 17);
        double eta = Math.Pow(10, -0.2 * km / 10);
        double perPhoton = eta * 0.8 / 2 * (1 - 2 * Statistics.H2(0.01));
        Assert.Equal(8 / rate, figures["shot_seconds"].Value, 15);
        AssertClose(figures["secret_key_rate"], perPhoton * rate);
        double plob = -Math.Log2(1 - eta) * rate;
        Assert.True(figures["secret_key_rate"].Value + Sigmas * figures["secret_key_rate"].StdErr < plob,
            $"{km} km: {figures["secret_key_rate"].Value:G4} bits/s against the PLOB bound {plob:G4} bits/s");
    }

    [Theory]
    [InlineData(40.0, 30.0, 0.01)]     // as written
    [InlineData(20.0, 50.0, 0.03)]
    public void TrustedNodeQkd(double km1, double km2, double error)
    {
        var figures = Figures("trusted_node_qkd", s => Replace(Replace(Replace(s,
            "length = 40 km", $"length = {km1} km"),
            "length = 30 km", $"length = {km2} km"),
            "measure_error = 0.01", $"measure_error = {error}"), shots: 40000, seed: 16);
        double sifted1 = Math.Pow(10, -0.2 * km1 / 10) * 0.8 / 2, sifted2 = Math.Pow(10, -0.2 * km2 / 10) * 0.8 / 2;
        double endToEnd = (1 - Math.Pow(1 - 2 * error, 3)) / 2;
        AssertClose(figures["sifted_rate_1"], sifted1);
        AssertClose(figures["qber_1"], error);
        AssertClose(figures["secret_key_rate_1"], sifted1 * (1 - 2 * Statistics.H2(error)));
        AssertClose(figures["sifted_rate_2"], sifted2);
        AssertClose(figures["qber_2"], error);
        AssertClose(figures["secret_key_rate_2"], sifted2 * (1 - 2 * Statistics.H2(error)));
        AssertClose(figures["sifted_rate"], sifted1 * sifted2);
        AssertClose(figures["qber"], endToEnd);
        AssertClose(figures["secret_key_rate"], sifted1 * sifted2 * Math.Max(0, 1 - 2 * Statistics.H2(endToEnd)));
        AssertClose(figures["relay_agreement"], 1 - error);
    }

    [Theory]
    [InlineData(0.97, 0.005)]     // as written
    [InlineData(0.9, 0.02)]
    public void E91(double fidelity, double error)
    {
        var figures = Figures("e91", s => Replace(Replace(s,
            "fidelity = 0.97", $"fidelity = {fidelity}"),
            "measure_error = 0.005", $"measure_error = {error}"), shots: 12000, seed: 12);
        double visibility = (4 * fidelity - 1) / 3 * (1 - 2 * error) * (1 - 2 * error);
        AssertClose(figures["chsh"], 2 * Math.Sqrt(2) * visibility);
        AssertClose(figures["qber"], (1 - visibility) / 2);
        foreach (var (name, sign) in new[] { ("e_0_1", 1), ("e_0_3", -1), ("e_2_1", 1), ("e_2_3", 1) })
            AssertClose(figures[name], sign * Math.Sqrt(0.5) * visibility);
    }

    [Theory]
    [InlineData(0.98)]     // the example's link
    [InlineData(0.8)]
    public void TeleportationWithoutGateErrors(double fidelity)
    {
        var figures = Figures("teleportation", s => Replace(Replace(s,
            "gate_error = 1e-4; two_qubit_error = 1e-3;", ""),
            "fidelity = 0.98", $"fidelity = {fidelity}"), shots: 20000, seed: 13);
        AssertClose(figures["fidelity"], (2 * fidelity + 1) / 3);
    }

    [Fact]
    public void TeleportationAsWrittenLosesLessThanItsGateErrors()
    {
        var figure = Figures("teleportation", s => s, shots: 40000, seed: 14)["fidelity"];
        double ideal = (2 * 0.98 + 1) / 3;
        Assert.InRange(figure.Value, ideal - 1.5e-3 - Sigmas * figure.StdErr, ideal + Sigmas * figure.StdErr);
    }

    /// <summary>
    /// ghz_sensing beside a copy of networks/metro.qn without gate errors and memory decay, so
    /// that the links' Werner noise and carol's readout error remain: parity_even =
    /// (1 + V·(1 − 2e_c)·cos 3φ)/2 with V = w⁴ (each Bell pair crosses two hub links).
    /// </summary>
    [Theory]
    [InlineData(0.97, 9, false)]     // the example's links and phase, no readout error
    [InlineData(0.9, 12, true)]      // other links, phi = pi/12, carol's readout error 1e-2 kept
    public void GhzSensing(double linkFidelity, int phaseDivisor, bool carolReadout)
    {
        string dir = Path.Combine(Path.GetTempPath(), "qnl-ghz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "networks"));
        try
        {
            string network = File.ReadAllText(Path.Combine(TestSupport.Examples, "networks", "metro.qn"));
            var noise = new List<string> { "t1 = 10 s; t2 = 500 ms;", "gate_error = 1e-4; two_qubit_error = 2e-3;", "t2 = 100 ms;" };
            if (!carolReadout) noise.Add("measure_error = 1e-2;");
            foreach (string n in noise) network = Replace(network, n, "");
            network = Replace(network, "fidelity = 0.97;", $"fidelity = {linkFidelity};");
            File.WriteAllText(Path.Combine(dir, "networks", "metro.qn"), network);
            string program = Replace(File.ReadAllText(Path.Combine(TestSupport.Examples, "ghz_sensing.qn")), "phi = pi / 9;", $"phi = pi / {phaseDivisor};");
            File.WriteAllText(Path.Combine(dir, "ghz_sensing.qn"), program);
            var ideal = TestSupport.Run(TestSupport.CompileFile(Path.Combine(dir, "ghz_sensing.qn")), 20000, seed: 17).Figures.ToDictionary(f => f.Name);
            double w = (4 * linkFidelity - 1) / 3, readout = carolReadout ? 1 - 2 * 1e-2 : 1;
            double signal = Math.Pow(w, 4) * readout * Math.Cos(3 * Math.PI / phaseDivisor);
            AssertClose(ideal["parity_even"], (1 + signal) / 2);
            AssertClose(ideal["phase"], Math.Acos(signal) / 3);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void GhzSensingAsWrittenLiesBelowItsClosedForm()
    {
        var written = TestSupport.Run(TestSupport.CompileFile(Path.Combine(TestSupport.Examples, "ghz_sensing.qn")), 5000, seed: 18).Figures.Single(f => f.Name == "parity_even");
        double closedForm = (1 + Math.Pow((4 * 0.97 - 1) / 3, 4) * Math.Cos(3 * Math.PI / 9)) / 2;
        Assert.InRange(written.Value, 0.5, closedForm + Sigmas * written.StdErr);
    }

    [Theory]
    [InlineData(5.0)]     // as written
    [InlineData(20.0)]
    public void BlindComputation(double km)
    {
        double eta = Math.Pow(10, -0.2 * km / 10);
        var ideal = Figures("blind_computation", s => Replace(Replace(s,
            " two_qubit_error = 1e-3; measure_error = 1e-3;", ""),
            "length = 5 km;", $"length = {km} km;"), shots: 10000, seed: 19);
        AssertClose(ideal["photon_arrival"], eta);
        AssertClose(ideal["all_arrived"], eta * eta * eta);
        Assert.Equal(1.0, ideal["correct_rate"].Value);
    }

    [Fact]
    public void BlindComputationAsWrittenLosesLessThanItsErrors()
    {
        var written = Figures("blind_computation", s => s, shots: 10000, seed: 20)["correct_rate"];
        Assert.InRange(written.Value, 1 - 5e-3 - Sigmas * written.StdErr, 1);
    }

    [Theory]
    [InlineData("repeater_chain", 0.98, 4, 0.005)]     // as written, without memory decay
    [InlineData("repeater_chain", 0.95, 4, 0.02)]
    [InlineData("satellite_link", 0.95, 2, 0.01)]
    [InlineData("satellite_link", 0.9, 2, 0.03)]
    public void PairsThroughRepeaters(string example, double linkFidelity, int links, double readoutError)
    {
        double w = Math.Pow((4 * linkFidelity - 1) / 3, links) * (1 - 2 * readoutError) * (1 - 2 * readoutError);
        string asWritten = example == "repeater_chain" ? "0.98" : "0.95", readoutAsWritten = example == "repeater_chain" ? "0.005" : "0.01";
        var ideal = Figures(example, s => Replace(Replace(Regex.Replace(s, @"\bt[12] = \d+ m?s;", ""),
            $"fidelity = {asWritten};", $"fidelity = {linkFidelity};"),
            $"measure_error = {readoutAsWritten};", $"measure_error = {readoutError};"), shots: 20000, seed: 21);
        AssertClose(ideal["agree_z"], (1 + w) / 2);
        AssertClose(ideal["agree_x"], (1 + w) / 2);
        AssertClose(ideal["fidelity"], (1 + 3 * w) / 4);
    }

    [Theory]
    [InlineData("repeater_chain", 0.98, 4, 0.005)]
    [InlineData("satellite_link", 0.95, 2, 0.01)]
    public void PairsThroughRepeatersAsWrittenLieBelowTheClosedForm(string example, double linkFidelity, int links, double readoutError)
    {
        double w = Math.Pow((4 * linkFidelity - 1) / 3, links) * (1 - 2 * readoutError) * (1 - 2 * readoutError);
        var written = Figures(example, s => s, shots: 4000, seed: 22);
        foreach (string name in new[] { "agree_z", "agree_x" })
            Assert.InRange(written[name].Value, 0.5, (1 + w) / 2 + Sigmas * written[name].StdErr);
        Assert.InRange(written["fidelity"].Value, 0.25, (1 + 3 * w) / 4 + Sigmas * written["fidelity"].StdErr);
    }

    /// <summary>
    /// repeater_chain's pair rate: two requests side by side, each over four links swapped in
    /// nested order, so a shot lasts the later of two delivery times, whose distribution
    /// <see cref="PairTimeReference"/> computes from the links' attempt time and success, the
    /// swaps' success and time, and the classical messages (herald, swap and failure news at
    /// 1/fiber_speed per km).
    /// </summary>
    [Theory]
    [InlineData(50.0, 0.1, 0.5)]     // as written
    [InlineData(30.0, 0.2, 0.5)]
    [InlineData(50.0, 0.1, 0.9)]
    public void RepeaterChainPairRate(double km, double success, double swapSuccess)
    {
        var figures = Figures("repeater_chain", s => Replace(Replace(Replace(s,
            "length = 50 km; success = 0.1;", $"length = {km} km; success = {success};"),
            "swap_success = 0.5;", $"swap_success = {swapSuccess};"),
            "    figure pair_rate", "    figure shot_seconds = shot_time;\n    figure pair_rate"), shots: 4000, seed: 24);
        double hop = km * 1e3 / 2e8;
        var reference = new PairTimeReference(gridSeconds: 1e-6, log2Bins: 20);
        var delivery = reference.NestedChainDelivery(links: 4, attemptSeconds: 1e-6 + 2 * hop, success, hop, swapSuccess, swapSeconds: 10e-6);
        double shot = reference.MeanOfLatest(delivery, 2);
        AssertClose(figures["shot_seconds"], shot);
        AssertClose(figures["pair_rate"], 2 / shot);
    }

    /// <summary>
    /// satellite_link's pair rate: two downlinks whose pairs expire after the cutoff, swapped in
    /// orbit. Each downlink succeeds with 10^(−total_loss/10)·η_d·availability per attempt of
    /// 1/rate + 2·length/c (a Poisson process at this success); passes are long enough that a
    /// shot almost never waits for the next (the closed form leaves the windows out).
    /// </summary>
    [Theory]
    [InlineData(30.0, 0.8, 600.0, 10.0)]     // as written
    [InlineData(27.0, 0.9, 400.0, 5.0)]
    public void SatelliteLinkPairRate(double lossDb, double availability, double km, double cutoff)
    {
        var figures = Figures("satellite_link", s => Replace(Replace(Replace(Replace(s,
            "length = 600 km; total_loss = 30 dB;", $"length = {km} km; total_loss = {lossDb} dB;"),
            "cutoff = 10 s;", $"cutoff = {cutoff} s;"),
            "availability = 0.8;", $"availability = {availability};"),
            "    figure pair_rate", "    figure shot_seconds = shot_time;\n    figure pair_rate"), shots: 4000, seed: 25);
        double oneWay = km * 1e3 / Ir.LinkPhysics.VacuumLightSpeed;
        double success = Math.Pow(10, -lossDb / 10) * 0.7 * availability;
        double attempt = 1 / 100e6 + 2 * oneWay;
        var reference = new PairTimeReference(gridSeconds: 1e-3, log2Bins: 21);
        var delivery = reference.TwoLinksWithCutoffDelivery(success / attempt, cutoff, swapSuccess: 0.5, swapSeconds: 1e-6, failureNewsSeconds: oneWay, deliveryNewsSeconds: oneWay);
        Assert.True(reference.Beyond(delivery, 300) < 1e-4, $"{reference.Beyond(delivery, 300):G3} of the requests outlast a pass");
        double shot = reference.MeanOfLatest(delivery, 2);
        AssertClose(figures["shot_seconds"], shot);
        AssertClose(figures["pair_rate"], 2 / shot);
    }

    [Fact]
    public void StandardErrorOfAMeanIsTheBinomialOne()
    {
        // Four independent fair coins per shot: the pooled mean has standard error sqrt(1/4 / 4N).
        var circuit = TestSupport.Compile("""
            network n { qpu a { qubits = 4; } }
            program p on n {
                qubit[4] q @ a;
                bit[4] c;
                h q;
                c = measure q;
                figure ones = mean(c[i] over i in 0 .. 4);
                figure twice = 2 * ones;
            }
            """);
        const int shots = 20000;
        var figures = TestSupport.Run(circuit, shots, seed: 15).Figures.ToDictionary(f => f.Name);
        double binomial = Math.Sqrt(0.25 / (4 * shots));
        // The jackknife over 64 groups estimates it with a relative error of about 1/sqrt(2 * 63) = 9%.
        Assert.InRange(figures["ones"].StdErr, 0.7 * binomial, 1.3 * binomial);
        Assert.Equal(2 * figures["ones"].StdErr, figures["twice"].StdErr, 12);
        AssertClose(figures["ones"], 0.5);
    }

    [Fact]
    public void FiguresAreTheSameOnAnyNumberOfThreads()
    {
        var circuit = TestSupport.CompileFile(Path.Combine(TestSupport.Examples, "bb84.qn"));
        var one = Simulator.RunOrThrow(circuit, new RunOptions { Shots = 3000, Seed = 5, Threads = 1 });
        var four = Simulator.RunOrThrow(circuit, new RunOptions { Shots = 3000, Seed = 5, Threads = 4 });
        Assert.Equal(one.Figures, four.Figures);
    }

    [Fact]
    public void RunJsonReportsTheFigures()
    {
        var run = CliRunner.Invoke("run", Path.Combine(TestSupport.Examples, "bb84.qn"), "--shots", "500", "--seed", "2", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var figures = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("figures");
        Assert.Equal(["sifted_rate", "qber", "secret_bits_per_photon", "secret_key_rate"], figures.EnumerateObject().Select(f => f.Name));
        foreach (var figure in figures.EnumerateObject())
        {
            Assert.True(figure.Value.GetProperty("value").GetDouble() >= 0);
            Assert.True(figure.Value.GetProperty("stderr").GetDouble() > 0);
        }
        var text = CliRunner.Invoke("run", Path.Combine(TestSupport.Examples, "bb84.qn"), "--shots", "500", "--seed", "2");
        Assert.Contains("figures:", text.Stdout);
        Assert.Matches(@"\n  qber +0\.\d+ ± 0\.\d+", text.Stdout);
    }

    [Fact]
    public void JsonListsTheTopOutcomesUnlessAskedForAll()
    {
        string bb84 = Path.Combine(TestSupport.Examples, "bb84.qn");
        var top = JsonDocument.Parse(CliRunner.Invoke("run", bb84, "--shots", "300", "--seed", "2", "--json").Stdout).RootElement;
        var all = JsonDocument.Parse(CliRunner.Invoke("run", bb84, "--shots", "300", "--seed", "2", "--json", "--counts", "all").Stdout).RootElement;
        var allCounts = all.GetProperty("counts").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt64());
        Assert.Equal(300, allCounts.Values.Sum());
        Assert.Equal(0, all.GetProperty("countsOmitted").GetProperty("outcomes").GetInt32());
        var topCounts = top.GetProperty("counts").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt64());
        Assert.Equal(RunReport.DefaultJsonCountLimit, topCounts.Count);
        Assert.Equal(allCounts.Count - topCounts.Count, top.GetProperty("countsOmitted").GetProperty("outcomes").GetInt32());
        Assert.Equal(300 - topCounts.Values.Sum(), top.GetProperty("countsOmitted").GetProperty("shots").GetInt64());
        Assert.All(topCounts, c => Assert.Equal(allCounts[c.Key], c.Value));
        Assert.True(topCounts.Values.Min() >= allCounts.Where(c => !topCounts.ContainsKey(c.Key)).Select(c => c.Value).DefaultIfEmpty(0).Max());
        Assert.Equal(top.GetProperty("figures").GetRawText(), all.GetProperty("figures").GetRawText());
        Assert.Equal(2, CliRunner.Invoke("run", bb84, "--shots", "10", "--json", "--counts", "some").ExitCode);
    }

    [Fact]
    public void RecordsHaveEveryShotInOrderOnAnyNumberOfThreads()
    {
        string dir = Path.Combine(Path.GetTempPath(), "qnl-records-" + Guid.NewGuid().ToString("N"));
        try
        {
            string teleportation = Path.Combine(TestSupport.Examples, "teleportation.qn");
            string one = Path.Combine(dir, "one.csv"), two = Path.Combine(dir, "two.csv");
            var run = CliRunner.Invoke("run", teleportation, "--shots", "150", "--seed", "4", "--json", "--records", one, "--threads", "1");
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(0, CliRunner.Invoke("run", teleportation, "--shots", "150", "--seed", "4", "--records", two, "--threads", "3").ExitCode);
            Assert.Equal(File.ReadAllText(one), File.ReadAllText(two));
            string[] lines = File.ReadAllLines(one);
            Assert.Equal("program,shot,time_ps,out,m", lines[0]);
            Assert.Equal(151, lines.Length);
            var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
            Assert.Equal(Enumerable.Range(0, 150).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[1]));
            // The records add up to the counts.
            var counts = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("counts").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt64());
            Assert.Equal(counts, rows.GroupBy(r => r[3] + " " + r[4]).ToDictionary(g => g.Key, g => (long)g.Count()));
            Assert.All(rows, r => Assert.True(long.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture) > 0));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ShotTimeIsTheMeanSimulatedTimeInSeconds()
    {
        var circuit = TestSupport.Compile("""
            network n { qpu a { qubits = 1; } qpu b { qubits = 1; } link a -- b { length = 20 km; rate = 1 MHz; } }
            program p on n {
                qubit x @ a;
                qubit y @ b;
                bit[2] c;
                epr x, y;
                c[0] = measure x;
                c[1] = measure y;
                figure t = shot_time;
                figure pairs_per_second = sum(1 over i in 0 .. 1) / shot_time;
            }
            """);
        var result = TestSupport.Run(circuit, 500, seed: 23);
        var figures = result.Figures.ToDictionary(f => f.Name);
        Assert.Equal(result.MeanTimePs * 1e-12, figures["t"].Value, 12);
        Assert.Equal(1 / (result.MeanTimePs * 1e-12), figures["pairs_per_second"].Value, 6);
    }

    [Fact]
    public void AFigureWithNoSelectedRoundIsNullNotACrash()
    {
        var circuit = TestSupport.Compile("""
            network n { qpu a { qubits = 1; } }
            program p on n {
                qubit q @ a;
                bit c;
                c = measure q;
                figure never = mean(c over i in 0 .. 1 where c == 1);
            }
            """);
        var result = TestSupport.Run(circuit, 100);
        Assert.True(double.IsNaN(Assert.Single(result.Figures).Value));
        Assert.Contains("\"never\": {\n      \"value\": null,", RunReport.ToJson([result]));
    }

    /// <summary>
    /// Purification repeated until its check passes (a runtime `while` on both nodes): the kept
    /// pair's Z and X agreements and the Bell pairs per shot (two per attempt, attempts
    /// geometric with success N) against the BBPSSW closed forms for Werner input.
    /// </summary>
    [Theory]
    [InlineData(0.9)]    // as written
    [InlineData(0.75)]
    public void PurifyUntilSuccess(double fidelity)
    {
        const int shots = 20000;
        string source = Replace(File.ReadAllText(Path.Combine(TestSupport.Examples, "purify_until_success.qn")), "fidelity = 0.9;", $"fidelity = {fidelity};");
        var result = TestSupport.Run(TestSupport.Compile(source), shots, seed: 29);
        var figures = result.Figures.ToDictionary(f => f.Name);
        double a = fidelity, e = (1 - fidelity) / 3;     // Phi+, and each of Psi-, Psi+, Phi-
        double n = (a + e) * (a + e) + 4 * e * e;
        AssertClose(figures["zz_agreement"], (a + e) * (a + e) / n);
        AssertClose(figures["xx_agreement"], (a * a + 3 * e * e) / n);
        double pairsSd = 2 * Math.Sqrt(1 - n) / n;
        Assert.True(Math.Abs(result.Ebits - 2 / n) <= Sigmas * pairsSd / Math.Sqrt(shots), $"pairs per shot {result.Ebits}, closed form {2 / n}");
    }

    /// <summary>Iterative phase estimation across two QPUs: the exact digits unless the one cat-entangler pair has a bit flip.</summary>
    [Theory]
    [InlineData(0.97)]   // as written
    [InlineData(0.85)]
    public void IterativePhaseEstimation(double fidelity)
    {
        var figures = Figures("iterative_phase_estimation", s => Replace(s, "fidelity = 0.97;", $"fidelity = {fidelity};"), shots: 20000, seed: 31);
        double flip = 2 * (1 - fidelity) / 3;
        AssertClose(figures["exact"], 1 - flip);
        AssertClose(figures["zero"], flip);
    }
}
