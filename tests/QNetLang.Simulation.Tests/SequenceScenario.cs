namespace QNetLang.Simulation.Tests;

/// <summary>
/// The network of SeQUeNCe's linear-chain scenario, written once for the test
/// (SequenceScenarioTests) and the benchmark (bench/QNetLang.Bench.Simulation links this file).
/// One link per hop: `fiber_speed = 1e4 km/s` over 10 km makes every classical message between
/// neighbouring routers take the scenario's 1 ms; an attempt is 2.025 ms plus the 2 ms round
/// trip to the midpoint = 4.025 ms; success 0.5·η² with η = 10^(−0.2·5/10) (not squared
/// again: one attempt is one Barrett–Kok herald); swaps take 2 ms.
/// </summary>
public static class SequenceScenario
{
    public static string Source(int routers, int memories)
    {
        var sb = new System.Text.StringBuilder("network sequence {\n  fiber_speed = 1e4 km/s;\n");
        for (int i = 0; i < routers; i++)
            sb.Append(i == 0 || i == routers - 1
                ? $"  qpu n{i} {{ qubits = 1; comm = {memories}; t1 = 2 s; t2 = 2 s; }}\n"
                : $"  repeater n{i} {{ memories = {2 * memories}; t1 = 2 s; t2 = 2 s; swap_time = 2 ms; }}\n");
        for (int i = 0; i + 1 < routers; i++)
            sb.Append($"  link n{i} -- n{i + 1} {{ length = 10 km; attempt_time = 2.025 ms; success = 0.5 * 10 ** (-0.2 * 10 / 10); fidelity = 0.9; cutoff = 2 s; }}\n");
        return sb.Append("}\n").ToString();
    }
}
