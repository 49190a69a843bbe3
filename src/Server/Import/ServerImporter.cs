using System.Text.Json;

namespace Tributary.Server.Import;

/// <summary>
/// Converts the entries of one client file into registry entries: stdio <c>command</c>/<c>args</c>/<c>env</c>/<c>cwd</c>,
/// <c>url</c> with <c>type</c> http, streamable-http or sse, <c>headers</c>. Client variables become <c>${VAR}</c>, and a
/// literal secret becomes a variable reference (the value is never copied). An entry that cannot be converted is
/// skipped with the reason.
/// </summary>
internal sealed partial class ServerImporter
{
    private const int MaxNameLength = 32;

    // Fields that only steer the client (approval lists, UI state); nothing to carry over.
    private static readonly HashSet<string> s_clientOnly = new(StringComparer.Ordinal)
    {
        "alwaysAllow", "autoApprove", "disabledTools", "gallery", "version", "dev", "description", "timeout", "trust", "oauth",
    };

    private readonly ClientConfig _file;
    private readonly Dictionary<string, ImportNote> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _secretOrigins = new(StringComparer.Ordinal);
    private readonly List<ImportNote> _ignored = [];

    private ServerImporter(ClientConfig file)
    {
        _file = file;
    }

    /// <summary>Converts every entry of <paramref name="file"/>, read from <paramref name="source"/>.</summary>
    public static ImportResult Import(ClientConfig file, string source)
    {
        var importer = new ServerImporter(file);
        var servers = new List<ImportedServer>();
        var skipped = new List<ImportNote>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, entry) in file.Servers)
        {
            try
            {
                var server = importer.Convert(name, entry);
                if (!names.Add(server.Name))
                {
                    throw new ImportRefusedException($"its registry name '{server.Name}' is taken by an entry above; rename one of them");
                }

                servers.Add(server);
            }
            catch (ImportRefusedException e)
            {
                skipped.Add(new ImportNote(name, e.Message));
            }
        }

        return new ImportResult(source, file.Client, servers, [.. importer._variables.Values], skipped, importer._ignored);
    }

    private ImportedServer Convert(string name, JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new ImportRefusedException($"is {entry.ValueKind.ToString().ToLowerInvariant()}, not an object with 'command' or 'url'");
        }

        string registryName = RegistryName(name);
        string where = $"{_file.Section}.{name}";
        string? type = Text(entry, "type", where) ?? Text(entry, "transport", where);
        string? command = Text(entry, "command", where);
        string? url = Text(entry, "url", where) ?? Text(entry, "serverUrl", where);
        if (entry.TryGetProperty("envFile", out _))
        {
            throw new ImportRefusedException("reads its environment from 'envFile', which Tributary does not read; move those variables into 'env' and import again");
        }

        string transport = type switch
        {
            // Cursor and Claude Desktop infer the transport; an endpoint ending in /sse is the old HTTP+SSE one by convention.
            null => command is not null ? "stdio" : url is not null ? (SsePath(url) ? "sse" : "streamable-http") : throw new ImportRefusedException("has neither 'command' (a local server) nor 'url' (a remote one)"),
            "stdio" => "stdio",
            "http" or "streamable-http" or "streamableHttp" or "streamable_http" => "streamable-http",
            "sse" => "sse",
            _ => throw new ImportRefusedException($"has type '{type}'; Tributary speaks stdio, streamable HTTP (http) and SSE"),
        };

        foreach (var field in entry.EnumerateObject().Where(f => !IsConverted(f.Name)))
        {
            _ignored.Add(new ImportNote(registryName, $"{where}.{field.Name}: {(s_clientOnly.Contains(field.Name) ? "a setting of the client only" : "not a setting Tributary has")}; left out"));
        }

        bool enabled = !(entry.TryGetProperty("disabled", out var disabled) && disabled.ValueKind == JsonValueKind.True);
        if (transport == "stdio")
        {
            if (string.IsNullOrWhiteSpace(command))
            {
                throw new ImportRefusedException("is a stdio server without 'command'");
            }

            return new ImportedServer
            {
                Name = registryName,
                Transport = transport,
                Command = Rewrite(command, where + ".command"),
                Args = Args(entry, registryName, where),
                Env = Env(entry, where),
                Cwd = Text(entry, "cwd", where) is { } cwd ? Rewrite(cwd, where + ".cwd") : null,
                Enabled = enabled,
            };
        }

        if (string.IsNullOrWhiteSpace(url))
        {
            throw new ImportRefusedException($"is a {transport} server without 'url'");
        }

        return new ImportedServer
        {
            Name = registryName,
            Transport = transport,
            Url = Url(url, registryName, where),
            Headers = Headers(entry, registryName, where),
            Enabled = enabled,
        };
    }

    private static bool SsePath(string url) =>
        url.Split('?', 2)[0].TrimEnd('/').EndsWith("/sse", StringComparison.OrdinalIgnoreCase);

    private static bool IsConverted(string field) =>
        field is "type" or "transport" or "command" or "args" or "env" or "cwd" or "url" or "serverUrl" or "headers" or "disabled";

    private static string RegistryName(string name)
    {
        string valid = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_'));
        valid = valid.Length > MaxNameLength ? valid[..MaxNameLength] : valid;
        return valid.Length == 0 ? throw new ImportRefusedException("has an empty name") : valid;
    }

    private static string? Text(JsonElement entry, string field, string where)
    {
        if (!entry.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ImportRefusedException($"{where}.{field} is {value.ValueKind.ToString().ToLowerInvariant()}, not a string");
    }

    private static IEnumerable<KeyValuePair<string, string>> Map(JsonElement entry, string field, string where)
    {
        if (!entry.TryGetProperty(field, out var map) || map.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new ImportRefusedException($"{where}.{field} is not an object of names to values");
        }

        foreach (var item in map.EnumerateObject())
        {
            yield return KeyValuePair.Create(item.Name, item.Value.ValueKind switch
            {
                JsonValueKind.String => item.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => item.Value.GetRawText(),
                _ => throw new ImportRefusedException($"{where}.{field}.{item.Name} is not a string"),
            });
        }
    }
}
