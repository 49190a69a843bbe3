using System.Text.Json;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Whether a tool's input schema marks parameters with <c>x-mcp-header</c>: under 2026-07-28 their values travel as
/// <c>Mcp-Param-*</c> headers too, which the server checks against the body.
/// </summary>
internal static class HeaderParameters
{
    private const string Marker = "x-mcp-header";

    /// <summary>Whether <paramref name="inputSchema"/> marks any property, however deeply nested.</summary>
    public static bool Declared(JsonElement inputSchema) =>
        inputSchema.ValueKind == JsonValueKind.Object
        && inputSchema.TryGetProperty("properties", out var properties)
        && properties.ValueKind == JsonValueKind.Object
        && properties.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Object && (p.Value.TryGetProperty(Marker, out _) || Declared(p.Value)));
}
