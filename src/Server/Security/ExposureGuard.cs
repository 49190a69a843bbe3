using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tributary.Server.Security;

/// <summary>
/// Refuses to serve when the host listens beyond loopback and neither <see cref="SecurityOptions.KeyVariable"/> nor <c>host.oauth</c> is set,
/// unless <c>--allow-anonymous</c> says to (then it warns). It judges the addresses Kestrel actually bound
/// (<see cref="IServerAddressesFeature"/>, once it listens), however they were configured: <c>--urls</c>,
/// <c>TRIBUTARY_URLS</c>, <c>ASPNETCORE_URLS</c> or Kestrel's own configuration. Between binding and this check
/// every request is answered 503 (<see cref="TributarySecurityExtensions.UseTributarySecurity"/>), so an exposed
/// host never serves anything; a refused one stops, and <c>tributary serve</c> prints <see cref="Refusal"/>.
/// </summary>
internal sealed partial class ExposureGuard(SecurityOptions security, IServer server, IHostApplicationLifetime lifetime, ILogger<ExposureGuard> logger) : IHostedLifecycleService
{
    private volatile bool _cleared;

    /// <summary>Whether requests may be served: the bound addresses were checked and found acceptable.</summary>
    public bool IsCleared => _cleared;

    /// <summary>Why the host refused to serve (two lines: what and how to fix), or <see langword="null"/>.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The refusal for a host bound to <paramref name="addresses"/> without a key.</summary>
    public static string RefusalMessage(string addresses) =>
        $"refusing to serve: listening on {addresses} reaches beyond this machine and {SecurityOptions.KeyVariable} is not set, so anyone who can reach the port could use every tool, the GitLab tools and the agents.\n" +
        $"Set {SecurityOptions.KeyVariable} to a long random value (e.g. 'export {SecurityOptions.KeyVariable}=$(openssl rand -hex 32)') and have clients send 'Authorization: Bearer <key>'; " +
        "or listen on loopback only (--urls http://127.0.0.1:8420); or pass --allow-anonymous to serve without a key anyway.";

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (security.Key is not null || security.OAuth is not null || addresses.All(ListenAddresses.IsLocal))
        {
            _cleared = true;
            return Task.CompletedTask;
        }

        string bound = string.Join(", ", addresses);
        if (security.AllowAnonymous)
        {
            LogServingAnonymously(logger, bound);
            _cleared = true;
            return Task.CompletedTask;
        }

        Refusal = RefusalMessage(bound);
        lifetime.StopApplication();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(
        4001,
        LogLevel.Warning,
        "Listening on {Urls} beyond loopback without " + SecurityOptions.KeyVariable + " (--allow-anonymous): anyone who can reach the port can use every tool, the GitLab tools and the agents. " +
        "Set " + SecurityOptions.KeyVariable + " to a long random value (e.g. from 'openssl rand -hex 32') and have clients send 'Authorization: Bearer <key>', or listen on http://127.0.0.1 only.")]
    private static partial void LogServingAnonymously(ILogger logger, string urls);
}
