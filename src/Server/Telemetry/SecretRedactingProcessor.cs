using System.Diagnostics;
using OpenTelemetry;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Telemetry;

/// <summary>
/// Takes the registry's secrets out of every span before it is exported: an outgoing HttpClient span's
/// <c>url.full</c> (or <c>http.url</c>) is the upstream's URL, whose path may hold a token that came from a
/// <c>${VAR}</c>. The runtime already hides query values; paths are left to this processor. Runs before the exporter.
/// </summary>
internal sealed class SecretRedactingProcessor(IServiceProvider services) : BaseProcessor<Activity>
{
    // Resolved on the first span, not when the tracer is built: the manager need not exist that early.
    private McpConnectionManager? _manager;

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Manager() is not { } manager)
        {
            return;
        }

        List<KeyValuePair<string, string>>? changed = null;
        foreach (var (key, value) in data.TagObjects)
        {
            if (value is string text && manager.RedactSecrets(text) is var redacted && redacted != text)
            {
                (changed ??= []).Add(KeyValuePair.Create(key, redacted));
            }
        }

        foreach (var (key, redacted) in changed ?? [])
        {
            data.SetTag(key, redacted);
        }

        data.DisplayName = manager.RedactSecrets(data.DisplayName);
        if (data.StatusDescription is { } description)
        {
            data.SetStatus(data.Status, manager.RedactSecrets(description));
        }
    }

    /// <summary>
    /// Activity listeners are process-wide, so a span (say, another HttpClient's) can end while the host shuts
    /// down; by then the provider is disposed and so is the exporter, so there is nothing left to redact for.
    /// </summary>
    private McpConnectionManager? Manager()
    {
        if (_manager is { } manager)
        {
            return manager;
        }

        try
        {
            return _manager = (McpConnectionManager?)services.GetService(typeof(McpConnectionManager));
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }
}
