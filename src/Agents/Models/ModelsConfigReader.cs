using Tributary.Agents.Configuration;
using Tributary.McpClientRegistry.Configuration;
using YamlDotNet.RepresentationModel;

namespace Tributary.Agents.Models;

/// <summary>
/// Reads the <c>models</c> section: a mapping from model name to <c>provider</c>, <c>model</c>, <c>api_key_env</c>,
/// <c>endpoint</c>, <c>temperature</c>, <c>max_output_tokens</c> and <c>default</c>. A missing API key is not checked
/// here: it is an error only when an agent runs on that model.
/// </summary>
internal static class ModelsConfigReader
{
    /// <summary>The section's name in <c>tributary.yml</c>.</summary>
    public const string SectionName = "models";

    /// <summary>The fields of a model entry, in the order the reference documents them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["provider", "model", "api_key_env", "endpoint", "temperature", "max_output_tokens", "default"];

    /// <summary>Reads the section of <paramref name="document"/>, reporting problems into it.</summary>
    public static ModelsConfig Read(YamlConfigDocument document)
    {
        var context = document.Context.ForScope(null);
        var section = document.Section(SectionName);
        if (section is null || YamlNodes.IsNull(section))
        {
            return ModelsConfig.Empty;
        }

        if (section is not YamlMappingNode map)
        {
            context.Add(section, null, SectionName, $"must be a mapping from model name to its settings, but it is {YamlNodes.Describe(section)}; write e.g. 'models: {{ gpt: {{ provider: openai, model: gpt-4.1, api_key_env: OPENAI_API_KEY }} }}'");
            return ModelsConfig.Empty;
        }

        var models = new List<ModelConfig>();
        ModelConfig? firstDefault = null;
        foreach (var (keyNode, value) in map.Children)
        {
            string? name = context.KeyName(keyNode, null, SectionName, out var duplicate);
            if (name is null)
            {
                continue;
            }

            if (duplicate is not null)
            {
                context.Add(keyNode, null, $"{SectionName}.{name}", $"is defined twice (first on line {duplicate.FirstLine}); rename one of them or remove one");
                continue;
            }

            if (!EntryNames.IsValid(name))
            {
                context.Add(keyNode, null, $"{SectionName}.{name}", $"is not a valid model name; use {EntryNames.Rule}");
                continue;
            }

            if (ReadEntry(context, name, keyNode, value) is not { } model)
            {
                continue;
            }

            if (model.IsDefault && firstDefault is not null)
            {
                context.Add(keyNode, null, $"{SectionName}.{name}.default", $"model '{firstDefault.Name}' (line {firstDefault.Location.Line}) is already the default; keep 'default: true' on one model only");
            }

            firstDefault ??= model.IsDefault ? model : null;
            models.Add(model);
        }

        if (models.Count > 1 && firstDefault is null)
        {
            context.Add(section, null, SectionName, $"there are {models.Count} models and none is the default; add 'default: true' to the one agents use when they name no model");
        }

        return new ModelsConfig(models);
    }

    private static ModelConfig? ReadEntry(YamlReadContext context, string name, YamlNode keyNode, YamlNode value)
    {
        string path = $"{SectionName}.{name}";
        var reader = MappingReader.Read(context, path, value, Fields, "provider: openai, model: gpt-4.1, api_key_env: OPENAI_API_KEY");
        var provider = ReadProvider(context, reader, keyNode, path);
        string? model = reader.Text("model");
        if (model is null)
        {
            context.Add(keyNode, null, $"{path}.model", provider == ModelProvider.AzureOpenAI
                ? "is missing; give the deployment name, e.g. 'model: gpt-4o-prod'"
                : "is missing; name the model, e.g. 'model: gpt-4.1'");
        }

        var endpoint = reader.HttpUrl("endpoint", "http://localhost:8000/v1");
        string? apiKeyEnv = reader.VariableName("api_key_env", "OPENAI_API_KEY");
        CheckProviderNeeds(context, reader, keyNode, path, provider, endpoint, apiKeyEnv);
        var config = new ModelConfig
        {
            Name = name,
            Provider = provider ?? ModelProvider.OpenAI,
            Model = model ?? string.Empty,
            ApiKeyEnv = apiKeyEnv,
            Endpoint = endpoint,
            Temperature = reader.Number("temperature", 0, 2, "0.2"),
            MaxOutputTokens = reader.WholeNumber("max_output_tokens", 1, 1_000_000, "4096"),
            IsDefault = reader.Bool("default") ?? false,
            Location = context.LocationOf(keyNode),
        };
        return provider is null || model is null ? null : config;
    }

    private static ModelProvider? ReadProvider(YamlReadContext context, MappingReader reader, YamlNode keyNode, string path)
    {
        string known = string.Join(", ", ModelProviderNames.ByName.Keys);
        if (reader.Text("provider") is not { } text)
        {
            context.Add(keyNode, null, $"{path}.provider", $"is missing; set one of: {known}");
            return null;
        }

        if (ModelProviderNames.ByName.TryGetValue(text, out var provider))
        {
            return provider;
        }

        string? suggestion = DidYouMean.Suggest(text, ModelProviderNames.ByName.Keys);
        reader.Problem("provider", suggestion is not null
            ? $"unknown provider '{text}'; did you mean '{suggestion}'?"
            : $"unknown provider '{text}'; use one of: {known}");
        return null;
    }

    private static void CheckProviderNeeds(YamlReadContext context, MappingReader reader, YamlNode keyNode, string path, ModelProvider? provider, Uri? endpoint, string? apiKeyEnv)
    {
        if (provider is not { } kind)
        {
            return;
        }

        string name = ModelProviderNames.Of(kind);
        if (kind is ModelProvider.OpenAICompatible or ModelProvider.AzureOpenAI && endpoint is null && !reader.Has("endpoint"))
        {
            context.Add(keyNode, null, $"{path}.endpoint", kind == ModelProvider.AzureOpenAI
                ? "is missing; provider 'azure-openai' needs the resource's URL, e.g. 'endpoint: https://my-resource.openai.azure.com'"
                : "is missing; provider 'openai-compatible' needs the server's base URL, e.g. 'endpoint: http://localhost:8000/v1'");
        }

        if (kind is ModelProvider.OpenAI or ModelProvider.AzureOpenAI or ModelProvider.Anthropic && apiKeyEnv is null && !reader.Has("api_key_env"))
        {
            string example = kind switch
            {
                ModelProvider.Anthropic => "ANTHROPIC_API_KEY",
                ModelProvider.AzureOpenAI => "AZURE_OPENAI_API_KEY",
                _ => "OPENAI_API_KEY",
            };
            context.Add(keyNode, null, $"{path}.api_key_env", $"is missing; provider '{name}' needs an API key: name the environment variable holding it, e.g. 'api_key_env: {example}'");
        }

        if (kind == ModelProvider.Ollama && reader.Has("api_key_env"))
        {
            reader.Problem("api_key_env", "does not apply to provider 'ollama', which takes no API key; remove it (or use provider 'openai-compatible' for a server behind a key)");
        }
    }
}
