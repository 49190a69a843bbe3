using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tributary.Server.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP collector stand-in on a free loopback port: accepts <c>POST /v1/traces</c> and <c>/v1/metrics</c>
/// (protobuf), answers with an empty export response, and lets a test wait for a body holding given bytes.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(string Path, byte[] Body)> _received = [];
    private readonly List<(string Path, byte[][] Patterns, TaskCompletionSource<byte[]> Found)> _waiters = [];

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>Gets the base URL to give as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", receiver.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        receiver.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return receiver;
    }

    /// <summary>Completes with the first body posted to <paramref name="path"/> that contains every one of <paramref name="patterns"/>.</summary>
    public Task<byte[]> WaitForAsync(string path, params byte[][] patterns)
    {
        var found = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _received.FirstOrDefault(r => r.Path == path && ContainsAll(r.Body, patterns));
            if (existing.Body is not null)
            {
                return Task.FromResult(existing.Body);
            }

            _waiters.Add((path, patterns, found));
        }

        return found.Task;
    }

    /// <summary>Every body posted to <paramref name="path"/> so far, in arrival order.</summary>
    public IReadOnlyList<byte[]> Bodies(string path)
    {
        lock (_gate)
        {
            return [.. _received.Where(r => r.Path == path).Select(r => r.Body)];
        }
    }

    /// <summary>For failure messages: how many bodies reached <paramref name="path"/>, and how many held each pattern.</summary>
    public string Describe(string path, params byte[][] patterns)
    {
        lock (_gate)
        {
            var bodies = _received.Where(r => r.Path == path).Select(r => r.Body).ToList();
            var found = patterns.Select((p, i) => $"pattern {i}: {bodies.Count(b => b.AsSpan().IndexOf(p) >= 0)}");
            return $"{bodies.Count} bodies at {path}; " + string.Join(", ", found);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var path = context.Request.Path.Value!;
        lock (_gate)
        {
            _received.Add((path, body));
            _waiters.RemoveAll(w => w.Path == path && ContainsAll(body, w.Patterns) && w.Found.TrySetResult(body));
        }

        context.Response.ContentType = "application/x-protobuf";
    }

    private static bool ContainsAll(byte[] body, byte[][] patterns) =>
        patterns.All(p => body.AsSpan().IndexOf(p) >= 0);
}
