using System.ClientModel;
using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OllamaSharp;
using OpenAI;
using Tributary.Agents.Runs;

namespace Tributary.Agents.Models;

/// <summary>
/// Creates the chat service of a model entry: Semantic Kernel's OpenAI connector for OpenAI, OpenAI-compatible
/// servers and Azure OpenAI (its v1 API), and the providers' own <see cref="IChatClient"/> for Anthropic and
/// Ollama, wrapped so that Semantic Kernel invokes the tools (and its filters see every call).
/// </summary>
/// <param name="readVariable">Reads environment variables (the API keys).</param>
/// <param name="loggerFactory">Logs of the clients.</param>
public sealed class ChatServiceFactory(Func<string, string?> readVariable, ILoggerFactory loggerFactory)
{
    /// <summary>Ollama's address when the entry has no endpoint.</summary>
    public static readonly Uri DefaultOllamaEndpoint = new("http://localhost:11434");

    /// <summary>Creates the service for <paramref name="model"/>.</summary>
    /// <exception cref="AgentRunException">The model's API key variable is not set.</exception>
    public IChatCompletionService Create(ModelConfig model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string? key = ReadKey(model);
        return model.Provider switch
        {
            ModelProvider.Anthropic => Wrap(CreateAnthropic(model, key!)),
            ModelProvider.Ollama => Wrap(new OllamaApiClient(model.Endpoint ?? DefaultOllamaEndpoint, model.Model)),
            _ => new OpenAIChatCompletionService(model.Model, new OpenAIClient(new ApiKeyCredential(key ?? "none"), OpenAIOptions(model)), loggerFactory),
        };
    }

    /// <summary>
    /// <paramref name="text"/> (a provider's error, which may quote the key it was sent, as some OpenAI-compatible
    /// servers do for a wrong one) without <paramref name="model"/>'s API key.
    /// </summary>
    public string WithoutKey(ModelConfig model, string text)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);
        return model.ApiKeyEnv is { } variable && readVariable(variable) is { Length: > 0 } key
            ? text.Replace(key, "***", StringComparison.Ordinal).Replace(key.Trim(), "***", StringComparison.Ordinal)
            : text;
    }

    /// <summary>The request settings of a run: temperature, output bound and automatic tool calls with typed arguments.</summary>
    public static PromptExecutionSettings Settings(ModelConfig model, double? temperature, FunctionChoiceBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(model);
        double? chosen = temperature ?? model.Temperature;
        if (model.Provider is ModelProvider.OpenAI or ModelProvider.OpenAICompatible or ModelProvider.AzureOpenAI)
        {
            return new OpenAIPromptExecutionSettings { Temperature = chosen, MaxTokens = model.MaxOutputTokens, FunctionChoiceBehavior = behavior };
        }

        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = behavior, ExtensionData = new Dictionary<string, object>() };
        if (chosen is { } t)
        {
            settings.ExtensionData["temperature"] = t;
        }

        if (model.MaxOutputTokens is { } max)
        {
            settings.ExtensionData["max_tokens"] = max;
        }

        return settings;
    }

    private string? ReadKey(ModelConfig model)
    {
        if (model.ApiKeyEnv is not { } variable)
        {
            return null;
        }

        return readVariable(variable) is { Length: > 0 } key
            ? key
            : throw new AgentRunException(
                $"model '{model.Name}' needs its API key in the environment variable {variable} (api_key_env), which is not set; export it and try again",
                AgentRunFailure.Invalid);
    }

    private static OpenAIClientOptions OpenAIOptions(ModelConfig model) => model switch
    {
        // Azure OpenAI's v1 API speaks OpenAI's protocol at /openai/v1/, with the deployment as the model.
        { Provider: ModelProvider.AzureOpenAI, Endpoint: { } endpoint } => new OpenAIClientOptions { Endpoint = new Uri(endpoint, "/openai/v1/") },
        { Endpoint: { } endpoint } => new OpenAIClientOptions { Endpoint = endpoint },
        _ => new OpenAIClientOptions(),
    };

    private static IChatClient CreateAnthropic(ModelConfig model, string key)
    {
        var client = model.Endpoint is { } endpoint
            ? new AnthropicClient { ApiKey = key, BaseUrl = endpoint.ToString() }
            : new AnthropicClient { ApiKey = key };
        return client.AsIChatClient(model.Model, model.MaxOutputTokens);
    }

    private IChatCompletionService Wrap(IChatClient client) =>
        client.AsBuilder().UseKernelFunctionInvocation(loggerFactory).Build().AsChatCompletionService();
}
