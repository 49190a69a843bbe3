using System.CommandLine;
using System.CommandLine.Help;

namespace Tributary.Server.Cli;

/// <summary>The <c>tributary</c> command line: <c>serve</c>, <c>init</c>, <c>config check</c>, <c>config schema</c>, <c>config import</c>, <c>tools list</c>, <c>tools call</c>, <c>agents list</c>, <c>agents run</c>, <c>servers try</c>, <c>review</c>, <c>connect</c>.</summary>
public static class TributaryCommandLine
{
    /// <summary>How long Ctrl+C waits for a command to close its connections before the process gives up on it.</summary>
    private static readonly TimeSpan s_shutdownGrace = TimeSpan.FromSeconds(10);

    /// <summary>Runs the command line <paramref name="args"/> on the console; Ctrl+C cancels it cleanly.</summary>
    /// <param name="args">The process arguments.</param>
    /// <returns>The exit code: 0 success, 1 failure, 2 usage error, 130 cancelled.</returns>
    public static Task<int> InvokeAsync(string[] args) =>
        InvokeAsync(args, CliContext.ForConsole(), handleTermination: true, CancellationToken.None);

    /// <summary>Runs the command line <paramref name="args"/> against <paramref name="context"/> (tests call this in-process).</summary>
    internal static async Task<int> InvokeAsync(IReadOnlyList<string> args, CliContext context, bool handleTermination, CancellationToken cancellationToken)
    {
        var parseResult = Create(context).Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = context.Output,
            Error = context.Error,
            ProcessTerminationTimeout = handleTermination ? s_shutdownGrace : null,
        };
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken);
        return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }

    /// <summary>Builds the command tree.</summary>
    internal static Command Create(CliContext context)
    {
        var options = new GlobalOptions();

        // A plain command rather than RootCommand, which names itself after the host executable
        // (the test runner, under tests); help and version are what RootCommand would add.
        var root = new Command("tributary", "Tributary: many MCP servers behind one endpoint")
        {
            new HelpOption { Action = new HelpWithExamplesAction(new HelpAction(), context) },
            new VersionOption { Action = new VersionAction(context) },
            options.Config,
            options.Verbose,
            InitCommand.Create(context),
            new Command("config", "Check the registry, print the config files' JSON Schemas, import servers from other MCP clients")
            {
                ConfigCheckCommand.Create(options, context),
                ConfigSchemaCommand.Create(context),
                ConfigImportCommand.Create(options, context),
            },
            new Command("tools", "List and call the tools of the registry's servers")
            {
                ToolsListCommand.Create(options, context),
                ToolsCallCommand.Create(options, context),
            },
            new Command("agents", "List and run the agents of agents/*.yml")
            {
                AgentsListCommand.Create(options, context),
                AgentsRunCommand.Create(options, context),
            },
            new Command("auth", "Log in to the registry's OAuth servers, show and forget their tokens")
            {
                AuthLoginCommand.Create(options, context),
                AuthStatusCommand.Create(options, context),
                AuthLogoutCommand.Create(options, context),
            },
            new Command("servers", "Check an MCP server before adding it to the registry")
            {
                ServersTryCommand.Create(options, context),
            },
            ReviewCommand.Create(options, context),
            ConnectCommand.Create(options, context),
        };

        // A bare `tributary` runs the host: the product's main job.
        var serveOptions = new ServeOptions();
        var serve = ServeCommand.Create(options, serveOptions, context);
        root.Subcommands.Add(serve);
        serveOptions.AddTo(root);
        root.Action = serve.Action;
        return root;
    }
}
