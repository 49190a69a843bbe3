namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Hands the SDK's HTTP transports each response body through a <see cref="MessageSizeLimitStream"/>: a server-sent
/// event stream is counted per event, any other body as one message.
/// </summary>
internal sealed class MessageSizeLimitHandler(long maxMessageSize) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content is not { } content)
        {
            return response;
        }

        var framing = content.Headers.ContentType?.MediaType == "text/event-stream" ? MessageFraming.Events : MessageFraming.Whole;
        var limited = new StreamContent(new MessageSizeLimitStream(await content.ReadAsStreamAsync(cancellationToken), maxMessageSize, framing));
        foreach (var (name, values) in content.Headers)
        {
            limited.Headers.TryAddWithoutValidation(name, values);
        }

        response.Content = limited;
        return response;
    }
}
