using System.ClientModel;
using System.Diagnostics;
using Anthropic.Exceptions;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Tributary.Agents.Configuration;
using Tributary.Agents.Definitions;
using Tributary.Agents.GitLab;
using Tributary.Agents.Kernel;
using Tributary.Agents.Models;
using Tributary.Agents.Repository;

namespace Tributary.Agents.Runs;

/// <summary>
/// Runs an agent: applies the project's <c>.tributary.yml</c>, builds the run's kernel, lets the model call tools
/// automatically (typed arguments kept) until it answers, its <c>max_tool_calls</c> are used (then it is asked for
/// the final answer without tools) or its <c>timeout</c> passes; streams the answer when asked to.
/// </summary>
public sealed partial class AgentRunner
{
    private readonly TributaryConfigProvider _configs;
    private readonly AgentKernelFactory _kernels;
    private readonly ChatServiceFactory _chats;
    private readonly RepositoryOverrideProvider _overrides;
    private readonly GitLabClient _gitLab;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal AgentRunner(TributaryConfigProvider configs, AgentKernelFactory kernels, ChatServiceFactory chats, RepositoryOverrideProvider overrides, GitLabClient gitLab, TimeProvider time, ILogger<AgentRunner> logger)
    {
        _configs = configs;
        _kernels = kernels;
        _chats = chats;
        _overrides = overrides;
        _gitLab = gitLab;
        _time = time;
        _logger = logger;
    }

    /// <summary>The agents that can be run.</summary>
    public IReadOnlyList<AgentDefinition> Agents => _configs.Current.Agents.All;

