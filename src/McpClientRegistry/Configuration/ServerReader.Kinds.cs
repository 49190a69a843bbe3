using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Readers of the transport, its endpoint and its authentication, and the rules between them.</summary>
internal sealed partial class ServerReader
{
    private McpTransportKind? ReadTransport()
    {
        if (!given.TryGetValue("transport", out var entry))
        {
            return McpTransportKind.StreamableHttp;
        }

        string? text = ReadText("transport");
        var kind = text is null ? null : KindNames.ParseTransport(text);
        if (kind is null && text is not null)
        {
            context.Add(entry.Value, name, "transport", $"unknown transport '{text}'; use one of: {KindNames.TransportChoices}");
        }
        else if (text is null && YamlNodes.IsNull(entry.Value))
        {
            context.Add(entry.Value, name, "transport", $"is empty; use one of: {KindNames.TransportChoices}, or remove the line for the default");
        }

        return kind;
    }

    private McpAuthKind? ReadAuth(McpTransportKind? transport)
    {
        if (!given.TryGetValue("auth_type", out var entry))
        {
            return McpAuthKind.None;
        }

        // On stdio any auth_type but none is reported as not applying; its spelling does not matter.
        bool report = transport != McpTransportKind.Stdio;
        var value = entry.Value;
        string? text = YamlNodes.IsNull(value) ? null : report ? ScalarText("auth_type", value) : (value as YamlScalarNode)?.Value;
        var kind = text is null ? null : KindNames.ParseAuth(text);
        if (kind is null && report && (text is not null || YamlNodes.IsNull(value)))
        {
            context.Add(value, name, "auth_type", text is null
                ? $"is empty; use one of: {KindNames.AuthChoices}"
                : $"unknown auth_type '{text}'; use one of: {KindNames.AuthChoices}");
        }

        return kind;
    }

    private string? ReadUrl(McpTransportKind? transport)
    {
        string? url = ReadText("url");
        bool isHttp = transport is McpTransportKind.StreamableHttp or McpTransportKind.Sse;
        if (string.IsNullOrWhiteSpace(url))
        {
            if (isHttp)
            {
                context.Add(given.TryGetValue("url", out var entry) ? entry.Value : nameNode, name, "url",
                    $"is missing or empty; transport '{KindNames.Of(transport!.Value)}' needs the server's endpoint, e.g. 'url: https://mcp.example.com/mcp' (for a local server set 'transport: stdio' and 'command:')");
            }

            return url;
        }

        var node = given["url"].Value;
        if (CheckTemplate("url", node, url) && !url.Contains("${", StringComparison.Ordinal) && !HttpUrl.TryCreate(url, out _))
        {
            // The URL itself is not quoted: it may carry credentials in its user info or query.
            context.Add(node, name, "url", "is not an absolute http:// or https:// URL; write the full endpoint, e.g. 'https://mcp.example.com/mcp'");
        }

        return url;
    }

    private string? ReadCommand(McpTransportKind? transport)
    {
        string? command = ReadTemplate("command");
        if (transport == McpTransportKind.Stdio && string.IsNullOrWhiteSpace(command))
        {
            context.Add(given.TryGetValue("command", out var entry) ? entry.Value : nameNode, name, "command",
                "is missing or empty; transport 'stdio' needs the program to run, e.g. 'command: npx' with 'args: [-y, \"@modelcontextprotocol/server-everything\"]'");
        }

        return command;
    }

    private string? ReadTokenVariable()
    {
        string? variable = ReadText("auth_token_env");
        if (variable is not null && !NameRules.IsVariableName(variable))
        {
            // Not quoted: a token pasted here by mistake must not end up in logs.
            context.Add(given["auth_token_env"].Value, name, "auth_token_env",
                "is not a valid environment variable name; give the NAME of the variable that holds the token (letters, digits and _, not starting with a digit), not the token itself");
        }

        return variable;
    }

    private void CheckAuth(McpAuthKind? auth, McpServerConfig server)
    {
        if (auth is not { } kind)
        {
            return;
        }

        var authNode = given.TryGetValue("auth_type", out var authEntry) ? authEntry.Value : nameNode;
        if (kind == McpAuthKind.Bearer && string.IsNullOrEmpty(server.AuthTokenEnv) && IsAbsentOrEmpty("auth_token_env"))
        {
            context.Add(WhereMissing("auth_token_env", authNode), name, "auth_token_env",
                "is missing or empty; auth_type 'bearer' needs the name of the environment variable that holds the token, e.g. 'auth_token_env: CONTEXT7_TOKEN'");
        }

        if (kind == McpAuthKind.Header && server.Headers.Count == 0 && IsAbsentOrEmpty("headers"))
        {
            context.Add(WhereMissing("headers", authNode), name, "headers",
                "is missing or empty; auth_type 'header' sends the 'headers' map, e.g. 'headers: { Authorization: \"Bearer ${TOKEN}\" }'");
        }

        if (kind != McpAuthKind.Bearer && given.TryGetValue("auth_token_env", out var tokenEntry))
        {
            context.Add(tokenEntry.Key, name, "auth_token_env",
                $"applies only to auth_type 'bearer', but auth_type is '{KindNames.Of(kind)}'; set 'auth_type: bearer' or remove it");
        }

        if (kind != McpAuthKind.Header && given.TryGetValue("headers", out var headerEntry))
        {
            context.Add(headerEntry.Key, name, "headers",
                $"are sent only with auth_type 'header', but auth_type is '{KindNames.Of(kind)}'; set 'auth_type: header' or remove them");
        }
    }

    private bool IsAbsentOrEmpty(string field) =>
        !given.TryGetValue(field, out var entry)
        || YamlNodes.IsNull(entry.Value)
        || entry.Value is YamlScalarNode { Value: "" }
        || entry.Value is YamlMappingNode { Children.Count: 0 };

    private YamlNode WhereMissing(string field, YamlNode otherwise) =>
        given.TryGetValue(field, out var entry) ? entry.Value : otherwise;
}
