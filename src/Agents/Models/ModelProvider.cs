namespace Tributary.Agents.Models;

/// <summary>Who serves a chat model, and so which client talks to it.</summary>
public enum ModelProvider
{
    /// <summary>api.openai.com (or <c>endpoint</c>), through Semantic Kernel's OpenAI connector.</summary>
    OpenAI,

    /// <summary>Any server speaking OpenAI's chat completions API at <c>endpoint</c>: vLLM, LiteLLM, Ollama's <c>/v1</c>.</summary>
    OpenAICompatible,

    /// <summary>An Azure OpenAI resource at <c>endpoint</c>; <c>model</c> is the deployment name.</summary>
    AzureOpenAI,

    /// <summary>Anthropic's Messages API, through the official SDK's <c>IChatClient</c>.</summary>
    Anthropic,

    /// <summary>An Ollama server (native API), through OllamaSharp's <c>IChatClient</c>.</summary>
    Ollama,
}
