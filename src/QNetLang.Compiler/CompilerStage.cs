namespace QNetLang.Compiler;

/// <summary>
/// The named stages of the pipeline, in order. `--stop-after STAGE` stops after one of them.
/// The stages from partition on are the distribution passes (src/QNetLang.Distribution/Passes).
/// </summary>
public enum CompilerStage
{
    Parse,
    Bind,
    Lower,
    Partition,
    Distribute,
    Route,
    Schedule,
    Emit,
}

public static class CompilerStages
{
    public static string Name(CompilerStage stage) => stage.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out CompilerStage stage)
    {
        foreach (var candidate in Enum.GetValues<CompilerStage>())
            if (Name(candidate) == text)
            {
                stage = candidate;
                return true;
            }
        stage = default;
        return false;
    }
}
