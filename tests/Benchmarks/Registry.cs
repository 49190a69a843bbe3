using System.Text;
using Tributary.TestSupport.Node;

namespace Tributary.Benchmarks;

/// <summary>Registry files for the benchmark runs.</summary>
internal static class Registry
{
    public static string Single(Uri url) => $"""
        mcp_servers:
          everything:
            url: {url}
        """;

    /// <summary>server-everything as a stdio child of Tributary.</summary>
    public static string Stdio(NodeCommand command) => $$"""
        mcp_servers:
          everything:
            transport: stdio
            command: "{{command.Command}}"
            args: [{{string.Join(", ", command.Arguments.Select(a => $"\"{a}\""))}}]
        """;

    /// <summary><paramref name="count"/> servers in front of the same upstream, each under its own prefix.</summary>
    public static string Many(Uri url, int count) => Build(count, i => $"    url: {url}\n");

    /// <summary><paramref name="count"/> servers on closed ports: configured, never contacted at start-up.</summary>
    public static string ClosedPorts(int count) => Build(count, i => $"    url: http://127.0.0.1:{1 + i}/mcp\n");

    private static string Build(int count, Func<int, string> body)
    {
        var yaml = new StringBuilder("mcp_servers:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  s{i:00}:\n").Append(body(i));
        }

        return yaml.ToString();
    }
}
