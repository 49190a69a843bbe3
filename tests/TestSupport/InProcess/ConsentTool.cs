using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.TestSupport.InProcess;

/// <summary>
/// <c>consent</c>: asks its caller's user through a 2026-07-28 <c>input_required</c> answer (not a request of its own),
/// then, on the retry that carries the answer, answers the choice.
/// </summary>
internal static class ConsentTool
{
    private const string Key = "consent";

    /// <summary>The tool.</summary>
    public static McpServerTool Create() => McpServerTool.Create(Consent, new McpServerToolCreateOptions { Name = "consent" });

    [Description("Asks the caller's user the message and answers the choice.")]
    private static string Consent(RequestContext<CallToolRequestParams> context, string message)
    {
        if (context.Params?.InputResponses?.TryGetValue(Key, out var response) == true)
        {
            var result = response.Deserialize(InputResponse.ElicitResultJsonTypeInfo);
            return $"the user chose {result?.Action} (state {context.Params.RequestState})";
        }

        throw new InputRequiredException(
            new Dictionary<string, InputRequest>
            {
                [Key] = InputRequest.ForElicitation(new ElicitRequestParams
                {
                    Message = message,
                    RequestedSchema = new ElicitRequestParams.RequestSchema { Properties = { ["ok"] = new ElicitRequestParams.BooleanSchema() } },
                }),
            },
            requestState: "asked-once");
    }
}
