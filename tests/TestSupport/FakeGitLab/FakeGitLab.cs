using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>
/// An in-test GitLab (REST API v4) on 127.0.0.1 and a free port, serving <see cref="Data"/>. It checks the
/// <c>PRIVATE-TOKEN</c>, paginates with <c>x-next-page</c>, can be told to fail (429 with <c>Retry-After</c>, 500)
/// or to answer slowly, records every request and what was posted.
/// </summary>
public sealed partial class FakeGitLab : IAsyncDisposable
{
    /// <summary>The token the fake accepts.</summary>
    public const string ValidToken = "glpat-fake-test-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeGitLabRequest> _requests = new();
    private readonly ConcurrentQueue<FakeGitLabPost> _posts = new();
    private readonly ConcurrentQueue<FakeGitLabFault> _faults = new();

    private FakeGitLab(WebApplication app) => _app = app;

    /// <summary>What the fake serves; tests may add to it before calling.</summary>
    public FakeGitLabData Data { get; } = new();

    /// <summary>The instance URL, <c>http://127.0.0.1:PORT/</c> (the API is under <c>api/v4/</c>).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The largest page the fake serves, whatever <c>per_page</c> asks (GitLab's is 100).</summary>
    public int MaxPerPage { get; set; } = 100;

    /// <summary>How long each answer waits before it is sent (zero by default).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<FakeGitLabRequest> Requests => [.. _requests];

    /// <summary>Every write so far (POST, and PUT for edits), in arrival order.</summary>
    public IReadOnlyList<FakeGitLabPost> Posts => [.. _posts];

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeGitLab> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var fake = new FakeGitLab(builder.Build());
        fake._app.Use(fake.GateAsync);
        fake.MapEndpoints(fake._app);
        await fake._app.StartAsync(cancellationToken);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.Url = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Makes the next <paramref name="count"/> requests answer <paramref name="status"/> (with <c>Retry-After</c> when given) instead.</summary>
    public void FailNext(int status, int count = 1, TimeSpan? retryAfter = null)
    {
        for (int i = 0; i < count; i++)
        {
            _faults.Enqueue(new FakeGitLabFault(status, retryAfter));
        }
    }

    /// <summary>How many requests had <paramref name="method"/> and exactly <paramref name="path"/> (as sent, e.g. <c>/api/v4/projects/acme%2Fweb</c>).</summary>
    public int CountOf(string method, string path) =>
        _requests.Count(r => r.Method == method && string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private async Task GateAsync(HttpContext context, RequestDelegate next)
    {
        var received = TimeProvider.System.GetUtcNow();
        string path = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { } raw ? raw.Split('?')[0] : context.Request.Path.Value ?? string.Empty;
        _requests.Enqueue(new FakeGitLabRequest(context.Request.Method, path, context.Request.QueryString.Value ?? string.Empty, received));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (context.Request.Headers["PRIVATE-TOKEN"] != ValidToken)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { message = "401 Unauthorized" }, context.RequestAborted);
        }
        else if (_faults.TryDequeue(out var fault))
        {
            context.Response.StatusCode = fault.Status;
            if (fault.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsJsonAsync(new { message = $"{fault.Status} fault injected by the test" }, context.RequestAborted);
        }
        else
        {
            await next(context);
        }
    }
}
