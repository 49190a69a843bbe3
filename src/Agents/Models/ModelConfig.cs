using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Agents.Models;

/// <summary>One entry of the <c>models</c> section: a chat model and how to reach it.</summary>
public sealed record ModelConfig
{
    /// <summary>The entry's name, which agents give as <c>model:</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Who serves it.</summary>
    public required ModelProvider Provider { get; init; }

    /// <summary>The model id (for Azure OpenAI, the deployment name).</summary>
    public required string Model { get; init; }

    /// <summary>The NAME of the environment variable holding the API key (never the key), if the provider needs one.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>The endpoint, when not the provider's default.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The sampling temperature, unless the agent sets its own; <see langword="null"/> leaves the provider's default.</summary>
    public double? Temperature { get; init; }

    /// <summary>The most tokens one answer may have; <see langword="null"/> leaves the provider's default.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Whether agents that name no model use this one.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Where the entry is written.</summary>
    public ConfigLocation Location { get; init; }
}
