namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// Expands <c>${VAR}</c> and <c>${VAR:-default}</c> in a server's <c>url</c>, <c>headers</c>,
/// <c>command</c>, <c>args</c>, <c>env</c> and <c>cwd</c>, and adds the bearer token, reading
/// variables through the given function so tests need not touch the process environment.
/// </summary>
/// <remarks>
/// A missing variable makes only this server not configured: the problem names the first missing
/// variable, the server and the field, never a value. A default applies when the variable is unset
/// or empty, as in a shell; <c>$$</c> is a literal <c>$</c>; a bearer token that is empty counts as missing.
/// </remarks>
public sealed class EndpointResolver(Func<string, string?> readVariable)
{
    /// <summary>A resolver over the process environment.</summary>
    public static EndpointResolver FromEnvironment { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>Resolves <paramref name="server"/>, or says which variable is missing.</summary>
    public EndpointResolution Resolve(McpServerConfig server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var expander = new VariableExpander(server.Name, readVariable);
        var endpoint = server.Transport == McpTransportKind.Stdio ? ResolveStdio(server, expander) : ResolveHttp(server, expander);
        return expander.Problem is null
            ? new EndpointResolution(endpoint with { Secrets = [.. expander.Secrets] }, null)
            : new EndpointResolution(null, expander.Problem);
    }

    private static ResolvedEndpoint ResolveHttp(McpServerConfig server, VariableExpander expander)
    {
        string? url = expander.Expand("url", server.Url);
        Uri? uri = null;
        if (url is not null && !HttpUrl.TryCreate(url, out uri))
        {
            expander.Fail($"the url is not an absolute http:// or https:// URL after expanding variables ({expander.Where("url")}); check the url and the variables it uses");
        }
        else if (server.Url is null)
        {
            expander.Fail($"no url is configured ({expander.Where("url")}); set url to the server's endpoint");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (server.AuthType == McpAuthKind.Bearer && expander.ReadToken(server.AuthTokenEnv) is { } token)
        {
            headers["Authorization"] = "Bearer " + token;
        }

        if (server.AuthType == McpAuthKind.Header)
        {
            foreach (var (name, value) in server.Headers)
            {
                if (expander.Expand("headers." + name, value) is { } expanded)
                {
                    headers[name] = expanded;
                }
            }
        }

        string? clientSecret = server.AuthType == McpAuthKind.OAuth && server.ClientSecretEnv is { } variable ? expander.ReadClientSecret(variable) : null;
        string? clientKey = server.AuthType == McpAuthKind.OAuth && server.ClientKeyEnv is { } keyVariable ? expander.ReadClientSecret(keyVariable, "client_key_env") : null;
        return new ResolvedEndpoint { Url = uri, Headers = headers, ClientSecret = clientSecret, ClientKey = clientKey };
    }

    private static ResolvedEndpoint ResolveStdio(McpServerConfig server, VariableExpander expander)
    {
        string? command = expander.Expand("command", server.Command);
        if (string.IsNullOrWhiteSpace(server.Command))
        {
            expander.Fail($"no command is configured ({expander.Where("command")}); set command to the program to run");
        }

        var args = new List<string>(server.Args.Count);
        for (int i = 0; i < server.Args.Count; i++)
        {
            args.Add(expander.Expand($"args[{i}]", server.Args[i]) ?? string.Empty);
        }

        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in server.Env)
        {
            env[name] = expander.Expand("env." + name, value);
        }

        return new ResolvedEndpoint { Command = command, Args = args, Env = env, Cwd = expander.Expand("cwd", server.Cwd) };
    }
}
