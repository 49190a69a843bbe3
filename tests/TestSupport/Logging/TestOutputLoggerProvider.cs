using Microsoft.Extensions.Logging;
using Xunit;

namespace Tributary.TestSupport.Logging;

/// <summary>An <see cref="ILoggerProvider"/> that writes to a test's <see cref="ITestOutputHelper"/>.</summary>
/// <param name="output">The test's output.</param>
/// <param name="minimumLevel">The lowest level written.</param>
public sealed class TestOutputLoggerProvider(ITestOutputHelper output, LogLevel minimumLevel = LogLevel.Information)
    : ILoggerProvider
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(output, categoryName, minimumLevel);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
