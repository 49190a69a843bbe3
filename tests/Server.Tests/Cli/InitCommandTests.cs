using Tributary.Server.Tests.Deploy;

namespace Tributary.Server.Tests.Cli;

public sealed class InitCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tributary-init-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Registry => Path.Combine(_directory, "config", "tributary.yml");

    [Fact]
    public async Task Init_EmptyFolder_WritesTheShippedConfigWhichPassesConfigCheck()
    {
        var result = await CliRunner.RunAsync(["init", _directory], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("wrote config/tributary.yml", result.OutputLines[0]);
        Assert.Contains("wrote config/agents/reviewer.yml", result.OutputLines);
        Assert.Contains("wrote config/agents/chat.yml", result.OutputLines);
        Assert.Contains("wrote config/schema/tributary.schema.json", result.OutputLines);
        Assert.Contains("wrote config/schema/agent.schema.json", result.OutputLines);
        Assert.Equal($"Next, from {_directory}: tributary config check, then tributary serve (both read config/tributary.yml there).", result.OutputLines[^1]);
        foreach (string written in result.OutputLines.SkipLast(1).Select(l => l["wrote ".Length..]))
        {
            Assert.Equal(File.ReadAllBytes(RepositoryFiles.PathOf(written)), File.ReadAllBytes(Path.Combine(_directory, written)));
        }

        var check = await CliRunner.RunAsync(["config", "check", "--config", Registry], Token);
        Assert.Equal(0, check.ExitCode);
        Assert.StartsWith($"{Registry}: valid, 3 servers (2 enabled)", check.Output, StringComparison.Ordinal);
        Assert.Contains(check.OutputLines, l => l.StartsWith("agents (", StringComparison.Ordinal) && l.EndsWith("): chat, reviewer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Init_RegistryExists_RefusesNamingItAndWritesNothing()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Registry)!);
        File.WriteAllText(Registry, "mcp_servers: {}\n");

        var result = await CliRunner.RunAsync(["init", _directory], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"error: config/tributary.yml already exists in {_directory}; nothing was written. Pass --force to overwrite."], result.ErrorLines);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal("mcp_servers: {}\n", File.ReadAllText(Registry));
        Assert.False(Directory.Exists(Path.Combine(_directory, "config", "agents")));
    }

    [Fact]
    public async Task Init_Force_OverwritesWhatExists()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Registry)!);
        File.WriteAllText(Registry, "mcp_servers: {}\n");

        var result = await CliRunner.RunAsync(["init", _directory, "--force"], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("overwrote config/tributary.yml", result.OutputLines[0]);
        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("config/tributary.yml")), File.ReadAllText(Registry));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
