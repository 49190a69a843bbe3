using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tributary.Server.Security;

/// <summary>Warns at start-up when <c>/mcp</c> listens beyond loopback without a key.</summary>
internal sealed partial class ExposureWarning(SecurityOptions security, string urls, ILogger<ExposureWarning> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (security.IsExposed)
        {
            LogExposed(logger, urls);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(
        4001,
        LogLevel.Warning,
        "Listening on {Urls} beyond loopback without " + SecurityOptions.KeyVariable + ": anyone who can reach the port can use every upstream tool. " +
        "Set " + SecurityOptions.KeyVariable + " to a long random value (e.g. from 'openssl rand -hex 32') and have clients send 'Authorization: Bearer <key>', or listen on http://127.0.0.1 only.")]
    private static partial void LogExposed(ILogger logger, string urls);
}
