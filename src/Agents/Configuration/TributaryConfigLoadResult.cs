using System.Diagnostics.CodeAnalysis;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Agents.Configuration;

/// <summary>The outcome of loading <c>tributary.yml</c>: the snapshot, or every error of every section in file order.</summary>
/// <param name="Config">The configuration, or <see langword="null"/> when there are errors.</param>
/// <param name="Errors">Every error found; empty when the file is valid.</param>
public sealed record TributaryConfigLoadResult(TributaryConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    /// <summary>Whether the file loaded without errors.</summary>
    [MemberNotNullWhen(true, nameof(Config))]
    public bool IsValid => Config is not null && Errors.Count == 0;
}
