using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Small questions about representation-model nodes.</summary>
public static class YamlNodes
{
    /// <summary>Whether <paramref name="node"/> is a YAML null: empty, <c>~</c> or <c>null</c>, unquoted.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific)
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>How to name the kind of <paramref name="node"/> in a message: "a list", "a mapping", "a single value".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ when IsNull(node) => "empty",
        _ => "a single value",
    };
}
