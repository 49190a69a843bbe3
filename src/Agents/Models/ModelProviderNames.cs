namespace Tributary.Agents.Models;

/// <summary>How providers are written in <c>tributary.yml</c>.</summary>
public static class ModelProviderNames
{
    /// <summary>Every provider by its name in the file, in the order the reference lists them.</summary>
    public static readonly IReadOnlyDictionary<string, ModelProvider> ByName = new Dictionary<string, ModelProvider>(StringComparer.Ordinal)
    {
        ["openai"] = ModelProvider.OpenAI,
        ["openai-compatible"] = ModelProvider.OpenAICompatible,
        ["azure-openai"] = ModelProvider.AzureOpenAI,
        ["anthropic"] = ModelProvider.Anthropic,
        ["ollama"] = ModelProvider.Ollama,
    };

    /// <summary>The name of <paramref name="provider"/> in the file.</summary>
    public static string Of(ModelProvider provider) => ByName.First(pair => pair.Value == provider).Key;
}
