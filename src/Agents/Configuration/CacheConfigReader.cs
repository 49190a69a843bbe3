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

        var reader = SectionReader.Read(document, SectionName, node, Fields, "redis: ${REDIS_URL}");
        if (reader.Text("redis") is not { } redis)
        {
            return new CacheConfig(null);
        }

        if (VariableTemplate.TryParse(redis, out _) is { } problem)
        {
            reader.Report("redis", problem);
            return new CacheConfig(null);
        }

        return new CacheConfig(redis);
    }
}
