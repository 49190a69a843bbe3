using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Server.Telemetry;

namespace Tributary.Server.Tests.Telemetry;

public sealed class SecretRedactingProcessorTests
{
    /// <summary>
    /// Activity listeners are process-wide: another component's HttpClient span can end while the host that owns
    /// this processor is shutting down. The span's owner must not get the host's ObjectDisposedException.
    /// </summary>
    [Fact]
    public void OnEnd_ServicesAlreadyDisposed_SpanEndsUntouched()
    {
        var services = new ServiceCollection().BuildServiceProvider();
        using var processor = new SecretRedactingProcessor(services);
        services.Dispose();
        using var span = new Activity("GET https://upstream.example/secret-path").SetTag("url.full", "https://upstream.example/secret-path");

        processor.OnEnd(span);

        Assert.Equal("https://upstream.example/secret-path", span.GetTagItem("url.full"));
    }
}
