namespace QNetLang.Core;

/// <summary>A span in a particular source file. <see cref="None"/> is used for command-line problems.</summary>
public readonly record struct Location(SourceText? Source, TextSpan Span)
{
    public static Location None => default;

    public string Path => Source?.Path ?? "qnlc";

    /// <summary><c>file(line,col)</c>, the prefix MSBuild and editors parse.</summary>
    public override string ToString()
    {
        if (Source is null) return Path;
        var (line, column) = Source.GetLineColumn(Span.Start);
        return $"{Source.Path}({line},{column})";
    }
}
