using System.CommandLine;
using Tributary.Agents.Definitions;

namespace Tributary.Server.Cli;

/// <summary><c>tributary agents list</c>: the agents of the configuration, contacting nothing.</summary>
internal static class AgentsListCommand
{
    private static readonly string[] s_header = ["NAME", "MODEL", "GITLAB TOOLS", "MCP SERVERS", "DESCRIPTION"];

    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var command = new Command("list", "List the agents (agents/*.yml) with their model and tools");
        command.SetAction(parseResult => Run(parseResult, options, context));
        return command;
    }

    private static int Run(ParseResult parseResult, GlobalOptions options, CliContext context)
    {
        if (ConfigFile.Load(parseResult, options, context) is not { } config)
        {
            return ExitCodes.Failure;
        }

        if (config.Agents.All.Count == 0)
        {
            context.Output.WriteLine($"no agents in {config.Agents.Directory}; add NAME.yml files there (see README, 'Agents')");
            return ExitCodes.Success;
        }

        var rows = new List<IReadOnlyList<string>> { s_header };
        rows.AddRange(config.Agents.All.Select(agent => (IReadOnlyList<string>)
        [
            agent.Name,
            agent.Model,
            GitLabTools(agent.GitLabTools),
            agent.McpServers.Count == 0 ? "-" : string.Join(",", agent.McpServers),
            agent.Description ?? string.Empty,
        ]));
        TextTable.Write(context.Output, rows);
        return ExitCodes.Success;
    }

    private static string GitLabTools(GitLabToolAccess access) => access.Kind switch
    {
        GitLabToolAccessKind.Read => "read",
        GitLabToolAccessKind.ReadWrite => "read-write",
        GitLabToolAccessKind.None => "none",
        _ => string.Join(",", access.Names),
    };
}
