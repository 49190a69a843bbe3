using System.CommandLine;
using Tributary.Agents.Configuration;
using Tributary.McpClientRegistry.Authorization;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;

namespace Tributary.Server.Cli;

/// <summary>
/// <c>tributary servers try [--transport KIND] [--header H]... [--call TOOL [--args JSON]] URL</c>: connects to one
/// MCP server through Tributary's own upstream client, the way the host would, lists its tools and optionally
/// calls one. An operator checks a server with it before adding it to the registry; no registry file is read.
/// </summary>
internal static class ServersTryCommand
{
    private const string ServerName = "server";

    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var url = new Argument<string>("URL") { Description = "The server's MCP endpoint, such as http://127.0.0.1:3001/mcp" };
        var transport = new Option<string>("--transport", "-t")
        {
            Description = "How to talk to it",
            DefaultValueFactory = _ => KindNames.Of(McpTransportKind.StreamableHttp),
        };
        transport.AcceptOnlyFromAmong(KindNames.Of(McpTransportKind.StreamableHttp), KindNames.Of(McpTransportKind.Sse));
        var headers = new Option<string[]>("--header", "-H")
        {
            Description = "A header sent with every request, as 'Name: value' (repeat for more)",
            HelpName = "HEADER",
            AllowMultipleArgumentsPerToken = false,
        };
        var call = new Option<string?>("--call") { Description = "Call this tool (its name on the server) and print the result instead of the tool list", HelpName = "TOOL" };
        var args = new Option<string?>("--args", "-a")
        {
            Description = "The arguments of --call as one JSON object, such as '{\"message\":\"hi\"}'",
            HelpName = "JSON",
        };
        var grant = new Option<string>("--grant")
        {
            Description = "If the server asks for OAuth: authorization_code (log in through the browser) or client_credentials",
            DefaultValueFactory = _ => TryOAuth.GrantNames[0],
        };
        grant.AcceptOnlyFromAmong(TryOAuth.GrantNames);
        var clientId = new Option<string?>("--client-id") { Description = "OAuth: a pre-registered client ID (default: register dynamically)", HelpName = "ID" };
        var clientSecretEnv = new Option<string?>("--client-secret-env") { Description = "OAuth: the environment variable holding the client's secret", HelpName = "VAR" };
        var clientKeyEnv = new Option<string?>("--client-key-env") { Description = "OAuth client_credentials: the environment variable holding a PEM key that signs client assertions", HelpName = "VAR" };
        var clientMetadataUrl = new Option<string?>("--client-metadata-url") { Description = "OAuth: the https:// URL of Tributary's client ID metadata document", HelpName = "URL" };
        var scopes = new Option<string[]>("--scope")
        {
            Description = "OAuth: a scope to ask for (repeat for more; default: those the server names)",
            HelpName = "SCOPE",
            AllowMultipleArgumentsPerToken = false,
        };
        var openWith = AuthLoginCommand.CreateOpenWith();
        var command = new Command("try", "Connect to one MCP server as Tributary would, list its tools and optionally call one")
        {
            url, transport, headers, call, args, grant, clientId, clientSecretEnv, clientKeyEnv, clientMetadataUrl, scopes, openWith,
        };
        command.SetAction((parseResult, cancellationToken) => CommandRun.CatchCancellationAsync(
            context,
            token => RunAsync(
                new TryRequest(
                    parseResult.GetRequiredValue(url),
                    parseResult.GetRequiredValue(transport),
                    parseResult.GetValue(headers) ?? [],
                    parseResult.GetValue(call),
                    parseResult.GetValue(args),
                    new TryOAuth(
                        parseResult.GetRequiredValue(grant),
                        parseResult.GetValue(clientId),
                        parseResult.GetValue(clientSecretEnv),
                        parseResult.GetValue(scopes) ?? [],
                        parseResult.GetValue(openWith),
                        parseResult.GetValue(clientKeyEnv),
                        parseResult.GetValue(clientMetadataUrl))),
                options.LogLevel(parseResult),
                context,
                token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TryRequest request, Microsoft.Extensions.Logging.LogLevel logLevel, CliContext context, CancellationToken cancellationToken)
    {
        if (request.Problem() is { } problem || !ToolArguments.TryParse(request.ArgsJson, out var arguments, out problem))
        {
            context.Error.WriteLine($"error: {problem}");
            return ExitCodes.Usage;
        }

        var registry = new RegistryConfig("command line", [request.ToServerConfig(ServerName)]);
        // A login here is a check: its tokens stay in memory and are gone when the command ends.
        var login = new LoopbackLogin(new LoginUrlOpener(context, request.OAuth.OpenWith).PresentAsync);
        await using var scope = new CommandScope(TributaryConfig.ForRegistry(registry), context, logLevel, login, keepTokens: false);
        var snapshot = await scope.ConnectAsync(cancellationToken);
        var health = scope.Manager.GetHealth()[0];
        if (health.State != ServerState.Connected)
        {
            context.Error.WriteLine($"error: cannot connect to {ServerText.UrlWithoutSecrets(request.Url)}: {health.LastError}");
            return ExitCodes.Failure;
        }

        if (request.Tool is not { } tool)
        {
            ServersTryText.WriteTools(context.Output, snapshot, ServerName);
            return ExitCodes.Success;
        }

        var tools = snapshot.Tools.Where(t => t.ServerName == ServerName).ToList();
        context.Error.WriteLine($"connected: {Plural.Of(tools.Count, "tool")}; calling {tool}");
        if (tools.FirstOrDefault(t => t.OriginalName == tool) is not { } exposed)
        {
            context.Error.WriteLine($"error: the server has no tool named '{tool}'; without --call the command lists them");
            return ExitCodes.Failure;
        }

        return await ToolCallRun.CallAsync(scope.Catalog, exposed.Name, arguments, context, cancellationToken);
    }
}
