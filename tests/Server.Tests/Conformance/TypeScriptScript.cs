using System.Text.Json;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Conformance;

/// <summary>Runs a TypeScript-SDK client script of <c>npm/scripts</c> that prints one JSON summary line and exits.</summary>
internal static class TypeScriptScript
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <paramref name="script"/> with <paramref name="arguments"/>, waits for its line starting with
    /// <paramref name="summaryPrefix"/> and its exit (code 0, or the test fails with its output), and parses that line.
    /// </summary>
    public static async Task<JsonDocument> RunForSummaryAsync(string script, IReadOnlyList<string> arguments, string summaryPrefix)
    {
        var token = TestContext.Current.CancellationToken;
        var command = new NodeCommand(
            NodeTools.SystemNode,
            [Path.Combine(NodeTools.NpmRoot, "scripts", script), .. arguments],
            new Dictionary<string, string>());
        await using var client = NodeProcess.Start(command, Path.GetFileNameWithoutExtension(script), TestContext.Current.TestOutputHelper);

        var line = await client.WaitForOutputLineAsync(l => l.StartsWith(summaryPrefix, StringComparison.Ordinal), token).WaitAsync(s_bound, token);
        await client.Exited.WaitAsync(s_bound, token);

        Assert.True(client.ExitCode == 0, $"{script} exited with {client.ExitCode}:{Environment.NewLine}{client.Output}");
        return JsonDocument.Parse(line);
    }
}
