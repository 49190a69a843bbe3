using Tributary.Agents.Configuration;
using Tributary.Agents.Models;

namespace Tributary.Agents.Tests.Models;

public sealed class ModelsConfigReaderTests
{
    private const string File = "tributary.yml";

    private static string[] Errors(string yaml) =>
        [.. TributaryConfigLoader.Parse(yaml, File).Errors.Select(e => e.ToString())];

    [Fact]
    public void Read_EveryProvider_GivesEveryFieldAndTheDefault()
    {
        var result = TributaryConfigLoader.Parse(
            """
            models:
              gpt:
                provider: openai
                model: gpt-4.1
                api_key_env: OPENAI_API_KEY
                temperature: 0.3
                max_output_tokens: 4096
              vllm:
                provider: openai-compatible
                model: qwen
                endpoint: http://localhost:8000/v1
              azure:
                provider: azure-openai
                model: gpt-4o-prod
                endpoint: https://r.openai.azure.com
                api_key_env: AZURE_KEY
              claude:
                provider: anthropic
                model: claude-sonnet-4-5
                api_key_env: ANTHROPIC_API_KEY
                default: true
              local:
                provider: ollama
                model: llama3.1
            """,
            File);

        Assert.Empty(result.Errors);
        var models = result.Config!.Models;
        Assert.Equal(["gpt", "vllm", "azure", "claude", "local"], models.Entries.Select(m => m.Name));
        Assert.Equal(
            [ModelProvider.OpenAI, ModelProvider.OpenAICompatible, ModelProvider.AzureOpenAI, ModelProvider.Anthropic, ModelProvider.Ollama],
            models.Entries.Select(m => m.Provider));
        var gpt = models.Find("gpt")!;
        Assert.Equal(("gpt-4.1", "OPENAI_API_KEY", 0.3, 4096), (gpt.Model, gpt.ApiKeyEnv, gpt.Temperature, gpt.MaxOutputTokens));
        Assert.Equal(new Uri("http://localhost:8000/v1"), models.Find("vllm")!.Endpoint);
        Assert.Null(models.Find("vllm")!.ApiKeyEnv);
        Assert.Equal("claude", models.Default!.Name);
        Assert.Equal(17, models.Find("claude")!.Location.Line);
    }

    [Fact]
    public void Read_OneModelWithoutDefault_IsTheDefault()
    {
        var result = TributaryConfigLoader.Parse("models:\n  local: { provider: ollama, model: llama3.1 }\n", File);

        Assert.Equal("local", result.Config!.Models.Default!.Name);
    }

    [Fact]
    public void Read_NoModelsSection_IsEmptyAndValid()
    {
        var result = TributaryConfigLoader.Parse("mcp_servers: {}\n", File);

        Assert.True(result.IsValid);
        Assert.Empty(result.Config.Models.Entries);
        Assert.Null(result.Config.Models.Default);
    }

    [Fact]
    public void Read_InvalidEntries_ReportsEachWithFileLineFieldAndFix()
    {
        string[] errors = Errors(
            """
            models:
              a:
                provider: open-ai
                model: x
                api_key_env: OPENAI_API_KEY
              b:
                provider: openai-compatible
              c:
                provider: openai
                model: gpt-4.1
                api_key_env: sk-abc123
                temperature: 3
                max_output_tokens: -1
                default: yes
              d:
                provider: azure-openai
                model: prod
                endpoint: not a url
                api_key_env: AZURE_KEY
              e:
                provider: ollama
                model: llama3.1
                api_key_env: OLLAMA_KEY
                defualt: true
              "bad name":
                provider: ollama
                model: llama3.1
              f:
                provider: anthropic
                model: claude
            """);

        Assert.Equal(
            [
                "tributary.yml:2:3: models: there are 4 models and none is the default; add 'default: true' to the one agents use when they name no model",
                "tributary.yml:3:15: models.a.provider: unknown provider 'open-ai'; did you mean 'openai'?",
                "tributary.yml:6:3: models.b.model: is missing; name the model, e.g. 'model: gpt-4.1'",
                "tributary.yml:6:3: models.b.endpoint: is missing; provider 'openai-compatible' needs the server's base URL, e.g. 'endpoint: http://localhost:8000/v1'",
                "tributary.yml:11:18: models.c.api_key_env: must be the name of an environment variable (letters, digits and '_', not starting with a digit), not its value; export the secret and write e.g. 'api_key_env: OPENAI_API_KEY'",
                "tributary.yml:12:18: models.c.temperature: must be a number from 0 to 2, but is '3'; write e.g. 'temperature: 0.2'",
                "tributary.yml:13:24: models.c.max_output_tokens: must be a whole number from 1 to 1000000, but is '-1'; write e.g. 'max_output_tokens: 4096'",
                "tributary.yml:14:14: models.c.default: must be true or false, but is 'yes'; write 'default: true' or 'default: false'",
                "tributary.yml:18:15: models.d.endpoint: 'not a url' is not an http:// or https:// URL; write e.g. 'endpoint: http://localhost:8000/v1'",
                "tributary.yml:23:18: models.e.api_key_env: does not apply to provider 'ollama', which takes no API key; remove it (or use provider 'openai-compatible' for a server behind a key)",
                "tributary.yml:24:5: models.e.defualt: unknown field 'defualt'; did you mean 'default'?",
                "tributary.yml:25:3: models.bad name: is not a valid model name; use 1 to 32 letters, digits, '_' and '-'",
                "tributary.yml:28:3: models.f.api_key_env: is missing; provider 'anthropic' needs an API key: name the environment variable holding it, e.g. 'api_key_env: ANTHROPIC_API_KEY'",
            ],
            errors);
    }

    [Fact]
    public void Read_TwoDefaults_ReportsTheSecond()
    {
        string[] errors = Errors(
            """
            models:
              a: { provider: ollama, model: x, default: true }
              b: { provider: ollama, model: y, default: true }
            """);

        Assert.Equal(["tributary.yml:3:3: models.b.default: model 'a' (line 2) is already the default; keep 'default: true' on one model only"], errors);
    }

    [Fact]
    public void Read_NotAMapping_SaysHowToWriteIt()
    {
        string[] errors = Errors("models: [gpt]\n");

        Assert.Equal(["tributary.yml:1:9: models: must be a mapping from model name to its settings, but it is a list; write e.g. 'models: { gpt: { provider: openai, model: gpt-4.1, api_key_env: OPENAI_API_KEY } }'"], errors);
    }
}
