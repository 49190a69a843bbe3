using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tributary.TestSupport.Node;

/// <summary>
/// Registry entries for many cheap stdio servers (the real server-memory), each run by a shell that waits for it, so
/// every server is a process tree of two, all carrying a <see cref="StdioProcesses"/> marker: for tests that check
/// that shutting down ends every tree.
/// </summary>
public static class MarkedStdioServers
{
    /// <summary>How many processes each server is: the shell and node.</summary>
    public const int ProcessesPerServer = 2;

    // "$0" "$@" runs node with its arguments; the exit after it keeps the shell from exec'ing node in its place.
    private const string ShellScript = "\"$0\" \"$@\"; exit $?";

    /// <summary>Writes <paramref name="count"/> entries named <c>memory1</c>, <c>memory2</c>..., indented under <c>mcp_servers</c>.</summary>
    /// <param name="count">How many servers.</param>
    /// <param name="marker">The marker from <see cref="StdioProcesses.NewMarker"/>.</param>
    /// <param name="memoryDirectory">Where each server keeps its (unused) knowledge graph file.</param>
    /// <returns>The YAML entries.</returns>
    public static string Yaml(int count, string marker, string memoryDirectory)
    {
        var yaml = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            var memory = NpmServers.Memory(Path.Combine(memoryDirectory, $"memory{i}.jsonl"));
            string[] args = ["-c", ShellScript, memory.Command, .. memory.Arguments];
            var environment = new Dictionary<string, string>(memory.Environment) { [StdioProcesses.MarkerVariable] = marker };
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  memory{i}:
                    transport: stdio
                    command: /bin/sh
                    args: [{string.Join(", ", args.Select(Quote))}]
                    env: {"{"} {string.Join(", ", environment.Select(e => $"{e.Key}: {Quote(e.Value)}"))} {"}"}
                    connect_timeout: 2m

                """);
        }

        return yaml.ToString();
    }

    // A JSON string is a valid YAML double-quoted scalar.
    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
