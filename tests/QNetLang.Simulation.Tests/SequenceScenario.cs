namespace QNetLang.Simulation.Tests;

/// <summary>
/// The network of SeQUeNCe's linear-chain scenario, written once for the tests
/// (SequenceScenarioTests, PooledMemoryTests) and the benchmark (bench/QNetLang.Bench.Simulation
/// links this file). SeQUeNCe's generated chains give every two routers a classical channel of
/// the same 1 ms, whatever their distance: here `classical_delay = 1 ms` with a fibre speed so
/// high that the travel itself is negligible (10 ps per 10 km hop). Its resource manager pairs
/// the memories of a link by a request from the router nearer the initiator (`link_pairing =
/// request`, 1 ms); its single-heralded generation then negotiates (1 ms), acknowledges (1 ms),
/// emits and hears the midpoint's result (25 µs of fibre and 1 ms): 3.025 ms after the request,
/// 4.025 ms in all, with success 0.5·η_A·η_B, η = 10^(−0.2·5/10) for each 5 km arm (both photons
/// must arrive, and a linear-optics measurement succeeds half the time). Swaps are its 2 ms
/// handshake. Its memories (coherence time 2 s, Pauli errors 1/3 each) lose the Werner parameter
/// as e^(−4t/(3·2 s)), which is ours with t1 = t2 = 1.5 s. M memories per link end, pooled (a
/// repeater has 2M for its two links). Without pooling (per_request) the attempt is the whole
/// 4.025 ms, as before request pairing existed.
/// </summary>
public static class SequenceScenario
{
    public static string Source(int routers, int memories, string swap = "nested", string linkMemories = "pooled", string linkPairing = "request")
    {
        var sb = new System.Text.StringBuilder($"network sequence {{\n  fiber_speed = 1e9 km/s;\n  classical_delay = 1 ms;\n  swap = {swap};\n  link_memories = {linkMemories};\n");
        if (linkMemories == "pooled") sb.Append($"  link_pairing = {linkPairing};\n");
        for (int i = 0; i < routers; i++)
            sb.Append(i == 0 || i == routers - 1
                ? $"  qpu n{i} {{ qubits = 1; comm = {memories}; t1 = 1.5 s; t2 = 1.5 s; }}\n"
                : $"  repeater n{i} {{ memories = {2 * memories}; t1 = 1.5 s; t2 = 1.5 s; swap_time = 2 ms; }}\n");
        for (int i = 0; i + 1 < routers; i++)
            sb.Append($"  link n{i} -- n{i + 1} {{ length = 10 km; attempt_time = {(linkMemories == "pooled" && linkPairing == "request" ? "3.025" : "4.025")} ms; success = 0.5 * 10 ** (-0.2 * 10 / 10); fidelity = 0.9; cutoff = 2 s; }}\n");
        return sb.Append("}\n").ToString();
    }
}
