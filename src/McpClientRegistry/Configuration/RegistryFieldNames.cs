namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// The keys the registry reader accepts, taken from the reader itself: for tools that describe the file
/// (the JSON Schema and its tests) without keeping a second list.
/// </summary>
public static class RegistryFieldNames
{
    /// <summary>The top-level key of the registry.</summary>
    public const string Section = RegistryReader.SectionName;

    /// <summary>The fields of one entry of <c>mcp_servers</c>.</summary>
    public static IReadOnlyList<string> Server => ServerReader.Fields;

    /// <summary>The keys of an entry's <c>tools:</c> filter.</summary>
    public static IReadOnlyList<string> ToolFilter => ServerReader.ToolFilterKeys;
}
