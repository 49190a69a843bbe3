using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Agents.Configuration;

/// <summary>
/// Reads the <c>host</c> section: <c>urls</c>, <c>allowed_hosts</c>, <c>drain</c> and <c>oauth</c>. Settings that belong elsewhere (a port alone,
/// secrets, serving without a key) are refused with what to write instead.
/// </summary>
internal static class HostConfigReader
{
    /// <summary>The section's name in <c>tributary.yml</c>.</summary>
    public const string SectionName = "host";

    /// <summary>The fields this reader accepts.</summary>
    internal static readonly IReadOnlyList<string> Fields = ["urls", "allowed_hosts", "drain", HostOAuthConfigReader.Field];

    /// <summary>Fields refused on purpose, each with what to use instead.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["port"] = "is not a setting of its own; write the port in 'urls', e.g. 'urls: [http://127.0.0.1:8420]'",
        ["mcp_key"] = "is a secret, so it is not read from the file; remove it and export TRIBUTARY_MCP_KEY instead",
        ["allow_anonymous"] = "is not read from the file, so serving without a key stays a choice made where Tributary is started; remove it and pass --allow-anonymous to 'tributary serve'",
    };

    /// <summary>Reads the section of <paramref name="document"/>, reporting problems into it; nothing is set when it is absent.</summary>
    public static HostConfig Read(YamlConfigDocument document)
    {
        var reader = MappingReader.Read(document.Context.ForScope(null), SectionName, document.Section(SectionName), Fields, "urls: [http://127.0.0.1:8420]", Refused);
        return new HostConfig
        {
            Urls = ReadList(reader, "urls", "[http://127.0.0.1:8420]", ListenUrl.Problem),
            AllowedHosts = ReadList(reader, "allowed_hosts", "[tributary.example.com]", AllowedHost.Problem),
            Drain = reader.Duration("drain") ?? TimeSpan.Zero,
            OAuth = HostOAuthConfigReader.Read(reader),
        };
    }

    private static List<string> ReadList(MappingReader reader, string field, string example, Func<string, string?> check)
    {
        var values = new List<string>();
        var items = reader.TextList(field, example) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            var (text, node) = items[i];
            if (check(text) is { } problem)
            {
                reader.Problem(node, $"{field}[{i}]", problem);
            }
            else
            {
                values.Add(text);
            }
        }

        return values;
    }
}
