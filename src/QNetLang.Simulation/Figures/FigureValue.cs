namespace QNetLang.Simulation.Figures;

/// <summary>One figure of merit of a run: its value and standard error (NaN when a selection was empty).</summary>
public sealed record FigureValue(string Name, double Value, double StdErr);
