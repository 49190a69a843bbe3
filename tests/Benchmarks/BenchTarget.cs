using ModelContextProtocol.Client;

namespace Tributary.Benchmarks;

/// <summary>One endpoint the load is measured against, with the process whose cost is the target's.</summary>
/// <param name="Name">The name in the tables.</param>
/// <param name="Upstream">How it reaches server-everything.</param>
/// <param name="McpUrl">Its MCP endpoint.</param>
/// <param name="ToolName">The name <c>echo</c> has there.</param>
/// <param name="Pid">The gateway's process (the upstream's for the direct target).</param>
/// <param name="Owner">Stops the gateway; null when something else owns the process.</param>
internal sealed record BenchTarget(string Name, string Upstream, Uri McpUrl, string ToolName, int Pid, IAsyncDisposable? Owner)
    : IAsyncDisposable
{
    public bool IsDirect => Owner is null;

    /// <summary>How clients reach <see cref="McpUrl"/>: streamable HTTP, or the older HTTP+SSE (mcp-hub).</summary>
    public HttpTransportMode Transport { get; init; } = HttpTransportMode.StreamableHttp;

    /// <summary>Reads the gateway's allocated bytes (.NET targets only, that is Tributary's).</summary>
    public AllocationMonitor? Allocations { get; init; }

    public async ValueTask DisposeAsync()
    {
        // The monitor first: its session ends cleanly while the process still answers.
        if (Allocations is not null)
        {
            await Allocations.DisposeAsync();
        }

        if (Owner is not null)
        {
            await Owner.DisposeAsync();
        }
    }
}
