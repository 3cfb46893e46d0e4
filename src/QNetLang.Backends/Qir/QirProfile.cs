namespace QNetLang.Backends.Qir;

/// <summary>The QIR profiles the backend emits and the checker accepts, with their attribute values.</summary>
public enum QirProfile
{
    /// <summary>A straight sequence of operations, measurements last per qubit (<c>"base_profile"</c>).</summary>
    Base,

    /// <summary>Mid-circuit measurement, <c>read_result</c> and forward branches (<c>"adaptive_profile"</c>).</summary>
    Adaptive,
}

public static class QirProfiles
{
    public static string AttributeValue(QirProfile profile) => profile == QirProfile.Base ? "base_profile" : "adaptive_profile";

    public static bool TryParse(string value, out QirProfile profile)
    {
        profile = value == "base_profile" ? QirProfile.Base : QirProfile.Adaptive;
        return value is "base_profile" or "adaptive_profile";
    }
}
