using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Agents;
using Tributary.Agents.Configuration;
using Tributary.Agents.GitLab;

namespace Tributary.Server.Cli;

/// <summary>Calls a built-in GitLab tool for <c>tools call gitlab__…</c>: no upstream is contacted.</summary>
internal static class GitLabToolCallRun
{
    /// <summary>Whether <paramref name="exposedName"/> names a built-in GitLab tool (<c>gitlab__&lt;tool&gt;</c>).</summary>
    public static bool IsGitLabTool(string exposedName) =>
        exposedName.StartsWith(GitLabToolNames.Prefix + "__", StringComparison.Ordinal);

    /// <summary>Calls the tool and prints its text (stdout) or the error saying what to fix (stderr); returns the exit code.</summary>
    public static async Task<int> CallAsync(TributaryConfig config, string exposedName, IReadOnlyDictionary<string, object?>? arguments, CliContext context, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddTributaryGitLab(config, context.ReadVariable);
        await using var provider = services.BuildServiceProvider();
        var tool = provider.GetRequiredService<GitLabToolset>().Tools.FirstOrDefault(t => GitLabToolNames.Exposed(t.Name) == exposedName);
        if (tool is null)
        {
            context.Error.WriteLine($"error: no tool named '{exposedName}' is available; 'tributary tools list' shows the names");
            return ExitCodes.Failure;
        }

        try
        {
            var result = await tool.Function.InvokeAsync(new AIFunctionArguments(arguments?.ToDictionary(pair => pair.Key, pair => pair.Value)), cancellationToken);
            context.Output.WriteLine(result is JsonElement { ValueKind: JsonValueKind.String } text ? text.GetString() : result?.ToString());
            return ExitCodes.Success;
        }
        catch (GitLabException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (ArgumentException e) when (!cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine($"error: invalid arguments for {exposedName}: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
