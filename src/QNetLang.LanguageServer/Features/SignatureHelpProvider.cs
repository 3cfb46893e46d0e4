using QNetLang.Ir;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Semantics;
using QNetLang.Syntax.Ast;
using QNetLang.Syntax.Formatting;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// Signature help for a gate call being typed: <c>rz(a0) q0</c> with the argument under the
/// caret marked. Parameters come first (inside the parentheses), then the qubits. Read from
/// the text before the caret, since a half-typed call does not parse.
/// </summary>
public static class SignatureHelpProvider
{
    public static SignatureHelp? Help(DocumentAnalysis analysis, Position position)
    {
        string text = analysis.Source.Text;
        int offset = PositionMapper.ToOffset(analysis.Source, position);
        var tokens = LexicalTokenizer.Tokenize(text)
            .Where(t => t.Start < offset && t.Kind is not (LexicalKind.LineComment or LexicalKind.BlockComment))
            .ToList();
        // The statement being typed starts after the last `;`, `{` or `}`.
        int start = tokens.FindLastIndex(t => text[t.Start] is ';' or '{' or '}') + 1;
        if (start >= tokens.Count || tokens[start].Kind != LexicalKind.Word) return null;
        string name = tokens[start].Text(text);
        if (Describe(analysis, name) is not { } signature) return null;

        int active;
        var rest = tokens.Skip(start + 1).Select(t => t.Text(text)).ToList();
        if (rest.Count > 0 && rest[0] == "(" && !ClosesAt(rest))
        {
            active = Commas(rest.Skip(1), depth: 0);
        }
        else
        {
            int afterParameters = rest.Count > 0 && rest[0] == "(" ? rest.IndexOf(")") + 1 : 0;
            active = signature.ParameterCount + Commas(rest.Skip(afterParameters), depth: 0);
        }
        var parameters = signature.Parameters;
        return new SignatureHelp([new SignatureInformation(signature.Label, signature.Doc, parameters)], 0, Math.Min(active, Math.Max(0, parameters.Count - 1)));
    }

    private sealed record GateSignature(string Label, string? Doc, int ParameterCount, IReadOnlyList<ParameterInformation> Parameters);

    private static GateSignature? Describe(DocumentAnalysis analysis, string name)
    {
        var user = analysis.Symbols.Declarations.LastOrDefault(d => d.Symbol is GateSymbol && d.Symbol.Name == name);
        if (user?.Symbol is GateSymbol { Gate: var gate })
            return Build(name, [.. gate.Parameters], [.. gate.Qubits], "user-defined gate");
        if (!GateCatalog.TryGet(name, out var builtin)) return null;
        return Build(name,
            Enumerable.Range(0, builtin.ParameterCount).Select(i => $"a{i}").ToList(),
            Enumerable.Range(0, builtin.QubitCount).Select(i => $"q{i}").ToList(),
            builtin.Doc);
    }

    /// <summary>
    /// The label <c>name(p, …) q, …</c> with each argument given by its offsets in the label,
    /// not by its text: a parameter named <c>x</c> would otherwise match the first x anywhere.
    /// </summary>
    private static GateSignature Build(string name, List<string> parameters, List<string> qubits, string? doc)
    {
        var label = new System.Text.StringBuilder(name);
        var infos = new List<ParameterInformation>();
        void Add(string argument)
        {
            infos.Add(new ParameterInformation([label.Length, label.Length + argument.Length], null));
            label.Append(argument);
        }
        if (parameters.Count > 0)
        {
            label.Append('(');
            for (int i = 0; i < parameters.Count; i++)
            {
                if (i > 0) label.Append(", ");
                Add(parameters[i]);
            }
            label.Append(')');
        }
        for (int i = 0; i < qubits.Count; i++)
        {
            label.Append(i == 0 ? " " : ", ");
            Add(qubits[i]);
        }
        return new GateSignature(label.ToString(), doc, parameters.Count, infos);
    }

    /// <summary>Whether the parenthesis opened by the first item is closed again before the caret.</summary>
    private static bool ClosesAt(List<string> tokens)
    {
        int depth = 0;
        foreach (string t in tokens)
        {
            if (t is "(" or "[") depth++;
            else if (t is ")" or "]" && --depth == 0) return true;
        }
        return false;
    }

    /// <summary>Commas at the outer level (not inside `q[i, j]` or `f(a, b)`).</summary>
    private static int Commas(IEnumerable<string> tokens, int depth)
    {
        int count = 0;
        foreach (string t in tokens)
        {
            if (t is "(" or "[") depth++;
            else if (t is ")" or "]") depth--;
            else if (t == "," && depth == 0) count++;
        }
        return count;
    }
}
