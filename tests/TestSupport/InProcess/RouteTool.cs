using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Tributary.TestSupport.InProcess;

/// <summary>
/// <c>route</c>: its <c>region</c> parameter is marked <c>x-mcp-header</c>, so a 2026-07-28 call must carry it as the
/// <c>Mcp-Param-Region</c> header too, which the SDK server checks against the body before the tool runs.
/// </summary>
internal static class RouteTool
{
    /// <summary>The tool.</summary>
    public static McpServerTool Create() => McpServerTool.Create(Route, new McpServerToolCreateOptions { Name = "route" });

    [Description("Answers the region it was routed to.")]
    private static string Route([McpHeader("Region")] string region) => $"routed to {region}";
}
