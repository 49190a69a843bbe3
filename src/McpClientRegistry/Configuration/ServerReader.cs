using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// Reads and checks one entry of <c>mcp_servers</c>, reporting every problem to the shared
/// <see cref="YamlReadContext"/>. One reader per entry.
/// </summary>
internal sealed partial class ServerReader(YamlReadContext context, string name, YamlNode nameNode)
{
    /// <summary>The fields of a server entry, in the order the reference documents them.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "url", "transport", "command", "args", "env", "cwd", "auth_type", "auth_token_env", "headers",
        "grant", "client_id", "client_secret_env", "client_key_env", "client_metadata_url", "scopes", "redirect_uri",
        "enabled", "description", "prefix", "tools", "timeout", "connect_timeout", "max_message_size",
    ];

    private static readonly string[] StdioOnlyFields = ["command", "args", "env", "cwd"];
    private static readonly string[] HttpOnlyFields =
        ["url", "headers", "auth_type", "auth_token_env", "grant", "client_id", "client_secret_env", "client_key_env", "client_metadata_url", "scopes", "redirect_uri"];

    // Set by Read before any field is read: one reader reads one entry.
    private MappingReader fields = null!;

    /// <summary>The prefix of exposed tool names; <see langword="null"/> when it is invalid (and reported).</summary>
    public string? Prefix { get; private set; }

    /// <summary>Whether <see cref="Prefix"/> was written as <c>prefix:</c> rather than taken from the name.</summary>
    public bool PrefixIsExplicit { get; private set; }

    /// <summary>Where the prefix comes from: the <c>prefix</c> value, or the server name.</summary>
    public YamlNode? PrefixNode { get; private set; }

    /// <summary>Reads the entry; the result is meaningful only when no error was reported.</summary>
    public McpServerConfig? Read(YamlNode entry)
    {
        PrefixNode = nameNode;
        bool nameIsValid = CheckName();
        if (entry is not YamlMappingNode map || map.Children.Count == 0)
        {
            context.Add(entry is YamlMappingNode ? nameNode : entry, name, null, YamlNodes.IsNull(entry) || entry is YamlMappingNode
                ? "has no settings; add 'url: https://...' for an HTTP server, or 'transport: stdio' and 'command: ...' for a local one"
                : $"must be a mapping of settings such as 'url:' or 'command:', but it is {YamlNodes.Describe(entry)}; indent the settings under the server name");
            return null;
        }

        fields = MappingReader.ReadEntry(context, name, map, Fields);
        var transport = ReadTransport();
        var auth = ReadAuth(transport);
        RejectFieldsNotFor(transport, auth);
        ReadPrefix(nameIsValid);

        var server = new McpServerConfig
        {
            Name = name,
            Prefix = Prefix ?? name,
            Transport = transport ?? McpTransportKind.StreamableHttp,
            Url = ReadUrl(transport),
            Command = ReadCommand(transport),
            Args = ReadArgs(),
            Env = ReadMap("env", "variable name", "LOG_LEVEL: warn"),
            Cwd = fields.Template("cwd"),
            AuthType = auth ?? McpAuthKind.None,
            AuthTokenEnv = ReadTokenVariable(),
            Headers = ReadMap("headers", "header name", "Authorization: \"Bearer ${TOKEN}\""),
            Grant = ReadGrant(),
            ClientId = ReadClientId(),
            ClientSecretEnv = fields.VariableName("client_secret_env", "LINEAR_CLIENT_SECRET"),
            ClientKeyEnv = fields.VariableName("client_key_env", "TRIBUTARY_CLIENT_KEY"),
            ClientMetadataUrl = ReadClientMetadataUrl(),
            Scopes = ReadScopes(),
            RedirectUri = ReadRedirectUri(),
            Enabled = fields.Bool("enabled") ?? true,
            Description = fields.Text("description"),
            Tools = ReadTools(),
            Timeout = fields.Duration("timeout") ?? McpServerConfig.DefaultTimeout,
            ConnectTimeout = fields.Duration("connect_timeout") ?? McpServerConfig.DefaultConnectTimeout,
            MaxMessageSize = fields.Size("max_message_size", MinMessageSize, MaxMessageSize) ?? McpServerConfig.DefaultMaxMessageSize,
            Location = context.LocationOf(nameNode),
        };
        if (transport != McpTransportKind.Stdio)
        {
            CheckAuth(auth, server);
            CheckOAuth(auth, server);
        }

        return server;
    }

    private void RejectFieldsNotFor(McpTransportKind? transport, McpAuthKind? auth)
    {
        if (transport is not { } kind)
        {
            return;
        }

        bool stdio = kind == McpTransportKind.Stdio;
        foreach (string field in stdio ? HttpOnlyFields : StdioOnlyFields)
        {
            if (fields.Forget(field) is not { } key || (field == "auth_type" && auth == McpAuthKind.None))
            {
                continue;
            }

            fields.Problem(key, field, stdio
                ? "does not apply to transport 'stdio'; remove it, or set 'transport: streamable-http' (or 'sse') to connect over HTTP"
                : $"does not apply to transport '{KindNames.Of(kind)}'; remove it, or set 'transport: stdio' to run a local server");
        }
    }
}