    /// <summary>
    /// Runs <paramref name="request"/>. With <paramref name="onText"/> the answer is streamed to it as it comes;
    /// without, the model answers in one piece.
    /// </summary>
    /// <exception cref="AgentRunException">Unknown or disabled agent, missing API key, or the model failed.</exception>
    public async Task<AgentRunResult> RunAsync(AgentRunRequest request, Func<string, CancellationToken, ValueTask>? onText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // One snapshot for the whole run: a reload meanwhile applies to the next run.
        var config = _configs.Current;
        var agent = config.Agents.Find(request.Agent) ?? throw new AgentRunException(
            config.Agents.All.Count == 0
                ? $"no agent is named '{request.Agent}': none is defined (add agents/*.yml beside the config file)"
                : $"no agent is named '{request.Agent}'; agents: {string.Join(", ", config.Agents.All.Select(a => a.Name))}",
            AgentRunFailure.UnknownAgent);
        var model = config.Models.Find(agent.Model)!;
        var chat = _chats.Create(model);

        using var activity = AgentTelemetry.Source.StartActivity($"invoke_agent {agent.Name}");
        activity?.SetTag("gen_ai.operation.name", "invoke_agent");
        activity?.SetTag(AgentTelemetry.AgentTag, agent.Name);
        activity?.SetTag("gen_ai.request.model", model.Model);
        LogStarting(agent.Name, model.Name, request.Project ?? "(none)");

        var notices = new List<string>();
        var (servers, context, confinement, branches) = await PrepareAsync(agent, request, notices, cancellationToken);
        using var timeout = new CancellationTokenSource(agent.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var built = await _kernels.BuildAsync(agent, servers, chat, confinement, request.Plugin, linked.Token);
        notices.AddRange(built.Notices);
        var history = new ChatHistory(SystemPrompt(agent, context, built, request.RunInstructions));
        history.AddUserMessage(UserMessage(request, branches));

        var answer = new StringBuilder();
        var usage = new TokenUsage();
        bool timedOut = false;
        try
        {
            #pragma warning disable SKEXP0001 // RetainArgumentTypes: typed MCP tools reject numbers sent as strings.
            var auto = FunctionChoiceBehavior.Auto(options: new FunctionChoiceBehaviorOptions { RetainArgumentTypes = true });
            #pragma warning restore SKEXP0001
            string first = await AskAsync(chat, history, ChatServiceFactory.Settings(model, agent.Temperature, auto), built.Kernel, onText, usage, linked.Token);
            if (!built.Filter.LimitReached && request.FollowUp?.Invoke() is { } followUp)
            {
                if (first.Length > 0)
                {
                    history.AddAssistantMessage(first);
                }

                history.AddUserMessage(followUp);
                first = await AskAsync(chat, history, ChatServiceFactory.Settings(model, agent.Temperature, auto), built.Kernel, onText, usage, linked.Token);
            }

            if (built.Filter.LimitReached)
            {
                history.AddUserMessage($"You have used all {agent.MaxToolCalls} tool calls this run allows. Do not call any more tools: give your final answer now, with what you have found.");
                first = await AskAsync(chat, history, ChatServiceFactory.Settings(model, agent.Temperature, FunctionChoiceBehavior.None()), built.Kernel, onText, usage, linked.Token);
            }

            answer.Append(first);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
            notices.Add($"the run was stopped by its timeout of {agent.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s; the answer may be incomplete");
        }
        catch (Exception e) when (e is HttpOperationException or ClientResultException or AnthropicException or HttpRequestException)
        {
            // The OpenAI connector's message carries the provider's error text, and Anthropic's its whole body: a
            // server answering a wrong key may quote it. The cause is not kept either, so nothing logs it whole.
            string reason = _chats.WithoutKey(model, e.Message);
            LogModelFailed(agent.Name, model.Name, reason);
            throw new AgentRunException($"model '{model.Name}' ({ModelProviderNames.Of(model.Provider)} {model.Model}) failed: {reason}", AgentRunFailure.Upstream);
        }

        usage.AddFrom(history);
        if (usage.Input > 0 || usage.Output > 0)
        {
            // Streamed answers may report no usage; a zero would claim the model used none.
            activity?.SetTag(AgentTelemetry.InputTokensTag, usage.Input);
            activity?.SetTag(AgentTelemetry.OutputTokensTag, usage.Output);
        }

        var result = new AgentRunResult
        {
            Agent = agent.Name,
            Model = model.Name,
            Text = answer.ToString(),
            ToolCalls = built.Filter.Calls,
            MissingServers = built.MissingServers,
            Notices = notices,
            ToolLimitReached = built.Filter.LimitReached,
            TimedOut = timedOut,
            InputTokens = usage.Input,
            OutputTokens = usage.Output,
        };
        foreach (var missing in result.MissingServers)
        {
            LogServerMissing(agent.Name, missing.Name, missing.Reason);
        }

        LogFinished(agent.Name, result.ToolCalls.Count, result.Text.Length);
        return result;
    }

    private async Task<(IReadOnlyList<string> Servers, RunContext Context, ProjectConfinement? Confinement, string? Branches)> PrepareAsync(
        AgentDefinition agent, AgentRunRequest request, List<string> notices, CancellationToken cancellationToken)
    {
        if (request.Project is not { Length: > 0 } project)
        {
            return request.ReadOnly
                ? throw new AgentRunException("a read-only run needs the project it is about", AgentRunFailure.Invalid)
                : (agent.McpServers, RunContext.None, null, null);
        }

        var repository = await _overrides.GetAsync(project, cancellationToken);
        notices.AddRange(repository.Problems);
        if (repository.DisabledAgents.Contains(agent.Name))
        {
            throw new AgentRunException($"agent '{agent.Name}' is disabled for project '{project}' by its {RepositoryOverrideParser.FileName} (disabled_agents)", AgentRunFailure.Invalid);
        }

        var servers = agent.McpServers;
        if (repository.McpServers.TryGetValue(agent.Name, out var replaced))
        {
            servers = replaced;
            notices.Add($"{RepositoryOverrideParser.FileName} of project '{project}' replaces the MCP servers of agent '{agent.Name}' with: {(replaced.Count == 0 ? "(none)" : string.Join(", ", replaced))}");
        }

        string? rules = repository.ReviewRules;
        if (repository.SkipPaths.Count > 0)
        {
            rules = $"{rules}\nLeave alone files matching: {string.Join(", ", repository.SkipPaths)}".Trim();
        }

        var confinement = request.ReadOnly ? await ConfineAsync(project, cancellationToken) : null;
        // A review or chat run brings the merge request's data in its prompt already.
        string? branches = request.MergeRequestIid is { } iid && !request.ReadOnly ? await BranchesAsync(project, iid, cancellationToken) : null;

        // Branch names are chosen by whoever opened the merge request: they reach the model as data in the user
        // message, and the system prompt only refers to them.
        var context = new RunContext(
            project,
            request.MergeRequestIid is null ? null : "the source branch named in the merge request data",
            request.MergeRequestIid is null ? null : "the target branch named in the merge request data",
            rules);
        return (servers, context, confinement, branches);
    }

    private async Task<ProjectConfinement> ConfineAsync(string project, CancellationToken cancellationToken)
    {
        try
        {
            var json = await _gitLab.GetProjectAsync(project, cancellationToken);
            return new ProjectConfinement(json.GetProperty("id").GetInt64(), json.GetProperty("path_with_namespace").GetString() ?? GitLabClient.Normalize(project));
        }
        catch (GitLabException e)
        {
            throw new AgentRunException($"cannot run on project '{project}': {e.Message}", AgentRunFailure.Upstream);
        }
    }

    private async Task<string> BranchesAsync(string project, int iid, CancellationToken cancellationToken)
    {
        try
        {
            long id = await _gitLab.GetProjectIdAsync(project, cancellationToken);
            var mr = await _gitLab.GetJsonAsync($"projects/{id}/merge_requests/{iid}", $"merge request !{iid} of {GitLabClient.ProjectSubject(project)}", cancellationToken);
            return $"from branch `{mr.GetProperty("source_branch").GetString()}` into `{mr.GetProperty("target_branch").GetString()}`";
        }
        catch (GitLabException e)
        {
            throw new AgentRunException($"cannot run on merge request !{iid} of project '{project}': {e.Message}", AgentRunFailure.Upstream);
        }
    }

    private static string SystemPrompt(AgentDefinition agent, RunContext context, AgentKernel built, string? runInstructions)
    {
        string instructions = agent.Instructions.Render(context);
        if (runInstructions is { Length: > 0 })
        {
            instructions = $"{instructions}\n\n{runInstructions}";
        }

        return built.MissingServers.Count == 0
            ? instructions
            : $"{instructions}\n\nNote: the tools of these MCP servers are unavailable in this run: {string.Join(", ", built.MissingServers.Select(m => m.Name))}. Say so if the answer would have needed them.";
    }

    private static string UserMessage(AgentRunRequest request, string? branches) => (request.Project, request.MergeRequestIid) switch
    {
        ({ } project, { } iid) => $"(Project: {project}, merge request !{iid}{(branches is null ? string.Empty : " " + branches)}.)\n\n{request.Prompt}",
        ({ } project, null) => $"(Project: {project}.)\n\n{request.Prompt}",
        _ => request.Prompt,
    };

    private static async Task<string> AskAsync(
        IChatCompletionService chat,
        ChatHistory history,
        PromptExecutionSettings settings,
        Microsoft.SemanticKernel.Kernel kernel,
        Func<string, CancellationToken, ValueTask>? onText,
        TokenUsage usage,
        CancellationToken cancellationToken)
    {
        if (onText is null)
        {
            var message = await chat.GetChatMessageContentAsync(history, settings, kernel, cancellationToken);
            usage.Add(message);
            return message.Role == AuthorRole.Assistant ? message.Content ?? string.Empty : string.Empty;
        }

        var text = new StringBuilder();
        await foreach (var update in chat.GetStreamingChatMessageContentsAsync(history, settings, kernel, cancellationToken))
        {
            if (update.Content is { Length: > 0 } chunk)
            {
                text.Append(chunk);
                await onText(chunk, cancellationToken);
            }
        }

        return text.ToString();
    }

    [LoggerMessage(5201, LogLevel.Information, "Agent {AgentName} starts on model {ModelName} (project {Project})")]
    private partial void LogStarting(string agentName, string modelName, string project);

    [LoggerMessage(5202, LogLevel.Information, "Agent {AgentName} answered after {ToolCalls} tool calls ({Characters} characters)")]
    private partial void LogFinished(string agentName, int toolCalls, int characters);

    [LoggerMessage(5204, LogLevel.Warning, "Agent {AgentName}: model {ModelName} failed: {Reason}")]
    private partial void LogModelFailed(string agentName, string modelName, string reason);

    [LoggerMessage(5203, LogLevel.Warning, "Agent {AgentName} runs without the tools of MCP server {ServerName}: {Reason}")]
    private partial void LogServerMissing(string agentName, string serverName, string reason);
}
