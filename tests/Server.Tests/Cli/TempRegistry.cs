using System.Text;
using System.Text.Json;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Cli;

/// <summary>A registry file in a directory of its own, deleted on dispose.</summary>
public sealed class TempRegistry : IDisposable
{
    private TempRegistry(string directory, string path)
    {
        Directory = directory;
        Path = path;
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>
    /// Gets a YAML entry running the real server-everything over stdio, indented under <c>mcp_servers</c>, with
    /// <paramref name="extra"/> (further fields, each line indented by four spaces) at its end.
    /// </summary>
    public static string EverythingStdio(string name = "everything", string extra = "") => Stdio(name, NpmServers.Everything(), extra);

    /// <summary>
    /// Gets a YAML entry running the conformance suite's upstream over stdio with prefix <c>""</c>, so its tools and
    /// prompts keep the fixed names the suite calls.
    /// </summary>
    public static string ConformanceUpstreamStdio(string name = "conformance") => Stdio(name, NpmServers.ConformanceUpstream(), "    prefix: \"\"\n");

    /// <summary>Gets a YAML entry running <c>interview-upstream.mjs</c> over stdio (see <see cref="NpmServers.InterviewUpstream"/>).</summary>
    public static string InterviewUpstreamStdio(string name = "interview") => Stdio(name, NpmServers.InterviewUpstream());

    private static string Stdio(string name, NodeCommand command, string extra = "")
    {
        var args = string.Join(", ", command.Arguments.Select(Quote));
        return $"""
              {name}:
                transport: stdio
                command: {Quote(command.Command)}
                args: [{args}]
            {extra}
            """;
    }

    public static TempRegistry Write(string yaml, string fileName = "tributary.yml")
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tributary-cli-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, fileName);
        File.WriteAllText(path, yaml, new UTF8Encoding(false));
        return new TempRegistry(directory, path);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }

    // A JSON string is a valid YAML double-quoted scalar.
    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
