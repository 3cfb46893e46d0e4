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

    private Func<Diagnostic, Diagnostic>? _redirect;

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] args)
    {
        var diagnostic = new Diagnostic(descriptor.Code, descriptor.Severity, location, descriptor.Format(args));
        if (_redirect is not null) diagnostic = _redirect(diagnostic);
        if (!_seen.Add((diagnostic.Code, diagnostic.Location.Source?.Path, diagnostic.Location.Span.Start))) return;
        _items.Add(diagnostic);
    }

    /// <summary>
    /// Until the returned scope is disposed, every report is first rewritten by <paramref name="map"/>
    /// (code inlined from elsewhere reports at the place that inlined it). Scopes do not nest:
    /// while one is open, an inner one changes nothing, so the outermost place wins.
    /// </summary>
    public IDisposable Redirect(Func<Diagnostic, Diagnostic> map)
    {
        if (_redirect is not null) return new RedirectScope(this, _redirect);
        _redirect = map;
        return new RedirectScope(this, null);
    }

    private sealed class RedirectScope(DiagnosticBag bag, Func<Diagnostic, Diagnostic>? previous) : IDisposable
    {
        public void Dispose() => bag._redirect = previous;
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
            if (_seen.Add((d.Code, d.Location.Source?.Path, d.Location.Span.Start))) _items.Add(d);
    }
}
