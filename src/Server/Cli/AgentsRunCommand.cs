using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Agents.Runs;

namespace Tributary.Server.Cli;

/// <summary>
/// <c>tributary agents run NAME --prompt TEXT [--project P] [--mr IID]</c>: runs an agent, printing its answer on
/// stdout as it streams in, then an account of its tool calls on stderr.
/// </summary>
internal static class AgentsRunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The agent, as 'tributary agents list' shows it" };
        var prompt = new Option<string>("--prompt", "-p") { Description = "What to ask the agent", Required = true, HelpName = "TEXT" };
        var project = new Option<string?>("--project") { Description = "The GitLab project (path or id) the run is about; its .tributary.yml applies", HelpName = "P" };
        var mr = new Option<int?>("--mr") { Description = "The merge request's iid in --project", HelpName = "IID" };
        var command = new Command("run", "Run an agent and print its answer as it streams in") { name, prompt, project, mr };
        command.SetAction((parseResult, cancellationToken) => CommandRun.CatchCancellationAsync(
            context,
            token => RunAsync(parseResult, options, new AgentRunRequest(parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(prompt), parseResult.GetValue(project), parseResult.GetValue(mr)), context, token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions options, AgentRunRequest request, CliContext context, CancellationToken cancellationToken)
    {
        if (request.MergeRequestIid is not null && request.Project is null)
        {
            context.Error.WriteLine("error: --mr needs --project (the merge request's project)");
            return ExitCodes.Usage;
        }

        if (ConfigFile.Load(parseResult, options, context) is not { } config)
        {
            return ExitCodes.Failure;
        }

        await using var scope = new CommandScope(config, context, options.LogLevel(parseResult));
        try
        {
            var result = await scope.Services.GetRequiredService<AgentRunner>().RunAsync(
                request,
                async (chunk, token) =>
                {
                    await context.Output.WriteAsync(chunk.AsMemory(), token);
                    await context.Output.FlushAsync(token);
                },
                cancellationToken);
            context.Output.WriteLine();
            AgentRunText.Write(context.Error, result);
            return result.TimedOut ? ExitCodes.Failure : ExitCodes.Success;
        }
        catch (AgentRunException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
