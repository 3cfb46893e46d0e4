using System.Text;
using QNetLang.Ir;

namespace QNetLang.Semantics;

/// <summary>
/// The dump after the bind stage: the network with defaults filled in, then the program's
/// symbols (registers with their logical-qubit ranges and pins, constants, gate signatures) and
/// the figures of merit as resolved trees.
/// </summary>
public static class BoundProgramPrinter
{
    public static string Print(BoundProgram program)
    {
        var sb = new StringBuilder();
        sb.Append("program ").Append(program.Name).Append(" on ").Append(program.Network.Name).Append('\n');
        sb.Append(IrPrinter.PrintNetwork(program.Network));
        foreach (var r in program.QubitRegisters)
        {
            sb.Append("qubit ").Append(r.IsRegister ? $"{r.Name}[{r.Size}]" : r.Name).Append(" = ").Append(Range('%', r.FirstQubit, r.Size));
            if (r.PinnedNode is not null) sb.Append(" @ ").Append(r.PinnedNode);
            sb.Append('\n');
        }
        foreach (var r in program.BitRegisters)
            sb.Append("bit ").Append(r.IsRegister ? $"{r.Name}[{r.Size}]" : r.Name).Append(" = ").Append(Range('#', r.FirstBit, r.Size)).Append('\n');
        foreach (var c in program.Constants)
            sb.Append("const ").Append(c.Type.ToString().ToLowerInvariant()).Append(' ').Append(c.Name).Append(" = ").Append(c.Value).Append('\n');
        foreach (var g in program.Gates)
        {
            sb.Append("gate ").Append(g.Name);
            if (g.Parameters.Length > 0) sb.Append('(').Append(string.Join(", ", g.Parameters)).Append(')');
            sb.Append(' ').Append(string.Join(", ", g.Qubits)).Append(" : ").Append(g.Body.Length).Append(" call(s)\n");
        }
        foreach (var f in program.Figures)
            sb.Append("figure ").Append(f.Name).Append(" = ").Append(FigurePrinter.Print(f.Expression)).Append('\n');
        sb.Append("statements ").Append(program.Statements.Length).Append('\n');
        return sb.ToString();
    }

    private static string Range(char sigil, int first, int size) =>
        size == 1 ? $"{sigil}{first}" : $"{sigil}{first}..{sigil}{first + size - 1}";
}
