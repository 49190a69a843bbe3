using System.CommandLine;

namespace Tributary.Server.Cli;

/// <summary><c>tributary tools call NAME [--args JSON]</c>: calls one tool by its exposed name and prints the result.</summary>
internal static class ToolsCallCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The tool's exposed name, as 'tributary tools list' shows it (prefix__tool)" };
        var args = new Option<string?>("--args", "-a")
        {
            Description = "The tool's arguments as one JSON object, such as '{\"message\":\"hi\"}'",
            HelpName = "JSON",
        };
        var command = new Command("call", "Call one tool through the catalog and print its result") { name, args };
        command.SetAction((parseResult, cancellationToken) => CommandRun.CatchCancellationAsync(
            context,
            token => RunAsync(parseResult, options, parseResult.GetRequiredValue(name), parseResult.GetValue(args), context, token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions options, string name, string? argsJson, CliContext context, CancellationToken cancellationToken)
    {
        if (!ToolArguments.TryParse(argsJson, out var arguments, out var problem))
        {
            context.Error.WriteLine($"error: {problem}");
            return ExitCodes.Usage;
        }

        if (ConfigFile.Load(parseResult, options, context) is not { } config)
        {
            return ExitCodes.Failure;
        }

        await using var scope = new CommandScope(config, context, options.LogLevel(parseResult));

        // A name the catalog lists already (a built-in source's) needs no server connected; any other may be an upstream's.
        if (scope.Catalog.Current.FindTool(name) is null)
        {
            await scope.ConnectAsync(cancellationToken);
        }

        return await ToolCallRun.CallAsync(scope.Catalog, name, arguments, context, cancellationToken);
    }
}
