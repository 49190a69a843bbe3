using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

#pragma warning disable MCP9005 // Logging and sampling are part of 2025-11-25, which these sessions speak.

namespace Tributary.TestSupport.InProcess;

/// <summary>
/// The tool <c>interview</c>: waits until two calls of it are in flight, then logs, asks the caller's model (sampling)
/// and user (elicitation), and answers what came back, or the error a request got, so a test can read what the
/// server was told. Neither call answers before both have asked, so both are in flight throughout. Everything it
/// sends goes on the call's own response stream.
/// </summary>
internal sealed class InterviewTool
{
    private readonly TaskCompletionSource _bothArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _bothAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;
    private int _asked;

    /// <summary>The tool.</summary>
    public McpServerTool Create() => McpServerTool.Create(InterviewAsync, new McpServerToolCreateOptions { Name = "interview" });

    [Description("Waits for a second call, then logs, samples and elicits.")]
    private async Task<string> InterviewAsync(McpServer server, string who, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _arrived) == 2)
        {
            _bothArrived.TrySetResult();
        }

        await _bothArrived.Task.WaitAsync(cancellationToken);
        await server.SendNotificationAsync(
            NotificationMethods.LoggingMessageNotification,
            new LoggingMessageNotificationParams { Level = LoggingLevel.Info, Logger = "interview", Data = System.Text.Json.JsonSerializer.SerializeToElement($"interviewing {who}") },
            cancellationToken: cancellationToken);
        string said;
        try
        {
            var answer = await server.SampleAsync(
                new CreateMessageRequestParams
                {
                    Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = $"What does {who} want?" }] }],
                    MaxTokens = 100,
                },
                cancellationToken);
            said = $"the model said {string.Concat(answer.Content.OfType<TextContentBlock>().Select(b => b.Text))}";
        }
        catch (McpException e)
        {
            said = $"sampling failed: {e.Message}";
        }

        string chose;
        try
        {
            var answer = await server.ElicitAsync(
                new ElicitRequestParams
                {
                    Message = $"Is this {who}?",
                    RequestedSchema = new ElicitRequestParams.RequestSchema { Properties = { ["ok"] = new ElicitRequestParams.BooleanSchema() } },
                },
                cancellationToken);
            chose = $"the user chose {answer.Action}";
        }
        catch (McpException e)
        {
            chose = $"elicitation failed: {e.Message}";
        }

        if (Interlocked.Increment(ref _asked) == 2)
        {
            _bothAsked.TrySetResult();
        }

        await _bothAsked.Task.WaitAsync(cancellationToken);
        return $"{who}: {said}; {chose}";
    }
}
