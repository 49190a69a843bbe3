using Microsoft.Extensions.Logging;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.McpClientRegistry.Tests.Connections;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Redact_VariableValuesInCommandArgsAndUrlPath_Masked()
    {
        var endpoint = new ResolvedEndpoint { Url = new Uri("https://hooks.example.com/T0123/SECRET%20PART"), Secrets = ["SECRET PART", "/opt/secret-tool"] };

        string text = SecretRedactor.For(endpoint).Redact("GET https://hooks.example.com/T0123/SECRET%20PART failed; '/opt/secret-tool' said: SECRET PART");

        Assert.Equal("GET https://hooks.example.com/T0123/*** failed; '***' said: ***", text);
    }

    [Fact]
    public void RedactingLogger_MessageAndException_BothMasked()
    {
        var lines = new List<string>();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(new ListLoggerProvider(lines)).SetMinimumLevel(LogLevel.Trace));
        var logs = RedactingLoggerFactory.Wrap(factory, SecretRedactor.For(new ResolvedEndpoint { Secrets = ["arg-secret"] }));

        var failure = new InvalidOperationException("stderr tail: arg-secret");
        logs.CreateLogger("sdk").Log(LogLevel.Information, default, "starting sh -c arg-secret", failure, static (state, _) => state);

        var line = Assert.Single(lines);
        Assert.DoesNotContain("arg-secret", line, StringComparison.Ordinal);
        Assert.Contains("starting sh -c ***", line, StringComparison.Ordinal);
        Assert.Contains("stderr tail: ***", line, StringComparison.Ordinal);
    }

    private sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(List<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add(formatter(state, exception) + exception);
    }
}
