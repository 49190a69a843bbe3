using System.Globalization;
using System.Text;

namespace Tributary.Server.Tests.Cli;

public sealed class ConfigCheckHostileYamlTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConfigCheck_200000NestedBrackets_ReportsTheDepthAndExitsOne()
    {
        using var registry = TempRegistry.Write("mcp_servers: " + new string('[', 200_000));

        var result = await CliRunner.RunAsync(["config", "check", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"{registry.Path}:1:77: nesting deeper than 64 levels at line 1; Tributary reads at most 64 levels of lists and mappings, so the file is not read; flatten it",
                $"{registry.Path}: 1 error",
            ],
            result.ErrorLines);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task ConfigCheck_FileOverOneMebibyte_ReportsTheSizeAndExitsOne()
    {
        using var registry = TempRegistry.Write("mcp_servers: {}\n# " + new string('x', 2 * 1024 * 1024) + "\n");

        var result = await CliRunner.RunAsync(["config", "check", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"{registry.Path}: the file is 2,097,171 bytes, more than the limit of 1,048,576 bytes (1 MiB), so it is not read; check that this is the right file",
                $"{registry.Path}: 1 error",
            ],
            result.ErrorLines);
    }

    [Fact]
    public async Task ConfigCheck_AliasBombInAnAgentFile_ReportsTheAgentFileAndExitsOne()
    {
        using var registry = TempRegistry.Write("mcp_servers: {}\n");
        string agents = Path.Combine(registry.Directory, "agents");
        Directory.CreateDirectory(agents);
        string bomb = Path.Combine(agents, "bomb.yml");
        var yaml = new StringBuilder("name: bomb\ninstructions: Hi.\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 9; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        }

        await File.WriteAllTextAsync(bomb, yaml.ToString(), Token);

        var result = await CliRunner.RunAsync(["config", "check", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"{bomb}:7:45: aliases expand to more than 100,000 values at line 7; Tributary expands at most 100,000 (an alias bomb would exhaust memory), so the file is not read; write the values out or use fewer aliases",
                $"{registry.Path}: 1 error",
            ],
            result.ErrorLines);
    }
}
