using System.Text.Json;
using StreamJsonRpc;

namespace QNetLang.LanguageServer.Protocol;

/// <summary>
/// Reads a method's parameters from the raw JSON. Done here rather than by StreamJsonRpc so that
/// parameters of the wrong shape give the JSON-RPC "invalid params" error with a short message,
/// instead of a generic error carrying a .NET stack trace.
/// </summary>
public static class ParameterReader
{
    public const int InvalidParams = -32602;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static T Read<T>(JsonElement parameters) where T : class
    {
        try
        {
            return parameters.Deserialize<T>(Options) ?? throw new JsonException("the parameters are null");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new LocalRpcException($"invalid parameters: {ex.Message}") { ErrorCode = InvalidParams };
        }
    }
}
