namespace Tributary.Server.Cli;

/// <summary>One server in <c>tools list --json</c>.</summary>
/// <param name="Name">The registry name.</param>
/// <param name="Transport"><c>streamable-http</c>, <c>sse</c> or <c>stdio</c>.</param>
/// <param name="State"><c>connected</c>, <c>failed</c>, <c>disabled</c>, <c>not_configured</c>, <c>idle</c> or <c>connecting</c>.</param>
/// <param name="ToolCount">The number of tools it exposes.</param>
/// <param name="LastError">Why it is failed or not configured, else null.</param>
/// <param name="Description">The registry description, if any.</param>
internal sealed record ToolsListServer(string Name, string Transport, string State, int ToolCount, string? LastError, string? Description);
