using System.Text.Json.Serialization;

namespace Tributary.McpClientRegistry.Authorization;

/// <summary>The stored tokens' JSON, generated at build time.</summary>
[JsonSerializable(typeof(StoredTokens))]
internal sealed partial class TokenStoreJsonContext : JsonSerializerContext;
