using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Conformance;

/// <summary>
/// The official MCP conformance suite (<c>@modelcontextprotocol/conformance</c>) against <c>/mcp</c>.
/// The scenarios that call fixed tool, prompt and resource names reach the conformance upstream through Tributary,
/// so they check what Tributary forwards: content of every kind, logging, progress, errors, sampling, elicitation.
/// The client scenarios run <c>tributary servers try</c> (Tributary's upstream client) against the suite's servers.
/// server-sse-polling passes with two warnings (no priming event, no retry field): /mcp keeps no event store for
/// resuming a dropped POST stream, because a dropped POST is how the C# client cancels a call (see DownstreamRequest).
/// </summary>
public sealed class ConformanceSuiteTests(ConformanceHost host) : IClassFixture<ConformanceHost>
{
    private static readonly TimeSpan s_scenarioBound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("server-initialize")]
    [InlineData("ping")]
    [InlineData("tools-list")]
    [InlineData("resources-list")]
    [InlineData("prompts-list")]
    [InlineData("logging-set-level")]
    [InlineData("dns-rebinding-protection")]
    [InlineData("server-sse-multiple-streams")]
    [InlineData("server-sse-polling")]
    [InlineData("completion-complete")]
    [InlineData("tools-call-simple-text")]
    [InlineData("tools-call-image")]
    [InlineData("tools-call-audio")]
    [InlineData("tools-call-embedded-resource")]
    [InlineData("tools-call-mixed-content")]
    [InlineData("tools-call-with-logging")]
    [InlineData("tools-call-error")]
    [InlineData("tools-call-with-progress")]
    [InlineData("tools-call-sampling")]
    [InlineData("tools-call-elicitation")]
    [InlineData("json-schema-2020-12")]
    [InlineData("elicitation-sep1034-defaults")]
    [InlineData("elicitation-sep1330-enums")]
    [InlineData("resources-read-text")]
    [InlineData("resources-read-binary")]
    [InlineData("resources-templates-read")]
    [InlineData("resources-subscribe")]
    [InlineData("resources-unsubscribe")]
    [InlineData("prompts-get-simple")]
    [InlineData("prompts-get-with-args")]
    [InlineData("prompts-get-embedded-resource")]
    [InlineData("prompts-get-with-image")]
    public Task Scenario_AgainstTheHost_Passes(string scenario) =>
        RunSuiteAsync(scenario, ["server", "--url", host.McpUrl.ToString(), "--scenario", scenario]);

    [Theory]
    [InlineData("initialize", "servers try")]
    [InlineData("tools_call", "servers try --call add_numbers --args '{\"a\":2,\"b\":3}'")]
    public Task ClientScenario_TributaryServersTry_Passes(string scenario, string arguments)
    {
        // The suite splits the command at spaces, runs it through a shell and appends the server's URL.
        var tributary = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "tributary.exe" : "tributary");
        Assert.DoesNotContain(' ', tributary);
        return RunSuiteAsync(scenario, ["client", "--command", $"{tributary} {arguments}", "--scenario", scenario]);
    }

    private static async Task RunSuiteAsync(string scenario, IReadOnlyList<string> arguments)
    {
        var token = TestContext.Current.CancellationToken;
        var command = new NodeCommand(
            NodeTools.Node22,
            [NodeTools.ConformanceScript, .. arguments],
            new Dictionary<string, string> { ["NO_COLOR"] = "1", ["FORCE_COLOR"] = "0" });
        await using var suite = NodeProcess.Start(command, $"conformance:{scenario}", TestContext.Current.TestOutputHelper);

        await suite.Exited.WaitAsync(s_scenarioBound, token);

        Assert.True(suite.ExitCode == 0, $"conformance scenario '{scenario}' exited with {suite.ExitCode}:{Environment.NewLine}{suite.Output}");
    }
}
