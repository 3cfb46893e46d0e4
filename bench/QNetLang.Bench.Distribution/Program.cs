using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using QNetLang.Bench.Distribution;

// Distribution benchmarks. `dotnet run -c Release --project bench/QNetLang.Bench.Distribution`
// runs the literature rows and writes the table into docs/benchmarks.md; `-- scaling` times
// large circuits; `-- qubits` times many declared qubits with one gate; `-- networks` distributes
// over pytket-dqc's heterogeneous network families; `-- bdn` runs the BenchmarkDotNet micro-benchmarks.
string mode = args.FirstOrDefault() ?? "table";
switch (mode)
{
    case "table":
        int filterAt = Array.IndexOf(args, "--filter");
        Console.Write(Tables.Literature(args.Contains("--quick") ? 2 : 10, filterAt >= 0 && filterAt + 1 < args.Length ? args[filterAt + 1] : null));
        break;
    case "scaling":
        Console.Write(Tables.Scaling());
        break;
    case "qubits":
        Console.Write(Tables.DeclaredQubits());
        break;
    case "profile":
        // `-- profile GATES QPUS [ROUNDS]`: one random scaling circuit (or `cz48` for the 48-qubit
        // CZ-0.9 row), the time of every stage and pass, to see where a compile goes; two rounds
        // (the first with the JIT) unless told, more to sample the warm compile with a profiler.
        Console.Write(Tables.Profile(args.ElementAtOrDefault(1) ?? "500000", int.Parse(args.ElementAtOrDefault(2) ?? "8", CultureInfo.InvariantCulture),
            int.Parse(args.ElementAtOrDefault(3) ?? "2", CultureInfo.InvariantCulture)));
        break;
    case "stages":
        // `-- stages GATES|cz48 QPUS`: like profile, with CPU time, allocation and collector pauses per step.
        Console.Write(StageProfile.Run(args.ElementAtOrDefault(1) ?? "500000", int.Parse(args.ElementAtOrDefault(2) ?? "8", CultureInfo.InvariantCulture)));
        break;
    case "circuit":
        // `-- circuit GATES`: the random scaling circuit as an OpenQASM file on stdout, to time `qnlc build` on it.
        Console.Write(Tables.RandomCircuit(200, int.Parse(args.ElementAtOrDefault(1) ?? "500000", CultureInfo.InvariantCulture), 7));
        break;
    case "parse":
        // `-- parse`: the front ends alone (ANTLR and flat OpenQASM readers, the .qn parser) on equal-size inputs.
        Console.Write(ParseBenchmarks.Run());
        break;
    case "covers":
        // `-- covers`: the exact telegate cost alone, 3000 evaluations on the 48-qubit row.
        Console.Write(Tables.CoverCosts());
        break;
    case "search":
        // `-- search`: the placement search alone on the 48-qubit row, processor and wall time.
        Console.Write(Tables.SearchTimes());
        break;
    case "networks":
        // `-- networks [--quick] [--filter TEXT]`: the circuit families on pytket-dqc's random,
        // scale-free and small-world networks and on the same QPUs all-to-all.
        int networkFilterAt = Array.IndexOf(args, "--filter");
        Console.Write(NetworkTable.Build(args.Contains("--quick") ? 2 : 5, networkFilterAt >= 0 && networkFilterAt + 1 < args.Length ? args[networkFilterAt + 1] : null));
        break;
    case "network":
        // `-- network FAMILY QPUS QUBITS SEED`: print one generated network as .qn text (for reproducers).
        Console.Write(NetworkFamilies.Make(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture)).ToQn("bench"));
        break;
    case "bdn":
        BenchmarkRunner.Run<CompileBenchmarks>(args: args.Skip(1).ToArray());
        break;
    default:
        Console.Error.WriteLine("usage: [table [--quick] [--filter TEXT] [--write] | scaling | qubits | profile GATES|cz48 QPUS [ROUNDS] | circuit GATES | stages GATES|cz48 QPUS | parse | covers | search | networks [--quick] [--filter TEXT] | network FAMILY QPUS QUBITS SEED | bdn]");
        return 2;
}
if (mode == "table" && args.Contains("--write")) Tables.WriteToDocs();
return 0;
