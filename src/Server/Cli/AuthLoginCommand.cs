using System.CommandLine;
using Tributary.Agents.Configuration;
using Tributary.McpClientRegistry.Authorization;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;

namespace Tributary.Server.Cli;

/// <summary>
/// <c>tributary auth login SERVER [--open-with CMD]</c>: runs the authorization-code flow for one <c>auth_type: oauth</c>
/// server once, receiving the code on a loopback callback, and stores the tokens (encrypted) for <c>serve</c> and the
/// other commands, which refresh them from then on.
/// </summary>
internal static class AuthLoginCommand
{
    // A person reads the page, perhaps logs in to the identity provider first: far longer than a connect_timeout.
    private static readonly TimeSpan s_loginTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var server = new Argument<string>("SERVER") { Description = "The registry name of an auth_type: oauth server" };
        var openWith = CreateOpenWith();
        var command = new Command("login", "Authorize Tributary at an OAuth server once: open the URL, approve, and the token is stored") { server, openWith };
        command.SetAction((parseResult, cancellationToken) => CommandRun.CatchCancellationAsync(
            context,
            token => RunAsync(parseResult, options, parseResult.GetRequiredValue(server), parseResult.GetValue(openWith), context, token),
            cancellationToken));
        return command;
    }

    /// <summary>The option naming the command that opens the authorization URL (also on <c>servers try</c>).</summary>
    public static Option<string?> CreateOpenWith() => new("--open-with")
    {
        Description = "Open the authorization URL with this command (given the URL as its last argument) instead of xdg-open",
        HelpName = "CMD",
    };

    /// <summary>A server entry fit for an interactive login: enabled, and given time for a person to approve.</summary>
    public static McpServerConfig ForLogin(McpServerConfig server) => server with
    {
        Enabled = true,
        ConnectTimeout = server.ConnectTimeout > s_loginTimeout ? server.ConnectTimeout : s_loginTimeout,
    };

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions options, string name, string? openWith, CliContext context, CancellationToken cancellationToken)
    {
        if (ConfigFile.Load(parseResult, options, context) is not { } config || AuthServer.Find(config.Registry, name, context) is not { } server)
        {
            return ExitCodes.Failure;
        }

        if (server.Grant == OAuthGrant.ClientCredentials)
        {
            context.Error.WriteLine($"error: server '{name}' uses grant 'client_credentials', which needs no login: Tributary gets its tokens itself");
            return ExitCodes.Failure;
        }

        var opener = new LoginUrlOpener(context, openWith);
        var registry = new RegistryConfig(config.Registry.SourcePath, [ForLogin(server)]);
        await using var scope = new CommandScope(TributaryConfig.ForRegistry(registry), context, options.LogLevel(parseResult), new LoopbackLogin(opener.PresentAsync));

        // A login starts afresh: with a stored token still valid the server would never ask.
        scope.Manager.Authorization.Store.Forget(name);
        await scope.ConnectAsync(cancellationToken);
        var health = scope.Manager.GetHealth()[0];
        if (health.State != ServerState.Connected)
        {
            context.Error.WriteLine($"error: login to '{name}' failed: {health.LastError}");
            return ExitCodes.Failure;
        }

        context.Output.WriteLine($"{name}: {health.Auth}; {Plural.Of(health.ToolCount, "tool")}");
        return ExitCodes.Success;
    }
}
