using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Agents.GitLab;
using Tributary.Agents.Review;

namespace Tributary.Server.Cli;

/// <summary>
/// <c>tributary review [--project P --mr IID] [--dry-run]</c>: reviews a merge request and posts the findings on its
/// diff and one summary note, from a GitLab CI job (the <c>CI_*</c> variables) or anywhere with the options.
/// Progress goes to stderr; the outcome (and with <c>--dry-run</c> the summary and every finding) to stdout.
/// </summary>
internal static class ReviewCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var project = new Option<string?>("--project") { Description = "The project (id or group/project path) [default: $CI_MERGE_REQUEST_PROJECT_ID, else $CI_PROJECT_ID]", HelpName = "P" };
        var mr = new Option<int?>("--mr") { Description = "The merge request's iid [default: $CI_MERGE_REQUEST_IID]", HelpName = "IID" };
        var agent = new Option<string>("--agent") { Description = "The agent that reviews", DefaultValueFactory = _ => "reviewer", HelpName = "NAME" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the summary and every finding with its position; post nothing" };
        var drafts = new Option<bool>("--include-drafts") { Description = "Review a draft merge request too" };
        var budget = new Option<int>("--token-budget") { Description = "The most input tokens (estimated) the review may use; files past it are listed as not reviewed", DefaultValueFactory = _ => ReviewRequest.DefaultTokenBudget, HelpName = "N" };
        var command = new Command("review", "Review a merge request: findings on its diff lines, one summary note updated in place")
        {
            project, mr, agent, dryRun, drafts, budget,
        };
        command.SetAction((parseResult, cancellationToken) => CommandRun.CatchCancellationAsync(
            context,
            token =>
            {
                if (parseResult.GetValue(budget) < 1_000)
                {
                    context.Error.WriteLine("error: --token-budget must be at least 1000");
                    return Task.FromResult(ExitCodes.Usage);
                }

                if (ReviewTarget.Resolve(parseResult.GetValue(project), parseResult.GetValue(mr), context.ReadVariable, out string? problem) is not { } target)
                {
                    context.Error.WriteLine($"error: {problem}");
                    return Task.FromResult(ExitCodes.Usage);
                }

                var request = new ReviewRequest(target.Project, target.MergeRequestIid)
                {
                    Agent = parseResult.GetRequiredValue(agent),
                    DryRun = parseResult.GetValue(dryRun),
                    IncludeDrafts = parseResult.GetValue(drafts),
                    TokenBudget = parseResult.GetValue(budget),
                };
                return RunAsync(parseResult, options, request, context, token);
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions options, ReviewRequest request, CliContext context, CancellationToken cancellationToken)
    {
        if (ConfigFile.Load(parseResult, options, context) is not { } loaded)
        {
            return ExitCodes.Failure;
        }

        var config = ReviewTarget.ForJob(loaded, context.ReadVariable);
        if (config.Agents.Find(request.Agent) is null)
        {
            context.Error.WriteLine($"error: no agent is named '{request.Agent}'; agents: {(config.Agents.All.Count == 0 ? "(none)" : string.Join(", ", config.Agents.All.Select(a => a.Name)))}");
            return ExitCodes.Failure;
        }

        // Disposed before the process exits: that flushes the review's trace and metrics when OTEL_EXPORTER_OTLP_ENDPOINT is set.
        await using var scope = new CommandScope(config, context, options.LogLevel(parseResult));
        var provider = scope.Services;
        if (!provider.GetRequiredService<GitLabClient>().IsConfigured)
        {
            context.Error.WriteLine(
                $"error: no GitLab token: set {ReviewTarget.TokenVariable} or {config.GitLab.TokenEnv} to the access token of a bot user with the api scope "
                + "and Developer access to the project (CI_JOB_TOKEN cannot post merge request comments)");
            return ExitCodes.Failure;
        }

        try
        {
            var result = await provider.GetRequiredService<MergeRequestReviewer>().ReviewAsync(
                request,
                new Progress(context.Error),
                cancellationToken);
            ReviewText.Write(context.Output, result);
            return ExitCodes.Success;
        }
        catch (ReviewException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    // Reports synchronously on the calling thread, so progress lines keep their order (System.Progress posts them).
    private sealed class Progress(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine(value);
    }
}
