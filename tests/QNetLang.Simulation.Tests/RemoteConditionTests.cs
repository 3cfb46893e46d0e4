using System.Globalization;
using System.Text;
using CsCheck;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// Conditionals on bits measured on other nodes, nested to any depth, with else branches,
/// `&&`, `||` and `!`, and bits measured again inside branches: the per-node programs must run
/// (no deadlock) and give the same distribution as the program on one node. The random
/// programs are classical apart from the flags' measurements (X and CX on basis states), so the
/// exact distribution is computed here by enumerating the flags' outcomes.
/// </summary>
public class RemoteConditionTests
{
    private const int Shots = 2000;

    /// <summary>The program of issue 15 that was refused with QN3004: the inner bit is measured on the other node.</summary>
    [Fact]
    public void NestedIfOnARemoteBitRunsWithTheExactDistribution()
    {
        const string source = """
            network lab {
                qpu alice { qubits = 4; }
                qpu bob   { qubits = 4; }
                link alice -- bob { length = 1 km; fidelity = 1; }
            }
            program nest on lab {
                qubit s @ alice;  qubit t @ bob;  qubit r @ bob;
                bit[3] m;
                h s; h t;
                m[0] = measure t;
                m[1] = measure s;
                if (m[0] == 1) { if (m[1] == 0) { x r; } }
                m[2] = measure r;
            }
            """;
        var result = TestSupport.Run(TestSupport.Compile(source), Shots, seed: 5);
        // m[2] = m[0] ∧ ¬m[1]; keys are m[2] m[1] m[0].
        var exact = new Dictionary<string, double> { ["000"] = 0.25, ["010"] = 0.25, ["101"] = 0.25, ["011"] = 0.25 };
        Assert.Equal(Shots, result.Counts.Values.Sum());
        foreach (var (key, p) in exact) Statistics.AssertProportion(result.Counts.GetValueOrDefault(key), Shots, p, $"m = {key}");
    }

