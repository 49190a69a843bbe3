using Microsoft.Extensions.Logging;

namespace Tributary.Server.Cli;

/// <summary>Logging for the command line: one line per message, all of it on stderr so stdout stays parseable.</summary>
internal static class ConsoleLogging
{
    /// <summary>Creates a console logger factory writing messages at <paramref name="minimumLevel"/> and above to stderr.</summary>
    /// <remarks>
    /// Below debug level the SDK is muted: it logs each failed connection as an error with a stack trace,
    /// which the commands already report in one line per server. <c>--verbose</c> shows everything.
    /// </remarks>
    public static ILoggerFactory CreateFactory(LogLevel minimumLevel) =>
        LoggerFactory.Create(builder =>
        {
            builder
                .SetMinimumLevel(minimumLevel)
                .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddSimpleConsole(options => options.SingleLine = true);
            if (minimumLevel > LogLevel.Debug)
            {
                builder.AddFilter(SdkCategory, LogLevel.Critical);
            }
        });

    private const string SdkCategory = "ModelContextProtocol";
}
