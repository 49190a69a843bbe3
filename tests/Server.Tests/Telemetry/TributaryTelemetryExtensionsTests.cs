using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tributary.Server.Host;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.Telemetry;

public sealed class TributaryTelemetryExtensionsTests
{
    private static readonly TimeSpan s_exportBound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ToolCall_OtlpEndpointSet_UpstreamSpanMetricsAspNetCoreAndHttpClientSpansExported()
    {
        await using var receiver = await OtlpReceiver.StartAsync(Token);
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "traced" }, Token);
        var variables = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        };
        var span = receiver.WaitForAsync(
            "/v1/traces",
            Protobuf.SpanName("tools/call echo"),
            Protobuf.StringAttribute("mcp.server.name", "traced"),
            Protobuf.StringAttribute("service.name", "tributary"));
        var metric = receiver.WaitForAsync(
            "/v1/metrics",
            Protobuf.StringField(1, "tributary.upstream.calls"),
            Protobuf.StringAttribute("mcp.server.name", "traced"),
            Protobuf.StringAttribute("service.name", "tributary"));
        var serverSpan = receiver.WaitForAsync("/v1/traces", Protobuf.ScopeName("Microsoft.AspNetCore"), Protobuf.SpanName("POST /mcp/"));
        var clientSpan = receiver.WaitForAsync("/v1/traces", Protobuf.ScopeName("System.Net.Http"));

        await using (var host = await RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("traced", upstream.Url),
            options => options with { ReadVariable = name => variables.GetValueOrDefault(name) },
            Token))
        {
            await using var client = await host.ConnectClientAsync(Token);
            await client.ListToolsAsync(cancellationToken: Token);
            var result = await client.CallToolAsync("traced__echo", new Dictionary<string, object?> { ["n"] = 1 }, cancellationToken: Token);
            Assert.Equal("traced:echo:{\"n\":1}", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);

            await span.WaitAsync(s_exportBound, Token);
            await metric.WaitAsync(s_exportBound, Token);
            await serverSpan.WaitAsync(s_exportBound, Token);
            await clientSpan.WaitAsync(s_exportBound, Token);
        }
    }

    [Fact]
    public async Task Host_OtlpEndpointUnset_NoTracerOrMeterProvider()
    {
        await using var host = await RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("dead", HealthEndpointTests.DeadUrl(9)),
            options => options with { ReadVariable = _ => null },
            Token);

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Host_OtlpEndpointSet_TracerAndMeterProvider()
    {
        const string endpoint = "http://127.0.0.1:9";
        await using var host = await RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("dead", HealthEndpointTests.DeadUrl(9)),
            options => options with { ReadVariable = name => name == "OTEL_EXPORTER_OTLP_ENDPOINT" ? endpoint : null },
            Token);

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
    }
}
