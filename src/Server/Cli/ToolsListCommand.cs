using System.CommandLine;
using System.Text.Json;

namespace Tributary.Server.Cli;

/// <summary>
/// <c>tributary tools list</c>: connects every enabled server and prints the merged catalog, each server's
/// health and the name collisions, then the built-in GitLab tools. Unreachable servers are reported, not fatal.
/// </summary>
internal static class ToolsListCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document (servers, tools, collisions) and nothing else on stdout" };
        var command = new Command("list", "Connect every enabled server and list the merged tools and each server's health") { json };
        command.SetAction((parseResult, cancellationToken) => CommandRun.CatchCancellationAsync(
            context,
            token => RunAsync(parseResult, options, json, context, token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions options, Option<bool> json, CliContext context, CancellationToken cancellationToken)
    {
        if (ConfigFile.Load(parseResult, options, context) is not { } config)
        {
            return ExitCodes.Failure;
        }

        await using var scope = new CommandScope(config, context, options.LogLevel(parseResult));
        var snapshot = await scope.ConnectAsync(cancellationToken);
        var health = scope.Manager.GetHealth();
        var gitLab = ToolsListGitLab.From(snapshot);
        if (parseResult.GetValue(json))
        {
            var document = ToolsListDocument.From(config.Registry.SourcePath, health, snapshot, gitLab);
            context.Output.WriteLine(JsonSerializer.Serialize(document, ToolsListJsonContext.Default.ToolsListDocument));
        }
        else
        {
            ToolsListText.Write(context.Output, health, snapshot);
            ToolsListText.WriteGitLab(context.Output, gitLab);
        }

        return ExitCodes.Success;
    }
}
