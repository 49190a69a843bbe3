using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Tributary.TestSupport.Logging;

/// <summary>Logger factories for fixtures and tests: the test's output when given, else nothing.</summary>
public static class TestLogging
{
    /// <summary>Creates a logger factory writing to <paramref name="output"/>, or a silent one when it is null.</summary>
    /// <param name="output">The test's output, if any.</param>
    /// <param name="minimumLevel">The lowest level written.</param>
    /// <returns>A logger factory the caller disposes.</returns>
    public static ILoggerFactory CreateFactory(ITestOutputHelper? output, LogLevel minimumLevel = LogLevel.Information)
    {
        if (output is null)
        {
            return NullLoggerFactory.Instance;
        }

        var factory = new LoggerFactory();
        factory.AddProvider(new TestOutputLoggerProvider(output, minimumLevel));
        return factory;
    }

    /// <summary>
    /// Sends a host's logs to the running test's output only, at debug level, with ASP.NET Core's own
    /// request logging held at warnings.
    /// </summary>
    /// <param name="logging">The host's logging builder.</param>
    public static void ConfigureHost(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        if (TestContext.Current.TestOutputHelper is { } output)
        {
            logging.AddProvider(new TestOutputLoggerProvider(output, LogLevel.Debug));
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }
    }
}
