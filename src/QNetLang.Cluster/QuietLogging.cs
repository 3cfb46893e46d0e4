using Microsoft.Extensions.Logging;

namespace QNetLang.Cluster;

/// <summary>Orleans' own logging: errors only, on standard error, unless --verbose asks for everything from Information up.</summary>
internal static class QuietLogging
{
    public static void Configure(ILoggingBuilder logging, bool verbose)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Critical);
    }
}
