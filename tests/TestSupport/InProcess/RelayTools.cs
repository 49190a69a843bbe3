using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.TestSupport.InProcess;

/// <summary>
/// Tools that reach their caller during the call: <c>ask</c> samples, <c>confirm</c> elicits, <c>note</c> logs its
/// text (at info, naming no logger) before it answers.
/// </summary>
internal static class RelayTools
{
    /// <summary>The three tools.</summary>
    public static IEnumerable<McpServerTool> Create() =>
    [
        McpServerTool.Create(AskAsync, new McpServerToolCreateOptions { Name = "ask" }),
        McpServerTool.Create(ConfirmAsync, new McpServerToolCreateOptions { Name = "confirm" }),
        McpServerTool.Create(NoteAsync, new McpServerToolCreateOptions { Name = "note" }),
    ];

#pragma warning disable MCP9005 // Logging is part of 2025-11-25, which these sessions speak.
    [Description("Logs the text to the caller, then answers.")]
    private static async Task<string> NoteAsync(McpServer server, string text, CancellationToken cancellationToken)
    {
        await server.SendNotificationAsync(
            NotificationMethods.LoggingMessageNotification,
            new LoggingMessageNotificationParams { Level = LoggingLevel.Info, Data = System.Text.Json.JsonSerializer.SerializeToElement(text) },
            cancellationToken: cancellationToken);
        return "noted";
    }
#pragma warning restore MCP9005

#pragma warning disable MCP9005 // Sampling is part of 2025-11-25, which these sessions speak.
    [Description("Asks the caller's model a question and answers what it said.")]
    private static async Task<string> AskAsync(McpServer server, string question, CancellationToken cancellationToken)
    {
        var result = await server.SampleAsync(
            new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = question }] }],
                MaxTokens = 100,
            },
            cancellationToken);
        return $"the model ({result.Model}) said: {string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text))}";
    }
#pragma warning restore MCP9005

    [Description("Asks the caller's user to confirm and answers the choice.")]
    private static async Task<string> ConfirmAsync(McpServer server, string message, CancellationToken cancellationToken)
    {
        var result = await server.ElicitAsync(
            new ElicitRequestParams
            {
                Message = message,
                RequestedSchema = new ElicitRequestParams.RequestSchema
                {
                    Properties = { ["ok"] = new ElicitRequestParams.BooleanSchema() },
                },
            },
            cancellationToken);
        return $"the user chose {result.Action}: {(result.Content is { } content && content.TryGetValue("ok", out var ok) ? ok.ToString() : "nothing")}";
    }
}
