using System.Text.Json;
using Microsoft.Extensions.AI;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Agents.Kernel;

/// <summary>
/// A catalog tool (an upstream's or the GitLab toolkit's) as a function a model can call: its schema as its source lists it, its call routed
/// through the catalog (so reconnects and timeouts apply), its result handed back as text. A result the server
/// marks as an error becomes an exception, which the run reports to the model as an error.
/// </summary>
internal sealed class McpToolFunction(McpCatalog catalog, ExposedTool tool, string name) : AIFunction
{
    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string Description => tool.Definition.Description ?? string.Empty;

    /// <inheritdoc />
    public override JsonElement JsonSchema => tool.Definition.InputSchema;

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var values = arguments.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var result = await catalog.CallToolAsync(tool.Name, values, CallContext.None, cancellationToken);
        string text = ToolResultText.Of(result);
        return result.IsError == true ? throw new ToolFailedException(text.Length > 0 ? text : "the tool reported an error without details") : text;
    }
}
