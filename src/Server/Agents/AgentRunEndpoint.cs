using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Agents.Runs;
using Tributary.Server.Limits;
using Tributary.Server.Security;

namespace Tributary.Server.Agents;

/// <summary>
/// <c>POST /agents/{name}/runs</c>: runs an agent for a JSON body (<c>prompt</c>, optional <c>project</c> and
/// <c>mr_iid</c>) and answers its final text with the account of its tool calls. Guarded by the same key as <c>/mcp</c>; under <c>host.oauth</c>, by an access token with the write scope.
/// A body over <see cref="LimitOptions.AgentsMaxBodyBytes"/> answers 413; runs beyond <see cref="LimitOptions.AgentRuns"/> wait
/// in a queue of <see cref="LimitOptions.AgentRunQueue"/>, and beyond that answer 503 with <c>Retry-After</c>.
/// </summary>
internal static class AgentRunEndpoint
{
    /// <summary>The route.</summary>
    public const string Pattern = "/agents/{name}/runs";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapTributaryAgents(this IEndpointRouteBuilder endpoints)
    {
        // A RequestDelegate, not a handler with parameters to bind: binding would build and compile expression trees
        // (System.Linq.Expressions and their JIT) when the first request of any route arrives, for a route most hosts never use.
        endpoints.MapPost(Pattern, RunAsync).RequireTributaryWrite();
        return endpoints;
    }

    private static async Task RunAsync(HttpContext http)
    {
        var name = (string)http.Request.RouteValues["name"]!;
        var runner = http.RequestServices.GetRequiredService<AgentRunner>();
        var limiter = http.RequestServices.GetRequiredService<AgentRunLimiter>();
        var cancellationToken = http.RequestAborted;
        var limits = limiter.Limits;
        if (await RequestBody.ReadAsync(http, limits.AgentsMaxBodyBytes, cancellationToken) is not { } body)
        {
            await SecurityErrorResponse.WriteAsync(http.Response, StatusCodes.Status413PayloadTooLarge, "payload_too_large", LimitMessages.AgentsBodyTooLarge(limits.AgentsMaxBodyBytes), cancellationToken);
            return;
        }

        http.Request.Body = new MemoryStream(body, writable: false);
        var (request, problem) = await AgentRunRequestReader.ReadAsync(name, http.Request, cancellationToken);
        if (request is null)
        {
            await SecurityErrorResponse.WriteAsync(http.Response, StatusCodes.Status400BadRequest, "invalid_request", problem!, cancellationToken);
            return;
        }

        using var lease = await limiter.AcquireAsync(cancellationToken);
        if (!lease.IsAcquired)
        {
            http.Response.Headers.RetryAfter = ((long)Math.Ceiling(limits.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await SecurityErrorResponse.WriteAsync(http.Response, StatusCodes.Status503ServiceUnavailable, "too_many_runs", LimitMessages.TooManyRuns(limits.AgentRuns, limits.AgentRunQueue), cancellationToken);
            return;
        }

        try
        {
            var result = await runner.RunAsync(request, onText: null, cancellationToken);
            await http.Response.WriteAsJsonAsync(AgentRunResponse.From(result), s_json, cancellationToken);
        }
        catch (AgentRunException e)
        {
            var (status, error) = e.Failure switch
            {
                AgentRunFailure.UnknownAgent => (StatusCodes.Status404NotFound, "unknown_agent"),
                AgentRunFailure.Upstream => (StatusCodes.Status502BadGateway, "upstream_failed"),
                _ => (StatusCodes.Status400BadRequest, "invalid_request"),
            };
            await SecurityErrorResponse.WriteAsync(http.Response, status, error, e.Message, cancellationToken);
        }
    }
}
