using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;

namespace Tributary.Server.Limits;

/// <summary>Wires the host's limits: request bodies, <c>/mcp</c> sessions and their idle timeout, and concurrent agent runs.</summary>
internal static class TributaryLimitsExtensions
{
    /// <summary>Adds <see cref="LimitOptions"/> (from the <c>TRIBUTARY_*</c> variables, checked at start-up), the session gate and the agent run limiter.</summary>
    public static IServiceCollection AddTributaryLimits(this IServiceCollection services, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(readVariable);
        services.AddOptions<LimitOptions>().Configure(options => options.Read(readVariable)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LimitOptions>, LimitOptionsValidator>());
        services.AddSingleton<McpSessionGate>();
        services.AddSingleton<AgentRunLimiter>();
#pragma warning disable MCP9006 // Tributary serves stateful 2025-11-25 sessions (see AddTributaryMcp); their idle timeout applies.
        services.AddOptions<HttpServerTransportOptions>().Configure<IOptions<LimitOptions>>((http, limits) =>
            http.IdleTimeout = limits.Value.SessionIdleTimeout);
#pragma warning restore MCP9006
        return services;
    }

    /// <summary>Holds requests to <paramref name="mcpPath"/> to the session and body limits (after the key check: strangers' bodies are not read).</summary>
    public static IApplicationBuilder UseTributaryLimits(this IApplicationBuilder app, PathString mcpPath) =>
        app.UseMiddleware<McpLimitsMiddleware>(mcpPath);
}
