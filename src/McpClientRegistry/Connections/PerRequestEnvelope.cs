using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// What every request to a server that negotiated 2026-07-28 or later carries in place of the <c>initialize</c>
/// handshake: the revision, Tributary's client info and capabilities in <c>_meta</c>. Serialized once per session, as
/// the SDK client would write them, so each tool call only copies them.
/// </summary>
internal sealed class PerRequestEnvelope
{
    private readonly byte[] _clientInfo;
    private readonly byte[] _capabilities;

    private PerRequestEnvelope(string protocolVersion, Implementation clientInfo, ClientCapabilities capabilities)
    {
        ProtocolVersion = protocolVersion;
        _clientInfo = JsonSerializer.SerializeToUtf8Bytes(clientInfo, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Implementation)));
        _capabilities = JsonSerializer.SerializeToUtf8Bytes(capabilities, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ClientCapabilities)));
    }

    /// <summary>The revision the session negotiated.</summary>
    public string ProtocolVersion { get; }

    /// <summary>
    /// The envelope for a session that negotiated <paramref name="protocolVersion"/>, or <see langword="null"/> when
    /// that revision has the handshake (the session already told the server all of it).
    /// </summary>
    public static PerRequestEnvelope? For(string? protocolVersion, Implementation clientInfo, ClientCapabilities? capabilities) =>
        ProtocolRevisions.IsPerRequest(protocolVersion) ? new(protocolVersion!, clientInfo, capabilities ?? new ClientCapabilities()) : null;

    /// <summary>Writes the envelope's members into the <c>_meta</c> object being written.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteString(MetaKeys.ProtocolVersion, ProtocolVersion);
        writer.WritePropertyName(MetaKeys.ClientInfo);
        writer.WriteRawValue(_clientInfo, skipInputValidation: true);
        writer.WritePropertyName(MetaKeys.ClientCapabilities);
        writer.WriteRawValue(_capabilities, skipInputValidation: true);
    }
}
