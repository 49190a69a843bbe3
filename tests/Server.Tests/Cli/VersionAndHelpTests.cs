using System.CommandLine;
using System.Text.RegularExpressions;
using Tributary.Server.Cli;

namespace Tributary.Server.Tests.Cli;

public sealed partial class VersionAndHelpTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Version_PrintsTheVersionAndTheCommitItWasBuiltFrom()
    {
        var result = await CliRunner.RunAsync(["--version"], Token);

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.OutputLines);
        Assert.Matches(VersionLine(), line);
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [InlineData("0.1.0+fcf1c92930d7c88d84d78f5e8adcf56148e0184a", "tributary 0.1.0 (commit fcf1c92930d7c88d84d78f5e8adcf56148e0184a)")]
    [InlineData("0.1.0", "tributary 0.1.0 (commit unknown: built outside a git checkout)")]
    [InlineData(null, "tributary unknown (commit unknown: built outside a git checkout)")]
    public void VersionText_InformationalVersion_SplitsVersionAndCommit(string? informational, string expected) =>
        Assert.Equal(expected, VersionText.Of(informational));

    public static TheoryData<string> CommandPaths()
    {
        var paths = new TheoryData<string>();
        var root = TributaryCommandLine.Create(new CliContext(TextWriter.Null, TextWriter.Null, _ => null, _ => Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        foreach (var command in Walk(root))
        {
            paths.Add(CommandExamples.PathOf(command));
        }

        return paths;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Help_EveryCommand_EndsWithExamplesOfThatCommand(string path)
    {
        string[] words = path.Split(' ');
        var result = await CliRunner.RunAsync([.. words.Skip(1), "--help"], Token);

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutputLines;
        int examples = lines.ToList().IndexOf("Examples:");
        Assert.True(examples > 0, $"'{path} --help' shows no examples");
        var shown = lines.Skip(examples + 1).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, l => Assert.StartsWith("  tributary", l, StringComparison.Ordinal));
        Assert.Contains(shown, l => l.StartsWith($"  {path}", StringComparison.Ordinal));
    }

    private static IEnumerable<Command> Walk(Command command) =>
        [command, .. command.Subcommands.SelectMany(Walk)];

    [GeneratedRegex(@"^tributary 0\.1\.0 \(commit [0-9a-f]{40}\)$")]
    private static partial Regex VersionLine();
}
