using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tributary.Server.Telemetry;
using Tributary.Server.Tests.Cli;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.FakeModel;
using Tributary.TestSupport.Node;
using D = Tributary.TestSupport.FakeGitLab.FakeGitLabData;

namespace Tributary.Server.Tests.Telemetry;

public sealed class CommandTelemetryExtensionsTests
{
    private static readonly TimeSpan s_runBound = TimeSpan.FromMinutes(2);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// Runs <c>tributary review</c> as its own process, as a CI job does: OpenTelemetry's listeners are process-wide,
    /// and what matters is that a short-lived command exports everything before it exits.
    /// </summary>
    [Fact]
    public async Task Review_OtlpEndpointSet_ExportsTheReviewAsOneTraceAndItsMetricsBeforeExiting()
    {
        await using var receiver = await OtlpReceiver.StartAsync(Token);
        await using var gitLab = await FakeGitLab.StartAsync(Token);
        await using var model = await FakeModelServer.StartAsync(ReviewCommandTests.Script(), Token);
        using var config = ReviewCommandTests.WriteConfig(model);
        var review = new NodeCommand(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "tributary.dll"), "review", "--dry-run", "--project", D.BackendPath, "--mr", "21", "--config", config.Path],
            new Dictionary<string, string>
            {
                ["CI_SERVER_URL"] = gitLab.Url.ToString().TrimEnd('/'),
                ["TRIBUTARY_GITLAB_TOKEN"] = FakeGitLab.ValidToken,
                ["FAKE_MODEL_KEY"] = ReviewCommandTests.ModelKey,
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            });

        // No short export intervals: the 5 s batch delay and 60 s metric interval are longer than the run, so what
        // arrives was flushed at exit.
        await using (var tributary = NodeProcess.Start(review, "tributary review", TestContext.Current.TestOutputHelper))
        {
            await tributary.Exited.WaitAsync(s_runBound, Token);
            Assert.Equal(0, tributary.ExitCode);
        }

        var spans = receiver.Bodies("/v1/traces").SelectMany(OtlpSpan.Read).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', spans.Select(s => $"{s.Scope} {s.Name} {s.SpanId} <- {s.ParentSpanId} {s.Attributes.GetValueOrDefault("url.full")}")));
        var root = Assert.Single(spans, s => s.Name == "review merge_request");
        Assert.Equal("Tributary.Agents", root.Scope);
        Assert.Equal(string.Empty, root.ParentSpanId);
        Assert.Equal("dry_run", root.Attributes["tributary.review.outcome"]);
        Assert.All(spans, s => Assert.Equal(root.TraceId, s.TraceId));
        Assert.All(spans.Where(s => s != root), s => Assert.True(DescendsFrom(s, root, spans), $"{s.Name} is not inside the review"));

        var runs = spans.Where(s => s.Name == "invoke_agent reviewer").ToList();
        Assert.Equal(3, runs.Count);
        Assert.All(runs, run =>
        {
            Assert.Equal(root.SpanId, run.ParentSpanId);
            Assert.Equal(2L, run.Attributes["gen_ai.usage.input_tokens"]);
            Assert.Equal(2L, run.Attributes["gen_ai.usage.output_tokens"]);
        });
        Assert.Contains(spans, s => s.Name == "execute_tool submit_review" && runs.Any(r => r.SpanId == s.ParentSpanId));

        var http = spans.Where(s => s.Scope == "System.Net.Http").Select(s => (Method: (string)s.Attributes["http.request.method"], Url: new Uri((string)s.Attributes["url.full"]))).ToList();
        Assert.Contains(http, h => h.Method == "GET" && h.Url.Port == gitLab.Url.Port && h.Url.AbsolutePath.StartsWith("/api/v4/projects/", StringComparison.Ordinal));
        Assert.Equal(6, http.Count(h => h.Method == "POST" && h.Url.Port == model.Endpoint.Port && h.Url.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal)));

        var metrics = receiver.Bodies("/v1/metrics");
        Assert.Contains(metrics, body => Holds(body, Protobuf.ScopeName("Tributary.Agents"), Protobuf.StringField(1, "tributary.reviews"), Protobuf.StringAttribute("outcome", "dry_run")));
        Assert.Contains(metrics, body => Holds(body, Protobuf.StringField(1, "tributary.agent.tokens"), Protobuf.StringAttribute("gen_ai.token.type", "input"), Protobuf.StringAttribute("gen_ai.agent.name", "reviewer")));
        Assert.Contains(metrics, body => Holds(body, Protobuf.StringAttribute("service.name", "tributary")));
    }

    [Fact]
    public async Task AddCommandTelemetry_OtlpEndpointUnset_RegistersNothing()
    {
        var services = new ServiceCollection().AddCommandTelemetry(name => name == "OTEL_EXPORTER_OTLP_PROTOCOL" ? "http/protobuf" : null);
        await using var provider = services.BuildServiceProvider();

        provider.StartCommandTelemetry();

        Assert.Empty(services);
        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    [Fact]
    public async Task AddCommandTelemetry_OtlpEndpointSet_ProvidersReadTheCommandsVariablesNotTheProcessEnvironment()
    {
        var variables = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9", ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf" };
        await using var provider = new ServiceCollection().AddCommandTelemetry(variables.GetValueOrDefault).BuildServiceProvider();

        provider.StartCommandTelemetry();

        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
        var configuration = provider.GetRequiredService<IConfiguration>();
        Assert.Equal("http://127.0.0.1:9", configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Null(configuration["PATH"]);
    }

    private static bool DescendsFrom(OtlpSpan span, OtlpSpan ancestor, List<OtlpSpan> spans)
    {
        for (var current = span; current is not null; current = spans.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Holds(byte[] body, params byte[][] patterns) => patterns.All(p => body.AsSpan().IndexOf(p) >= 0);
}
