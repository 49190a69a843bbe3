using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace Tributary.Server.Mcp;

/// <summary>
/// JSON that is already serialized, carried in a <see cref="JsonNode"/> (what a JSON-RPC result is) and written as
/// it is: the writer copies the bytes without parsing or re-encoding them. Only for bytes Tributary serialized
/// itself; reading the node's members is not supported.
/// </summary>
/// <remarks>
/// A custom value in a node is written with the type information of the writing serializer's options when they
/// differ from the node's own. The SDK writes messages with its source-generated context's options, so the node
/// carries type information made for exactly those; any other options find the converter through the attribute.
/// </remarks>
[JsonConverter(typeof(Converter))]
internal sealed class RawJson
{
    private static readonly JsonTypeInfo<RawJson> s_typeInfo = JsonMetadataServices.CreateValueInfo<RawJson>(MessageOptions(), new Converter());

    private readonly byte[] _utf8;

    private RawJson(byte[] utf8) => _utf8 = utf8;

    /// <summary>A node that writes <paramref name="utf8"/> (valid JSON, serialized by Tributary) verbatim.</summary>
    public static JsonNode Node(byte[] utf8) => JsonValue.Create(new RawJson(utf8), s_typeInfo)!;

    // The options of the context McpJsonUtilities.DefaultOptions copies (first in its chain), which the SDK's
    // transports write messages with.
    private static JsonSerializerOptions MessageOptions() =>
        McpJsonUtilities.DefaultOptions.TypeInfoResolverChain is [JsonSerializerContext context, ..] ? context.Options : McpJsonUtilities.DefaultOptions;

    private sealed class Converter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Raw JSON is only written.");

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value._utf8, skipInputValidation: true);
    }
}
