namespace QNetLang.Core;

/// <summary>
/// Collects diagnostics in the order they were reported. Reporting the same code at the same
/// place twice keeps one message, so error recovery never repeats itself.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();
    private readonly HashSet<(string, string?, int)> _seen = new();

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.IsError);

    public int Count => _items.Count;

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] args)
    {
        if (!_seen.Add((descriptor.Code, location.Source?.Path, location.Span.Start))) return;
        _items.Add(new Diagnostic(descriptor.Code, descriptor.Severity, location, descriptor.Format(args)));
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
            if (_seen.Add((d.Code, d.Location.Source?.Path, d.Location.Span.Start))) _items.Add(d);
    }
}
