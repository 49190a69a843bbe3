using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tributary.TestSupport.FakeModel;

/// <summary>
/// An in-test OpenAI-compatible chat completions server (<c>POST /v1/chat/completions</c>) on 127.0.0.1 and a
/// free port. It answers each request with what its script says (tool calls, or a text built from what it was
/// sent), as one JSON object or as server-sent events when the client streams, and records every request.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<FakeModelRequest, FakeModelReply> _script;
    private readonly ConcurrentQueue<FakeModelRequest> _requests = new();
    private int _ids;

    private FakeModelServer(WebApplication app, Func<FakeModelRequest, FakeModelReply> script)
    {
        _app = app;
        _script = script;
    }

    /// <summary>The base URL clients take, ending in <c>/v1/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<FakeModelRequest> Requests => [.. _requests];

    /// <summary>
    /// Starts the fake; <paramref name="script"/> answers each request (it sees the request, including the tool
    /// results sent so far, so a final text can quote them).
    /// </summary>
    public static async Task<FakeModelServer> StartAsync(Func<FakeModelRequest, FakeModelReply> script, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var fake = new FakeModelServer(builder.Build(), script);
        fake._app.MapPost("/v1/chat/completions", fake.AnswerAsync);
        await fake._app.StartAsync(cancellationToken);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.Endpoint = new Uri(address.TrimEnd('/') + "/v1/");
        return fake;
    }

    /// <summary>A script that plays <paramref name="replies"/> in order, then repeats the last one.</summary>
    public static Func<FakeModelRequest, FakeModelReply> Sequence(params Func<FakeModelRequest, FakeModelReply>[] replies)
    {
        int next = 0;
        return request => replies[Math.Min(Interlocked.Increment(ref next) - 1, replies.Length - 1)](request);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = FakeModelRequest.Parse(body.RootElement, context.Request.Headers.Authorization.ToString());
        _requests.Enqueue(request);
        var reply = _script(request);
        if (reply.FailureStatus is { } status)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Text ?? "{}", context.RequestAborted);
            return;
        }

        string id = $"chatcmpl-{Interlocked.Increment(ref _ids)}";
        if (request.Stream)
        {
            await StreamAsync(context, id, request.Model, reply);
            return;
        }

        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Text };
        if (reply.ToolCalls.Count > 0)
        {
            message["tool_calls"] = new JsonArray([.. reply.ToolCalls.Select((call, i) => ToolCall(id, call, i, withIndex: false))]);
        }

        var choice = new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = reply.ToolCalls.Count > 0 ? "tool_calls" : "stop" };
        await context.Response.WriteAsJsonAsync(Envelope(id, request.Model, "chat.completion", choice), context.RequestAborted);
    }

    private static async Task StreamAsync(HttpContext context, string id, string model, FakeModelReply reply)
    {
        context.Response.ContentType = "text/event-stream";
        var chunks = new List<JsonObject>();
        if (reply.Text is { } text)
        {
            // Several chunks, so that a client printing as it receives shows the answer growing.
            int half = text.Length / 2;
            chunks.Add(Delta(new JsonObject { ["role"] = "assistant", ["content"] = text[..half] }, null));
            chunks.Add(Delta(new JsonObject { ["content"] = text[half..] }, null));
            chunks.Add(Delta(new JsonObject(), "stop"));
        }
        else
        {
            chunks.Add(Delta(new JsonObject { ["role"] = "assistant", ["tool_calls"] = new JsonArray([.. reply.ToolCalls.Select((call, i) => ToolCall(id, call, i, withIndex: true))]) }, null));
            chunks.Add(Delta(new JsonObject(), "tool_calls"));
        }

        foreach (var chunk in chunks)
        {
            await context.Response.WriteAsync($"data: {Envelope(id, model, "chat.completion.chunk", chunk).ToJsonString()}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private static JsonObject Delta(JsonObject delta, string? finishReason) =>
        new() { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason };

    private static JsonObject ToolCall(string id, FakeModelToolCall call, int index, bool withIndex)
    {
        var json = new JsonObject
        {
            ["id"] = $"call_{id}_{index}",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
        };
        if (withIndex)
        {
            json["index"] = index;
        }

        return json;
    }

    private static JsonObject Envelope(string id, string model, string kind, JsonObject choice) => new()
    {
        ["id"] = id,
        ["object"] = kind,
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(choice),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
