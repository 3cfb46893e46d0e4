using QNetLang.Ir;

namespace QNetLang.Compiler;

/// <summary>
/// The outputs `qnlc build --emit` can write, each a function from the compilation result to
/// files (relative path → text). Files are produced in memory first so that nothing is written
/// when any step fails.
/// </summary>
public static class Emitters
{
    /// <summary>Emitters that exist today; qasm3, qir, report and dot arrive with the distribution and backend work.</summary>
    public static IReadOnlyList<string> Available { get; } = ["ir"];

    public static IReadOnlyList<string> Planned { get; } = ["qasm3", "qir", "report", "dot"];

    public static SortedDictionary<string, string> Produce(CompilationResult result, IEnumerable<string> kinds)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string kind in kinds.Distinct())
        {
            switch (kind)
            {
                case "ir":
                    foreach (var circuit in result.Circuits) files[$"{circuit.Name}.ir"] = IrPrinter.Print(circuit);
                    break;
                default:
                    throw new ArgumentException($"no emitter '{kind}'", nameof(kinds));
            }
        }
        return files;
    }
}
