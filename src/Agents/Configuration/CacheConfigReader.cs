using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Agents.Configuration;

/// <summary>Reads the <c>cache</c> section: <c>redis</c>.</summary>
internal static class CacheConfigReader
{
    /// <summary>The section's name in <c>tributary.yml</c>.</summary>
    public const string SectionName = "cache";

    /// <summary>The fields this reader accepts.</summary>
    internal static readonly IReadOnlyList<string> Fields = ["redis"];

    /// <summary>Reads the section of <paramref name="document"/>, reporting problems into it; without it, Redis comes from <c>REDIS_URL</c>.</summary>
    public static CacheConfig Read(YamlConfigDocument document)
    {
        var node = document.Section(SectionName);
        if (node is null)
        {
            return CacheConfig.Default;
        }

        var reader = MappingReader.Read(document.Context.ForScope(null), SectionName, node, Fields, "redis: ${REDIS_URL}");
        return new CacheConfig(reader.Template("redis"));
    }
}
