namespace QNetLang.Compiler;

/// <summary>
/// The named stages of the pipeline, in order. `--stop-after STAGE` stops after one of them;
/// distribution stages (partition, distribute, route, schedule, emit) join this list as they land.
/// </summary>
public enum CompilerStage
{
    Parse,
    Bind,
    Lower,
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
