namespace Tributary.McpClientRegistry.Configuration;

/// <summary>An immutable snapshot of the <c>mcp_servers</c> registry, as loaded from one file.</summary>
public sealed record RegistryConfig(string SourcePath, IReadOnlyList<McpServerConfig> Servers)
{
    /// <summary>The server named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public McpServerConfig? Find(string name) => Servers.FirstOrDefault(s => s.Name == name);
}
