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

    /// <summary>
    /// The authorization scenarios: <c>servers try</c> through <c>conformance-client.mjs</c>, which turns the scenario's
    /// pre-registered client into <c>--client-id</c> / <c>--client-secret-env</c> / <c>--client-key-env</c> and follows
    /// the authorization URL with follow-url.mjs (<c>--open-with</c>), since the suite's authorization server approves at once.
    /// Left out: <c>auth/cross-app-access-complete-flow</c> (an enterprise identity provider's ID token exchanged for
    /// an authorization grant, SEP-990: not implemented). <c>elicitation-sep1034-client-defaults</c> and
    /// <c>sse-retry</c> are not about authorization (see the README).
    /// </summary>
    [Theory]
    [InlineData("auth/metadata-default", "")]
    [InlineData("auth/metadata-var1", "")]
    [InlineData("auth/metadata-var2", "")]
    [InlineData("auth/metadata-var3", "")]
    [InlineData("auth/basic-cimd", "")]
    [InlineData("auth/scope-from-www-authenticate", "")]
    [InlineData("auth/scope-from-scopes-supported", "")]
    [InlineData("auth/scope-omitted-when-undefined", "")]
    [InlineData("auth/scope-step-up", "--call test-tool")]
    [InlineData("auth/scope-retry-limit", "--call test-tool")]
    [InlineData("auth/token-endpoint-auth-basic", "")]
    [InlineData("auth/token-endpoint-auth-post", "")]
    [InlineData("auth/token-endpoint-auth-none", "")]
    [InlineData("auth/pre-registration", "")]
    [InlineData("auth/2025-03-26-oauth-metadata-backcompat", "")]
    [InlineData("auth/2025-03-26-oauth-endpoint-fallback", "")]
    [InlineData("auth/resource-mismatch", "")]
    [InlineData("auth/offline-access-scope", "")]
    [InlineData("auth/offline-access-not-supported", "")]
    [InlineData("auth/client-credentials-basic", "")]
    [InlineData("auth/client-credentials-jwt", "")]
    public Task ClientScenario_OAuthThroughServersTry_Passes(string scenario, string arguments)
    {
        var tributary = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "tributary.exe" : "tributary");
        var wrapper = Path.Combine(NodeTools.NpmRoot, "scripts", "conformance-client.mjs");
        Assert.DoesNotContain(' ', tributary + NodeTools.Node22 + wrapper);
        return RunSuiteAsync(scenario, ["client", "--command", $"{NodeTools.Node22} {wrapper} {tributary} {arguments}".TrimEnd(), "--scenario", scenario]);
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
