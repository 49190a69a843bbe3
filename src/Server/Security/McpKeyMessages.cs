namespace Tributary.Server.Security;

/// <summary>Why a request to <c>/mcp</c> was refused, and how to fix it; never the presented or expected key.</summary>
internal static class McpKeyMessages
{
    private const string Fix = $"send 'Authorization: Bearer <key>' with the key configured in {SecurityOptions.KeyVariable}";

    /// <summary>No <c>Authorization</c> header.</summary>
    public const string Missing = $"missing Authorization header; {Fix}";

    /// <summary>An <c>Authorization</c> header of another scheme.</summary>
    public const string NotBearer = $"the Authorization header is not a bearer key; {Fix}";

    /// <summary>A bearer key that is not the configured one.</summary>
    public const string Mismatch = $"the bearer key does not match {SecurityOptions.KeyVariable}; {Fix}";
}
