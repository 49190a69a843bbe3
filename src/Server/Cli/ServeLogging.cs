using Microsoft.Extensions.Logging;

namespace Tributary.Server.Cli;

/// <summary>Logging for <c>tributary serve</c>: start-up, upstream events and errors by default; everything with <c>--verbose</c>.</summary>
internal static class ServeLogging
{
    /// <summary>Sets the levels on the host's (console) logging.</summary>
    public static void Configure(ILoggingBuilder logging, bool verbose)
    {
        if (verbose)
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            return;
        }

        logging.SetMinimumLevel(LogLevel.Information);

        // One line per request and the SDK's stack traces for failed upstreams repeat what Tributary logs per server.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("ModelContextProtocol", LogLevel.Warning);
        logging.AddFilter("ModelContextProtocol.Client", LogLevel.Critical);
        logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
    }
}
