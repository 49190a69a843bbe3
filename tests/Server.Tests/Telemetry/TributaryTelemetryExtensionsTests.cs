using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tributary.Server.Host;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.FakeModel;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Telemetry;

public sealed class TributaryTelemetryExtensionsTests
{
    private static readonly TimeSpan s_exportBound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// Runs <c>tributary serve</c> as its own process: OpenTelemetry's listeners are process-wide, so in the test
    /// process they would also see (and share instruments with) every other test's host.
    /// </summary>
    [Fact]
    public async Task ToolCall_OtlpEndpointSet_UpstreamSpanMetricsAspNetCoreAndHttpClientSpansExported()
    {
        await using var receiver = await OtlpReceiver.StartAsync(Token);
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "traced" }, Token);
        using var registry = TempRegistry.Write($"mcp_servers:\n{HealthEndpointTests.HttpServer("traced", upstream.Url)}");
        (string Path, byte[][] Patterns)[] expected =
        [
            ("/v1/traces", [Protobuf.SpanName("tools/call echo"), Protobuf.StringAttribute("mcp.server.name", "traced"), Protobuf.StringAttribute("service.name", "tributary")]),
            ("/v1/metrics", [Protobuf.StringField(1, "tributary.upstream.calls"), Protobuf.StringAttribute("mcp.server.name", "traced"), Protobuf.StringAttribute("service.name", "tributary")]),
            ("/v1/traces", [Protobuf.ScopeName("Microsoft.AspNetCore"), Protobuf.SpanName("POST /mcp/")]),
            ("/v1/traces", [Protobuf.ScopeName("System.Net.Http")]),
        ];
        var arrivals = expected.Select(e => receiver.WaitForAsync(e.Path, e.Patterns)).ToArray();
        var url = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var serve = new NodeCommand(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "tributary.dll"), "serve", "--config", registry.Path, "--urls", url.ToString()],
            new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            });
        await using var tributary = NodeProcess.Start(serve, "tributary", TestContext.Current.TestOutputHelper);
        var mcp = new Uri(url, "/mcp");
        await McpProbe.WaitUntilReadyAsync(mcp, HttpTransportMode.StreamableHttp, tributary, s_exportBound, "tributary serve", Token);
        await using var client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = mcp, TransportMode = HttpTransportMode.StreamableHttp }),
            new McpClientOptions { ProtocolVersion = "2025-11-25" },
            cancellationToken: Token);
        await client.ListToolsAsync(cancellationToken: Token);

        var result = await client.CallToolAsync("traced__echo", new Dictionary<string, object?> { ["n"] = 1 }, cancellationToken: Token);

        Assert.Equal("traced:echo:{\"n\":1}", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        for (var i = 0; i < expected.Length; i++)
        {
            try
            {
                await arrivals[i].WaitAsync(s_exportBound, Token);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"expectation {i} not exported within {s_exportBound}: {receiver.Describe(expected[i].Path, expected[i].Patterns)}");
            }
        }
    }

    /// <summary>The host exports the agents' source too: a run over <c>POST /agents/{name}/runs</c> is an <c>invoke_agent</c> span with its token usage.</summary>
    [Fact]
    public async Task AgentRun_OtlpEndpointSet_InvokeAgentSpanWithTokenUsageExported()
    {
        await using var receiver = await OtlpReceiver.StartAsync(Token);
        await using var model = await FakeModelServer.StartAsync(_ => FakeModelReply.Answer("Hello."), Token);
        using var registry = TempRegistry.Write($"""
            models:
              fake:
                provider: openai-compatible
                endpoint: {model.Endpoint}
                model: fake-model
            """);
        Directory.CreateDirectory(Path.Combine(registry.Directory, "agents"));
        File.WriteAllText(Path.Combine(registry.Directory, "agents", "helper.yml"), "name: helper\ngitlab_tools: none\ninstructions: Answer briefly.\n");
        var span = receiver.WaitForAsync(
            "/v1/traces",
            Protobuf.ScopeName("Tributary.Agents"),
            Protobuf.SpanName("invoke_agent helper"),
            Protobuf.StringField(1, "gen_ai.usage.input_tokens"),
            Protobuf.StringAttribute("service.name", "tributary"));
        var url = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var serve = new NodeCommand(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "tributary.dll"), "serve", "--config", registry.Path, "--urls", url.ToString()],
            new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            });
        await using var tributary = NodeProcess.Start(serve, "tributary", TestContext.Current.TestOutputHelper);
        await McpProbe.WaitUntilReadyAsync(new Uri(url, "/mcp"), HttpTransportMode.StreamableHttp, tributary, s_exportBound, "tributary serve", Token);
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(url, "/agents/helper/runs"), new StringContent("""{"prompt":"Hi?"}""", System.Text.Encoding.UTF8, "application/json"), Token);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        try
        {
            await span.WaitAsync(s_exportBound, Token);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"invoke_agent not exported within {s_exportBound}: {receiver.Describe("/v1/traces", Protobuf.SpanName("invoke_agent helper"))}");
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
