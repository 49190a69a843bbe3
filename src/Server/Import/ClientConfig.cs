using System.Text.Json;

namespace Tributary.Server.Import;

/// <summary>
/// An MCP client's configuration file: the <c>mcpServers</c> of Claude Desktop, Claude Code (<c>.mcp.json</c>) and
/// Cursor, or the <c>servers</c> (and <c>inputs</c>) of VS Code (<c>.vscode/mcp.json</c>, or <c>mcp.servers</c> in its settings).
/// </summary>
/// <param name="Client">Which client's file it is, for messages.</param>
/// <param name="Section">The key the servers are under, for messages (<c>mcpServers</c>, <c>servers</c>).</param>
/// <param name="Servers">The entries, in file order.</param>
/// <param name="Inputs">VS Code's inputs by id, with their description (empty for the other clients).</param>
internal sealed record ClientConfig(
    string Client,
    string Section,
    IReadOnlyList<KeyValuePair<string, JsonElement>> Servers,
    IReadOnlyDictionary<string, string> Inputs)
{
    private static readonly JsonDocumentOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Parses <paramref name="json"/>, read from <paramref name="path"/>; null with the problem when it holds no MCP servers.</summary>
    public static ClientConfig? Parse(string json, string path, out string? problem)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, s_options);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            problem = $"{path} is not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(" LineNumber", 2)[0]}";
            return null;
        }

        problem = null;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("servers", out var servers) && servers.ValueKind == JsonValueKind.Object)
        {
            return new ClientConfig("VS Code", "servers", [.. servers.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value))], ReadInputs(root));
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("mcp", out var mcp) && mcp.ValueKind == JsonValueKind.Object
            && mcp.TryGetProperty("servers", out var settingsServers) && settingsServers.ValueKind == JsonValueKind.Object)
        {
            return new ClientConfig("VS Code settings", "mcp.servers", [.. settingsServers.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value))], ReadInputs(mcp));
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("mcpServers", out var mcpServers) && mcpServers.ValueKind == JsonValueKind.Object)
        {
            return new ClientConfig(ClientOf(path), "mcpServers", [.. mcpServers.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value))], new Dictionary<string, string>());
        }

        problem = $"{path} has no MCP servers: expected an object 'mcpServers' (Claude Desktop, Claude Code's .mcp.json, Cursor) or 'servers' (VS Code's .vscode/mcp.json)";
        return null;
    }

    private static string ClientOf(string path)
    {
        string name = Path.GetFileName(path);
        string folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? string.Empty;
        return name.Equals("claude_desktop_config.json", StringComparison.OrdinalIgnoreCase) ? "Claude Desktop"
            : name.Equals(".mcp.json", StringComparison.OrdinalIgnoreCase) ? "Claude Code"
            : folder.Equals(".cursor", StringComparison.OrdinalIgnoreCase) ? "Cursor"
            : "mcpServers";
    }

    private static Dictionary<string, string> ReadInputs(JsonElement owner)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (owner.TryGetProperty("inputs", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var input in list.EnumerateArray())
            {
                if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    inputs[id.GetString()!] = input.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
                }
            }
        }

        return inputs;
    }
}
