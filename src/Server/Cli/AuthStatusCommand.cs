using System.CommandLine;
using Tributary.McpClientRegistry.Authorization;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Server.Cli;

/// <summary>
/// <c>tributary auth status</c>: for each <c>auth_type: oauth</c> server, where its authorization stands, from the
/// stored tokens alone: nothing is contacted.
/// </summary>
internal static class AuthStatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var command = new Command("status", "Show for each OAuth server whether it needs login or when its token expires");
        command.SetAction(parseResult => Run(parseResult, options, context));
        return command;
    }

    private static int Run(ParseResult parseResult, GlobalOptions options, CliContext context)
    {
        if (ConfigFile.Load(parseResult, options, context) is not { } config)
        {
            return ExitCodes.Failure;
        }

        var servers = config.Registry.Servers.Where(s => s.AuthType == McpAuthKind.OAuth).ToList();
        if (servers.Count == 0)
        {
            context.Output.WriteLine($"No server in {config.Registry.SourcePath} uses auth_type: oauth.");
            return ExitCodes.Success;
        }

        using var store = TokenStore.InDirectory(DataDirectory.Resolve(context.ReadVariable));
        var authorization = new UpstreamAuthorization(store);
        int width = servers.Max(s => s.Name.Length);
        foreach (var server in servers)
        {
            context.Output.WriteLine($"{server.Name.PadRight(width)}  {authorization.Describe(server)}");
        }

        return ExitCodes.Success;
    }
}
