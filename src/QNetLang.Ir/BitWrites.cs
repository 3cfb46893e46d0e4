namespace QNetLang.Ir;

/// <summary>Which classical bits a circuit's operations can write, in either branch of every `if`.</summary>
public static class BitWrites
{
    /// <summary>Every bit a measurement, a send's arrival flag or a runtime assignment writes (each once, in order of first write).</summary>
    public static IEnumerable<int> Of(IEnumerable<Operation> operations) =>
        operations.SelectMany(op => op switch
        {
            MeasureOperation { Bit: { } b } => [b],
            SendOperation { ArrivalBit: { } f } => [f],
            ClassicalAssignOperation a => a.Targets,
            IfOperation i => Of(i.Then.Concat(i.Else)),
            _ => Enumerable.Empty<int>(),
        }).Distinct();
}
