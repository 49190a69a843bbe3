using System.CommandLine;
using Tributary.Agents.Configuration;
using Tributary.Server.Host;
using Tributary.Server.Security;

namespace Tributary.Server.Cli;

/// <summary>
/// <c>tributary connect CLIENT [--url URL] [--show-key]</c>: prints the command or the configuration that points an MCP
/// client (Claude Code, VS Code, Cursor, Claude Desktop, the MCP Inspector) at Tributary's <c>/mcp</c>, on stdout,
/// and where it goes on stderr.
/// </summary>
internal static class ConnectCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var client = new Argument<string>("CLIENT") { Description = $"One of: {string.Join(", ", ConnectSnippets.Clients.Keys)}" };
        client.AcceptOnlyFromAmong([.. ConnectSnippets.Clients.Keys]);
        var url = new Option<string?>("--url")
        {
            Description = $"Tributary's /mcp as the client reaches it [default: from ${TributaryHostOptions.UrlsVariable}, else host.urls in the config file, else {TributaryHostOptions.DefaultUrls}/mcp]",
            HelpName = "URL",
        };
        var showKey = new Option<bool>("--show-key") { Description = $"Write the value of {SecurityOptions.KeyVariable} into the snippet instead of a reference to it" };
        var command = new Command("connect", "Print the command or configuration that connects an MCP client to Tributary") { client, url, showKey };
        command.SetAction(parseResult =>
        {
            string? key = context.ReadVariable(SecurityOptions.KeyVariable) is { Length: > 0 } value ? value : null;
            string endpoint = parseResult.GetValue(url) is { Length: > 0 } given
                ? given
                : ConnectTarget.McpUrlFor(ListenUrls(parseResult, options, context));
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                context.Error.WriteLine($"error: --url must be an http:// or https:// URL, such as {TributaryHostOptions.DefaultUrls}/mcp");
                return ExitCodes.Usage;
            }

            var target = new ConnectTarget(endpoint, key is not null, parseResult.GetValue(showKey) ? key : null);
            var (snippet, where) = ConnectSnippets.Clients[parseResult.GetRequiredValue(client)](target);
            context.Output.WriteLine(snippet);
            context.Error.WriteLine(where);
            return ExitCodes.Success;
        });
        return command;
    }

    // The same order as serve's: TRIBUTARY_URLS, else the config file's host.urls, else the default. A config file that
    // is missing or does not load leaves the default: serve would refuse it anyway, and says why.
    private static string ListenUrls(ParseResult parseResult, GlobalOptions options, CliContext context)
    {
        if (context.ReadVariable(TributaryHostOptions.UrlsVariable) is { Length: > 0 } fromVariable)
        {
            return fromVariable;
        }

        var (path, _) = ConfigFile.Locate(parseResult, options, context);
        return File.Exists(path) && TributaryConfigLoader.Load(path) is { IsValid: true, Config.Host.Urls: [_, ..] urls }
            ? string.Join(';', urls)
            : TributaryHostOptions.DefaultUrls;
    }
}
