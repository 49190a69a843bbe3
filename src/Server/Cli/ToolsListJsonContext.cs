using System.Text.Json.Serialization;

namespace Tributary.Server.Cli;

/// <summary>Source-generated serialization of <see cref="ToolsListDocument"/>: camelCase, indented, nulls written.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ToolsListDocument))]
internal sealed partial class ToolsListJsonContext : JsonSerializerContext;
