namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// The outcome of loading a registry: the snapshot when the file is valid, otherwise every error
/// found, in file order (and no snapshot).
/// </summary>
/// <param name="Config">The registry, or <see langword="null"/> when there are errors.</param>
/// <param name="Errors">Every error found, in file order; empty when the file is valid.</param>
public sealed record RegistryLoadResult(RegistryConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    /// <summary>Whether the file loaded without errors.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Config))]
    public bool IsValid => Config is not null && Errors.Count == 0;
}
