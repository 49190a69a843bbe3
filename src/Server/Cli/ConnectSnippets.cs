using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Server.Security;

namespace Tributary.Server.Cli;

/// <summary>
/// What each MCP client needs to reach Tributary: the command to run or the JSON to paste (for stdout), and where it
/// goes (for stderr). The key is a reference to <c>TRIBUTARY_MCP_KEY</c> the client or the shell fills in, unless
/// the user asked to see it.
/// </summary>
internal static class ConnectSnippets
{
    private const string Name = "tributary";
    private const string KeyReference = "$" + SecurityOptions.KeyVariable;

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The clients, by the name <c>tributary connect</c> takes.</summary>
    public static readonly IReadOnlyDictionary<string, Func<ConnectTarget, (string Snippet, string Where)>> Clients =
        new Dictionary<string, Func<ConnectTarget, (string, string)>>(StringComparer.Ordinal)
        {
            ["claude-code"] = ClaudeCode,
            ["vscode"] = VsCode,
            ["cursor"] = Cursor,
            ["claude-desktop"] = ClaudeDesktop,
            ["inspector"] = Inspector,
        };

    private static (string, string) ClaudeCode(ConnectTarget target) =>
        ($"claude mcp add --transport http --scope user {Name} {target.Url}{(target.KeyIsSet ? $" --header {ShellHeader(target)}" : string.Empty)}",
         target.KeyIsSet && target.Key is null
            ? $"Run it in a shell where {SecurityOptions.KeyVariable} is set: the shell fills in the key, which Claude Code keeps in ~/.claude.json. Then 'claude mcp list' shows {Name}."
            : $"Run it once; then 'claude mcp list' shows {Name}.");

    private static (string, string) VsCode(ConnectTarget target)
    {
        var server = new JsonObject { ["type"] = "http", ["url"] = target.Url };
        var file = new JsonObject();
        if (target.KeyIsSet)
        {
            if (target.Key is null)
            {
                file["inputs"] = new JsonArray(new JsonObject
                {
                    ["type"] = "promptString",
                    ["id"] = "tributary-key",
                    ["description"] = $"Tributary's key ({SecurityOptions.KeyVariable})",
                    ["password"] = true,
                });
            }

            server["headers"] = new JsonObject { ["Authorization"] = target.Key is null ? "Bearer ${input:tributary-key}" : $"Bearer {target.Key}" };
        }

        file["servers"] = new JsonObject { [Name] = server };
        return (file.ToJsonString(s_json),
            target.KeyIsSet && target.Key is null
                ? $"Put it in .vscode/mcp.json (or merge its 'inputs' and 'servers' into it); VS Code asks for the key once and keeps it."
                : "Put it in .vscode/mcp.json (or merge its 'servers' into it).");
    }

    private static (string, string) Cursor(ConnectTarget target)
    {
        var server = new JsonObject { ["url"] = target.Url };
        if (target.KeyIsSet)
        {
            server["headers"] = new JsonObject { ["Authorization"] = target.Key is null ? $"Bearer ${{env:{SecurityOptions.KeyVariable}}}" : $"Bearer {target.Key}" };
        }

        return (new JsonObject { ["mcpServers"] = new JsonObject { [Name] = server } }.ToJsonString(s_json),
            target.KeyIsSet && target.Key is null
                ? $"Put it in ~/.cursor/mcp.json (or a project's .cursor/mcp.json); Cursor reads {SecurityOptions.KeyVariable} from the environment it was started in."
                : "Put it in ~/.cursor/mcp.json (or a project's .cursor/mcp.json).");
    }

    private static (string, string) ClaudeDesktop(ConnectTarget target)
    {
        // Claude Desktop's file starts local processes only: mcp-remote bridges to the HTTP endpoint.
        var args = new JsonArray("-y", "mcp-remote", target.Url);
        if (new Uri(target.Url).Scheme == Uri.UriSchemeHttp && !new Uri(target.Url).IsLoopback)
        {
            args.Add("--allow-http");
        }

        var server = new JsonObject { ["command"] = "npx", ["args"] = args };
        if (target.KeyIsSet)
        {
            // No space after the colon: mcp-remote's documented form, which survives argument quoting on Windows.
            args.Add("--header");
            args.Add("Authorization:${AUTH_HEADER}");
            server["env"] = new JsonObject { ["AUTH_HEADER"] = $"Bearer {target.Key ?? $"<the value of {SecurityOptions.KeyVariable}>"}" };
        }

        return (new JsonObject { ["mcpServers"] = new JsonObject { [Name] = server } }.ToJsonString(s_json),
            target.KeyIsSet && target.Key is null
                ? "Merge it into claude_desktop_config.json (Settings > Developer > Edit Config) and restart Claude Desktop. Claude Desktop does not read variables there: replace the placeholder with the key, or run 'tributary connect claude-desktop --show-key'."
                : "Merge it into claude_desktop_config.json (Settings > Developer > Edit Config) and restart Claude Desktop.");
    }

    private static (string, string) Inspector(ConnectTarget target) =>
        ($"npx -y @modelcontextprotocol/inspector@latest --cli {target.Url} --transport http --method tools/list{(target.KeyIsSet ? $" --header {ShellHeader(target)}" : string.Empty)}",
         $"Lists the tools through Tributary. For the Inspector's web page, run 'npx -y @modelcontextprotocol/inspector@latest' and connect with transport Streamable HTTP to {target.Url}{(target.KeyIsSet ? $", header Authorization: Bearer <{SecurityOptions.KeyVariable}>" : string.Empty)}.");

    // Double quotes so the shell expands the variable when the command runs; single quotes around a shown key.
    private static string ShellHeader(ConnectTarget target) =>
        target.Key is null ? $"\"Authorization: Bearer {KeyReference}\"" : $"'Authorization: Bearer {target.Key.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
