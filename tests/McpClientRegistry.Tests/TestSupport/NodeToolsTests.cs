using System.Diagnostics;
using ModelContextProtocol.Client;
using Tributary.TestSupport.Node;

namespace Tributary.McpClientRegistry.Tests.TestSupport;

public sealed class NodeToolsTests
{
    [Fact]
    public void Scripts_InstalledByTheBuild_Exist()
    {
        string[] scripts =
        [
            NodeTools.EverythingScript, NodeTools.MemoryScript, NodeTools.FilesystemScript,
            NodeTools.ConformanceScript, NodeTools.LoopbackPreloadScript, NodeTools.ExitWithParentPreloadScript,
        ];

        Assert.All(scripts, script => Assert.True(File.Exists(script), script));
        Assert.True(File.Exists(Path.Combine(NodeTools.SdkDirectory, "package.json")));
        Assert.True(File.Exists(NodeTools.SystemNode));
    }

    [Fact]
    public async Task Node22_RunsTheConformanceSuite()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var version = await RunAsync(NodeTools.Node22, ["--version"], cancellationToken);
        var scenarios = await RunAsync(NodeTools.Node22, [NodeTools.ConformanceScript, "list"], cancellationToken);

        Assert.True(int.Parse(version.TrimStart('v').Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) >= 22, version);
        Assert.Contains("server-initialize", scenarios, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_OverStdio_ListsItsTools()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var memoryFile = Path.Combine(Path.GetTempPath(), $"tributary-memory-{Guid.NewGuid():N}.jsonl");
        var transport = new StdioClientTransport(NpmServers.Memory(memoryFile).ToStdioOptions("memory"));
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: cancellationToken);

        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);

        Assert.Contains(tools, t => t.Name == "create_entities");
    }

    [Fact]
    public async Task Filesystem_OverStdio_ReportsTheAllowedDirectory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("tributary-fs-");
        try
        {
            var transport = new StdioClientTransport(NpmServers.Filesystem(directory.FullName).ToStdioOptions("files"));
            await using var client = await McpClient.CreateAsync(transport, cancellationToken: cancellationToken);
            await client.ListToolsAsync(cancellationToken: cancellationToken);

            var result = await client.CallToolAsync(
                "list_allowed_directories", new Dictionary<string, object?>(), cancellationToken: cancellationToken);

            var text = Assert.IsType<ModelContextProtocol.Protocol.TextContentBlock>(Assert.Single(result.Content)).Text;
            Assert.Contains(directory.FullName, text, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string fileName, string[] arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
