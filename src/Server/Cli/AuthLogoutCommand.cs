using System.CommandLine;
using Tributary.McpClientRegistry.Authorization;

namespace Tributary.Server.Cli;

/// <summary><c>tributary auth logout SERVER</c>: forgets the stored tokens of one OAuth server.</summary>
internal static class AuthLogoutCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var server = new Argument<string>("SERVER") { Description = "The registry name of an auth_type: oauth server" };
        var command = new Command("logout", "Forget the stored tokens of an OAuth server; it needs login again") { server };
        command.SetAction(parseResult => Run(parseResult, options, parseResult.GetRequiredValue(server), context));
        return command;
    }

    private static int Run(ParseResult parseResult, GlobalOptions options, string name, CliContext context)
    {
        if (ConfigFile.Load(parseResult, options, context) is not { } config || AuthServer.Find(config.Registry, name, context) is not { } server)
        {
            return ExitCodes.Failure;
        }

        using var store = TokenStore.InDirectory(DataDirectory.Resolve(context.ReadVariable));
        context.Output.WriteLine(store.Forget(server.Name)
            ? $"{name}: forgot the stored tokens; it needs login"
            : $"{name}: no tokens were stored");
        return ExitCodes.Success;
    }
}