    [Fact]
    public void RandomNestedConditionalsOnRemoteBitsMatchTheExactDistribution()
    {
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 2].Array[Flags + Targets]).Sample((seed, placement) =>
        {
            var program = RandomProgram.Generate(new Random(seed));
            var exact = program.ExactDistribution();
            var local = TestSupport.Run(TestSupport.Compile(program.Source(new int[Flags + Targets])), Shots, seed: 11);
            var spread = TestSupport.Run(TestSupport.Compile(program.Source(placement)), Shots, seed: 12);
            foreach (var key in exact.Keys.Union(local.Counts.Keys).Union(spread.Counts.Keys))
            {
                double p = exact.GetValueOrDefault(key);
                Statistics.AssertProportion(local.Counts.GetValueOrDefault(key), Shots, p, $"one node, {key}, seed {seed}\n{program.Source(new int[Flags + Targets])}");
                Statistics.AssertProportion(spread.Counts.GetValueOrDefault(key), Shots, p, $"placement {string.Join(",", placement)}, {key}, seed {seed}\n{program.Source(placement)}");
            }
        }, iter: 30, threads: 1);
    }

    private const int Flags = 3;
    private const int Targets = 2;

    /// <summary>Angles of the flags' preparation: measured 1 with probability 1/4, 1/2, 3/4.</summary>
    private static readonly double[] FlagAngles = [Math.PI / 3, Math.PI / 2, 2 * Math.PI / 3];

    private abstract record Statement;
    private sealed record Flip(int Target) : Statement;
    private sealed record Cnot(int Control, int Target) : Statement;
    private sealed record Remeasure(int Flag, int Target) : Statement;
    private sealed record Branch(Cond Condition, Statement[] Then, Statement[]? Else) : Statement;

    private abstract record Cond;
    private sealed record Atom(int Flag, bool Value) : Cond;
    private sealed record Not(Cond Operand) : Cond;
    private sealed record And(Cond Left, Cond Right) : Cond;
    private sealed record Or(Cond Left, Cond Right) : Cond;

    private sealed class RandomProgram(Statement[] body)
    {
        public static RandomProgram Generate(Random random) => new(Block(random, depth: 3, count: random.Next(2, 5)));

        private static Statement[] Block(Random random, int depth, int count) =>
            [.. Enumerable.Range(0, count).Select(_ => Statement(random, depth))];

        private static Statement Statement(Random random, int depth)
        {
            int kind = random.Next(depth > 0 ? 6 : 3);
            int t = random.Next(Targets);
            return kind switch
            {
                0 => new Flip(t),
                1 => new Cnot(t, 1 - t),
                2 => new Remeasure(random.Next(Flags), t),
                _ => new Branch(Condition(random, 2), Block(random, depth - 1, random.Next(1, 3)),
                    random.Next(2) == 0 ? null : Block(random, depth - 1, random.Next(1, 3))),
            };
        }

        private static Cond Condition(Random random, int depth) => random.Next(depth > 0 ? 4 : 1) switch
        {
            0 => new Atom(random.Next(Flags), random.Next(2) == 1),
            1 => new Not(Condition(random, depth - 1)),
            2 => new And(Condition(random, depth - 1), Condition(random, depth - 1)),
            _ => new Or(Condition(random, depth - 1), Condition(random, depth - 1)),
        };

        /// <summary>The program text; flag k lives on n{placement[k]}, target i on n{placement[Flags + i]}.</summary>
        public string Source(int[] placement)
        {
            var sb = new StringBuilder("""
                network trio {
                    qpu n0 { qubits = 8; comm = 2; }
                    qpu n1 { qubits = 8; comm = 2; }
                    qpu n2 { qubits = 8; comm = 2; }
                    link n0 -- n1;
                    link n1 -- n2;
                    link n0 -- n2;
                }
                program nested on trio {

                """);
            for (int k = 0; k < Flags; k++) sb.Append(CultureInfo.InvariantCulture, $"  qubit g{k} @ n{placement[k]};\n");
            for (int i = 0; i < Targets; i++) sb.Append(CultureInfo.InvariantCulture, $"  qubit t{i} @ n{placement[Flags + i]};\n");
            sb.Append(CultureInfo.InvariantCulture, $"  bit[{Flags}] f;\n  bit[{Targets}] o;\n");
            for (int k = 0; k < Flags; k++)
                sb.Append(CultureInfo.InvariantCulture, $"  ry({FlagAngles[k].ToString("R", CultureInfo.InvariantCulture)}) g{k};\n  f[{k}] = measure g{k};\n");
            Write(sb, body, "  ");
            for (int i = 0; i < Targets; i++) sb.Append(CultureInfo.InvariantCulture, $"  o[{i}] = measure t{i};\n");
            return sb.Append("}\n").ToString();
        }

        private static void Write(StringBuilder sb, Statement[] block, string indent)
        {
            foreach (var statement in block)
            {
                switch (statement)
                {
                    case Flip f: sb.Append(CultureInfo.InvariantCulture, $"{indent}x t{f.Target};\n"); break;
                    case Cnot c: sb.Append(CultureInfo.InvariantCulture, $"{indent}cx t{c.Control}, t{c.Target};\n"); break;
                    case Remeasure m: sb.Append(CultureInfo.InvariantCulture, $"{indent}f[{m.Flag}] = measure t{m.Target};\n"); break;
                    case Branch b:
                        sb.Append(CultureInfo.InvariantCulture, $"{indent}if ({Text(b.Condition)}) {{\n");
                        Write(sb, b.Then, indent + "    ");
                        sb.Append(indent).Append('}');
                        if (b.Else is { } otherwise)
                        {
                            sb.Append(" else {\n");
                            Write(sb, otherwise, indent + "    ");
                            sb.Append(indent).Append('}');
                        }
                        sb.Append('\n');
                        break;
                }
            }
        }

        private static string Text(Cond condition) => condition switch
        {
            Atom a => $"f[{a.Flag}] == {(a.Value ? 1 : 0)}",
            Not n => $"!({Text(n.Operand)})",
            And a => $"({Text(a.Left)} && {Text(a.Right)})",
            Or o => $"({Text(o.Left)} || {Text(o.Right)})",
            _ => throw new InvalidOperationException(),
        };

        /// <summary>Count key → probability, by running the program classically for every outcome of the flags.</summary>
        public Dictionary<string, double> ExactDistribution()
        {
            var distribution = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int outcome = 0; outcome < 1 << Flags; outcome++)
            {
                double p = 1;
                var flags = new bool[Flags];
                for (int k = 0; k < Flags; k++)
                {
                    flags[k] = (outcome >> k & 1) == 1;
                    double one = Math.Pow(Math.Sin(FlagAngles[k] / 2), 2);
                    p *= flags[k] ? one : 1 - one;
                }
                var targets = new bool[Targets];
                Execute(body, flags, targets);
                // Registers in reverse declaration order, elements high to low: "o[1]o[0] f[2]f[1]f[0]".
                string key = string.Concat(targets.Reverse().Select(b => b ? '1' : '0')) + " " + string.Concat(flags.Reverse().Select(b => b ? '1' : '0'));
                distribution[key] = distribution.GetValueOrDefault(key) + p;
            }
            return distribution;
        }

        private static void Execute(Statement[] block, bool[] flags, bool[] targets)
        {
            foreach (var statement in block)
            {
                switch (statement)
                {
                    case Flip f: targets[f.Target] = !targets[f.Target]; break;
                    case Cnot c: targets[c.Target] ^= targets[c.Control]; break;
                    case Remeasure m: flags[m.Flag] = targets[m.Target]; break;
                    case Branch b: Execute(Holds(b.Condition, flags) ? b.Then : b.Else ?? [], flags, targets); break;
                }
            }
        }

        private static bool Holds(Cond condition, bool[] flags) => condition switch
        {
            Atom a => flags[a.Flag] == a.Value,
            Not n => !Holds(n.Operand, flags),
            And a => Holds(a.Left, flags) && Holds(a.Right, flags),
            Or o => Holds(o.Left, flags) || Holds(o.Right, flags),
            _ => throw new InvalidOperationException(),
        };
    }
}
