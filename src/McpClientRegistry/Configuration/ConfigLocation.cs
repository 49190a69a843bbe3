namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Where something was written in a configuration file (1-based line and column).</summary>
public readonly record struct ConfigLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
