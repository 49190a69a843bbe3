using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Tributary.Agents.Runs;

namespace Tributary.Agents.Kernel;

/// <summary>
/// Sees every tool call of one run: traces and logs it with the agent, server and tool names, hands the model
/// the result as bounded text (an error as an error), keeps the account, and once <c>max_tool_calls</c> is used
/// runs no more tools and stops the automatic loop so that the run can ask for the final answer.
/// </summary>
internal sealed partial class ToolCallFilter(
    string agent,
    IReadOnlyDictionary<string, PluginTool> tools,
    int maxToolCalls,
    int maxResultChars,
    ProjectConfinement? confinement,
    ILogger logger) : IAutoFunctionInvocationFilter
{
    private readonly Lock _gate = new();
    private readonly List<ToolCallRecord> _calls = [];
    private int _started;

    /// <summary>Every call so far, in order.</summary>
    public IReadOnlyList<ToolCallRecord> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Whether the model asked for a tool after the run had used its <c>max_tool_calls</c>.</summary>
    public bool LimitReached { get; private set; }

    /// <summary>The key of a kernel function in the map given to the constructor.</summary>
    public static string Key(string? pluginName, string functionName) => $"{pluginName}.{functionName}";

    /// <inheritdoc />
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var tool = tools.GetValueOrDefault(Key(context.Function.PluginName, context.Function.Name))
            ?? new PluginTool(context.Function.PluginName ?? string.Empty, context.Function.Name);
        if (Interlocked.Increment(ref _started) > maxToolCalls)
        {
            Skip(context, tool);
            return;
        }

        if (confinement is not null && tool.Server == AgentKernelFactory.GitLabPlugin
            && context.Arguments is { } arguments && arguments.TryGetValue(ProjectConfinement.Argument, out object? project)
            && !confinement.Allows(project, out string given))
        {
            Refuse(context, tool, confinement.Refusal(given));
            return;
        }

        using var activity = AgentTelemetry.Source.StartActivity($"execute_tool {tool.Tool}");
        activity?.SetTag("gen_ai.operation.name", "execute_tool");
        activity?.SetTag(AgentTelemetry.AgentTag, agent);
        activity?.SetTag(AgentTelemetry.ToolTag, tool.Tool);
        activity?.SetTag(AgentTelemetry.ServerTag, tool.Server);
        LogCalling(agent, tool.Server, tool.Tool);
        try
        {
            await next(context);
            string text = Bound(ResultText(context.Result.GetValue<object>()));
            context.Result = new FunctionResult(context.Result, text);
            Record(new ToolCallRecord(tool.Server, tool.Tool, ToolCallOutcome.Succeeded, $"{text.Length.ToString(CultureInfo.InvariantCulture)} characters"));
            LogCalled(agent, tool.Server, tool.Tool, text.Length);
        }
        catch (Exception e) when (!context.CancellationToken.IsCancellationRequested)
        {
            string message = e.Message;
            context.Result = new FunctionResult(context.Function, Bound($"Error: {message}"));
            Record(new ToolCallRecord(tool.Server, tool.Tool, ToolCallOutcome.Failed, message));
            activity?.SetStatus(ActivityStatusCode.Error, message);
            activity?.SetTag("error.type", e.GetType().Name);
            LogFailed(agent, tool.Server, tool.Tool, message);
        }
    }

    private void Skip(AutoFunctionInvocationContext context, PluginTool tool)
    {
        LimitReached = true;
        context.Result = new FunctionResult(
            context.Function,
            $"Error: not run. This run may call at most {maxToolCalls} tools and has used them all; call no more tools and give your final answer with what you have.");
        Record(new ToolCallRecord(tool.Server, tool.Tool, ToolCallOutcome.Skipped, $"max_tool_calls ({maxToolCalls}) reached"));
        LogSkipped(agent, tool.Server, tool.Tool, maxToolCalls);

        // Every call of the model's turn gets an answer; then the automatic loop stops.
        if (context.FunctionSequenceIndex >= context.FunctionCount - 1)
        {
            context.Terminate = true;
        }
    }

    private void Refuse(AutoFunctionInvocationContext context, PluginTool tool, string reason)
    {
        context.Result = new FunctionResult(context.Function, $"Error: {reason}");
        Record(new ToolCallRecord(tool.Server, tool.Tool, ToolCallOutcome.Failed, reason));
        LogRefused(agent, tool.Server, tool.Tool, reason);
    }

    private void Record(ToolCallRecord call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    private string Bound(string text) =>
        text.Length <= maxResultChars
            ? text
            : $"{text[..maxResultChars]}\n[truncated: {text.Length - maxResultChars} more characters not shown (max_tool_result_chars is {maxResultChars})]";

    private static string ResultText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString() ?? string.Empty,
        JsonElement json => json.GetRawText(),
        _ => JsonSerializer.Serialize(value),
    };

    [LoggerMessage(5001, LogLevel.Information, "Agent {AgentName} calls tool {ToolName} of {ServerName}")]
    private partial void LogCalling(string agentName, string serverName, string toolName);

    [LoggerMessage(5002, LogLevel.Debug, "Agent {AgentName}: tool {ToolName} of {ServerName} answered {Characters} characters")]
    private partial void LogCalled(string agentName, string serverName, string toolName, int characters);

    [LoggerMessage(5003, LogLevel.Warning, "Agent {AgentName}: tool {ToolName} of {ServerName} failed: {Reason}")]
    private partial void LogFailed(string agentName, string serverName, string toolName, string reason);

    [LoggerMessage(5004, LogLevel.Warning, "Agent {AgentName} asked for tool {ToolName} of {ServerName} after its {MaxToolCalls} tool calls; not run")]
    private partial void LogSkipped(string agentName, string serverName, string toolName, int maxToolCalls);

    [LoggerMessage(5005, LogLevel.Warning, "Agent {AgentName}: tool {ToolName} of {ServerName} refused: {Reason}")]
    private partial void LogRefused(string agentName, string serverName, string toolName, string reason);
}
