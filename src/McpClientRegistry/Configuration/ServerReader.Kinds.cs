using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Readers of the transport, its endpoint and its authentication, and the rules between them.</summary>
internal sealed partial class ServerReader
{
    private McpTransportKind? ReadTransport()
    {
        if (fields.Node("transport") is not { } node)
        {
            return McpTransportKind.StreamableHttp;
        }

        string? text = fields.Text("transport");
        var kind = text is null ? null : KindNames.ParseTransport(text);
        if (kind is null && text is not null)
        {
            fields.Problem("transport", $"unknown transport '{text}'; use one of: {KindNames.TransportChoices}");
        }
        else if (text is null && YamlNodes.IsNull(node))
        {
            fields.Problem("transport", $"is empty; use one of: {KindNames.TransportChoices}, or remove the line for the default");
        }

        return kind;
    }

    private McpAuthKind? ReadAuth(McpTransportKind? transport)
    {
        if (fields.Node("auth_type") is not { } value)
        {
            return McpAuthKind.None;
        }

        // On stdio any auth_type but none is reported as not applying; its spelling does not matter.
        bool report = transport != McpTransportKind.Stdio;
        string? text = YamlNodes.IsNull(value) ? null : report ? fields.TextOf(value, "auth_type") : (value as YamlScalarNode)?.Value;
        var kind = text is null ? null : KindNames.ParseAuth(text);
        if (kind is null && report && (text is not null || YamlNodes.IsNull(value)))
        {
            fields.Problem("auth_type", text is null
                ? $"is empty; use one of: {KindNames.AuthChoices}"
                : $"unknown auth_type '{text}'; use one of: {KindNames.AuthChoices}");
        }

        return kind;
    }

    private string? ReadUrl(McpTransportKind? transport)
    {
        string? url = fields.Text("url");
        bool isHttp = transport is McpTransportKind.StreamableHttp or McpTransportKind.Sse;
        if (string.IsNullOrWhiteSpace(url))
        {
            if (isHttp)
            {
                fields.Problem(fields.Node("url") ?? nameNode, "url",
                    $"is missing or empty; transport '{KindNames.Of(transport!.Value)}' needs the server's endpoint, e.g. 'url: https://mcp.example.com/mcp' (for a local server set 'transport: stdio' and 'command:')");
            }

            return url;
        }

        var node = fields.Node("url")!;
        if (fields.CheckTemplate(node, "url", url) && !url.Contains("${", StringComparison.Ordinal) && !HttpUrl.TryCreate(url, out _))
        {
            // The URL itself is not quoted: it may carry credentials in its user info or query.
            fields.Problem("url", "is not an absolute http:// or https:// URL; write the full endpoint, e.g. 'https://mcp.example.com/mcp'");
        }

        return url;
    }

    private string? ReadCommand(McpTransportKind? transport)
    {
        string? command = fields.Template("command");
        if (transport == McpTransportKind.Stdio && string.IsNullOrWhiteSpace(command))
        {
            fields.Problem(fields.Node("command") ?? nameNode, "command",
                "is missing or empty; transport 'stdio' needs the program to run, e.g. 'command: npx' with 'args: [-y, \"@modelcontextprotocol/server-everything\"]'");
        }

        return command;
    }

    private string? ReadTokenVariable()
    {
        string? variable = fields.Text("auth_token_env");
        if (variable is not null && !NameRules.IsVariableName(variable))
        {
            // Not quoted: a token pasted here by mistake must not end up in logs.
            fields.Problem("auth_token_env",
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

        var authNode = fields.Node("auth_type") ?? nameNode;
        if (kind == McpAuthKind.Bearer && string.IsNullOrEmpty(server.AuthTokenEnv) && IsAbsentOrEmpty("auth_token_env"))
        {
            fields.Problem(fields.Node("auth_token_env") ?? authNode, "auth_token_env",
                "is missing or empty; auth_type 'bearer' needs the name of the environment variable that holds the token, e.g. 'auth_token_env: CONTEXT7_TOKEN'");
        }

        if (kind == McpAuthKind.Header && server.Headers.Count == 0 && IsAbsentOrEmpty("headers"))
        {
            fields.Problem(fields.Node("headers") ?? authNode, "headers",
                "is missing or empty; auth_type 'header' sends the 'headers' map, e.g. 'headers: { Authorization: \"Bearer ${TOKEN}\" }'");
        }

        if (kind != McpAuthKind.Bearer && fields.Key("auth_token_env") is { } tokenKey)
        {
            fields.Problem(tokenKey, "auth_token_env",
                $"applies only to auth_type 'bearer', but auth_type is '{KindNames.Of(kind)}'; set 'auth_type: bearer' or remove it");
        }

        if (kind != McpAuthKind.Header && fields.Key("headers") is { } headersKey)
        {
            fields.Problem(headersKey, "headers",
                $"are sent only with auth_type 'header', but auth_type is '{KindNames.Of(kind)}'; set 'auth_type: header' or remove them");
        }
    }

    private bool IsAbsentOrEmpty(string field) =>
        fields.Node(field) is not { } node
        || YamlNodes.IsNull(node)
        || node is YamlScalarNode { Value: "" }
        || node is YamlMappingNode { Children.Count: 0 };
}
