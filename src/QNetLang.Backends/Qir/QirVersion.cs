namespace QNetLang.Backends.Qir;

/// <summary>
/// The QIR version a module is written in. <see cref="Two"/> (the default) uses LLVM's opaque
/// pointers (<c>ptr</c>); <see cref="One"/> writes the typed pointers of QIR 1.0
/// (<c>%Qubit*</c>, <c>%Result*</c>, <c>i8*</c>) for toolchains built on LLVM before opaque
/// pointers (LLVM 14 and older). Both give the same program and the same profile.
/// </summary>
public enum QirVersion
{
    One = 1,
    Two = 2,
}

public static class QirVersions
{
    public static bool TryParse(string text, out QirVersion version)
    {
        version = text.Trim() switch
        {
            "1" or "1.0" => QirVersion.One,
            "2" or "2.0" => QirVersion.Two,
            _ => 0,
        };
        return version != 0;
    }

    /// <summary>How the version is written in the module's header comment.</summary>
    public static string Name(QirVersion version) => version == QirVersion.One ? "QIR 1.0" : "QIR 2.0";
}
