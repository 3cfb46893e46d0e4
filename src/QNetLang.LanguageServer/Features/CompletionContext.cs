using QNetLang.Syntax.Formatting;

namespace QNetLang.LanguageServer.Features;

public enum CompletionPlace
{
    /// <summary>In a comment or string: nothing to offer.</summary>
    None,
    TopLevel,
    /// <summary>Inside a <c>network</c> block (members and network properties).</summary>
    Network,
    /// <summary>Inside a node or link block; <see cref="CompletionContext.Owner"/> says which.</summary>
    Properties,
    /// <summary>After <c>name =</c> inside a property block.</summary>
    PropertyValue,
    /// <summary>Inside a program, gate, loop, if or at block.</summary>
    Statement,
    /// <summary>Where only a node name fits: after <c>@</c>, <c>at</c>, <c>-&gt;</c>, <c>link</c>, <c>--</c>.</summary>
    Node,
    /// <summary>After <c>on</c>: a network name.</summary>
    Network_Name,
    /// <summary>Right after a number: a unit.</summary>
    Unit,
}

/// <summary>
/// Where the caret is, read from the text as typed (the tokens before the caret), because a
/// line being typed rarely parses: which block it is in, what came just before, and the part
/// of the word already typed.
/// </summary>
public sealed record CompletionContext(CompletionPlace Place, string Prefix, string? Owner, string? Property, string? ContainerHeader)
{
    public static CompletionContext At(string text, int offset)
    {
        var tokens = LexicalTokenizer.Tokenize(text).Where(t => t.Start < offset).ToList();
        string prefix = "";
        if (tokens.Count > 0)
        {
            var last = tokens[^1];
            bool trivia = last.Kind is LexicalKind.LineComment or LexicalKind.BlockComment or LexicalKind.String;
            // Inside a comment or string; at its end only when it is still open (a line comment always is).
            if (trivia && (offset < last.End || offset == last.End && !Closed(text, last))) return new CompletionContext(CompletionPlace.None, "", null, null, null);
            // The caret at the end of a word, or inside it: the part before the caret is typed.
            if (last.Kind == LexicalKind.Word && last.End >= offset)
            {
                prefix = text[last.Start..offset];
                tokens.RemoveAt(tokens.Count - 1);
            }
        }
        var code = tokens.Where(t => t.Kind is not (LexicalKind.LineComment or LexicalKind.BlockComment)).ToList();
        string previous = code.Count > 0 ? code[^1].Text(text) : "";
        var (header, headerStart) = EnclosingHeader(text, code);
        string? block = header.FirstOrDefault();

        // `10 k`: a unit after a number and a space (`q[1` is not followed by one).
        if (code.Count > 0 && code[^1].Kind == LexicalKind.Number && code[^1].End < offset - prefix.Length)
            return new CompletionContext(CompletionPlace.Unit, prefix, null, null, block);
        if (previous is "@" or "at" or "->" or "--" or "link") return new CompletionContext(CompletionPlace.Node, prefix, null, null, block);
        if (previous == "on") return new CompletionContext(CompletionPlace.Network_Name, prefix, null, null, block);

        string? owner = block switch
        {
            "qpu" or "repeater" or "endnode" or "link" => block,
            _ => null,
        };
        if (owner is not null || block == "network")
        {
            // `name = ` in a property block: the value of that property.
            if (previous == "=" && code.Count >= 2 && code[^2].Kind == LexicalKind.Word && code.Count - 2 > headerStart)
                return new CompletionContext(CompletionPlace.PropertyValue, prefix, owner ?? "network", code[^2].Text(text), block);
            if (!StartsStatement(previous)) return new CompletionContext(CompletionPlace.None, prefix, owner, null, block);
            return new CompletionContext(owner is null ? CompletionPlace.Network : CompletionPlace.Properties, prefix, owner ?? "network", null, block);
        }
        if (block is null) return new CompletionContext(StartsStatement(previous) ? CompletionPlace.TopLevel : CompletionPlace.None, prefix, null, null, null);
        return new CompletionContext(CompletionPlace.Statement, prefix, null, null, block);
    }

    private static bool Closed(string text, Syntax.Formatting.LexicalToken token) => token.Kind switch
    {
        LexicalKind.BlockComment => token.Length >= 4 && text.AsSpan(token.Start, token.Length).EndsWith("*/"),
        LexicalKind.String => token.Length >= 2 && text[token.End - 1] == '"',
        _ => false, // A line comment runs to the end of its line, caret included.
    };

    /// <summary>Property names come at the start of a statement: after `{`, `;` or `}` (or nothing).</summary>
    private static bool StartsStatement(string previous) => previous is "" or "{" or ";" or "}";

    /// <summary>The words before the innermost unclosed `{` (its header: `qpu alice`, `link a -- b`, `program p on n`), and where its body starts.</summary>
    private static (List<string> Header, int BodyStart) EnclosingHeader(string text, List<Syntax.Formatting.LexicalToken> code)
    {
        int depth = 0;
        for (int i = code.Count - 1; i >= 0; i--)
        {
            string t = code[i].Text(text);
            if (t == "}") depth++;
            else if (t == "{")
            {
                if (depth > 0) { depth--; continue; }
                int start = i;
                while (start > 0 && code[start - 1].Text(text) is not (";" or "{" or "}")) start--;
                var header = code.Skip(start).Take(i - start).Where(w => w.Kind == LexicalKind.Word).Select(w => w.Text(text)).ToList();
                // `} else {` and `if (…) {`: the statement keyword comes first either way.
                return (header, i);
            }
        }
        return ([], -1);
    }
}
