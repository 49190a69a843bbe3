using Tributary.Agents.Configuration;
using Tributary.Agents.Repository;
using Tributary.Agents.Tests.Definitions;

namespace Tributary.Agents.Tests.Repository;

public sealed class RepositoryOverrideParserTests
{
    private const string Registry = """
        mcp_servers:
          docs:
            url: http://127.0.0.1:1/mcp
          sentry:
            url: http://127.0.0.1:2/mcp
          files:
            url: http://127.0.0.1:3/mcp
        models:
          fake:
            provider: openai-compatible
            endpoint: http://127.0.0.1:4/v1
            model: m
            api_key_env: FAKE_KEY
        """;

    private static readonly (string, string)[] s_agents =
    [
        ("reviewer.yml", "name: reviewer\ndescription: Reviews\ninstructions: Review. {project_rules}\nmodel: fake\nmcp_servers: [docs, sentry]\nrepository_selectable_servers: [files]\n"),
        ("chat.yml", "name: chat\ndescription: Chats\ninstructions: Chat.\nmodel: fake\nmcp_servers: [docs]\n"),
    ];

    [Fact]
    public void Parse_AllFields_ReplacesTheListAndReadsTheRest()
    {
        var result = Parse("""
            mcp_servers:
              reviewer: [files]
            review_rules: Every public method needs a test.
            skip_paths: ["docs/**", "*.lock"]
            disabled_agents: [chat]
            """);

        Assert.Empty(result.Problems);
        Assert.Equal(["files"], result.McpServers["reviewer"]);
        Assert.False(result.McpServers.ContainsKey("chat"));
        Assert.Equal("Every public method needs a test.", result.ReviewRules);
        Assert.Equal(["docs/**", "*.lock"], result.SkipPaths);
        Assert.Equal(["chat"], result.DisabledAgents);
    }

    [Fact]
    public void Parse_EmptyList_TakesEveryServerAway()
    {
        var result = Parse("mcp_servers:\n  reviewer: []\n");

        Assert.Empty(result.Problems);
        Assert.Empty(result.McpServers["reviewer"]);
    }

    [Fact]
    public void Parse_UnknownServerAndAgent_AreReportedAndIgnored()
    {
        var result = Parse("""
            mcp_servers:
              reviewer: [files, jira]
              tester: [docs]
            """);

        Assert.Equal(["files"], result.McpServers["reviewer"]);
        Assert.False(result.McpServers.ContainsKey("tester"));
        Assert.Equal(
            [
                ".tributary.yml:2:21: mcp_servers.reviewer: 'jira' is not allowed for agent 'reviewer' (allowed: docs, sentry, files); ignored — the operator can add it to repository_selectable_servers in agents/reviewer.yml",
                ".tributary.yml:3:3: mcp_servers.tester: no agent is named 'tester' (agents: chat, reviewer); ignored",
            ],
            result.Problems);
    }

    [Fact]
    public void Parse_RegistryServerTheAgentDoesNotAllow_IsReportedAndNeverChosen()
    {
        var result = Parse("""
            mcp_servers:
              chat: [sentry, files, docs]
            """);

        Assert.Equal(["docs"], result.McpServers["chat"]);
        Assert.Equal(
            [
                ".tributary.yml:2:10: mcp_servers.chat: 'sentry' is not allowed for agent 'chat' (allowed: docs); ignored — the operator can add it to repository_selectable_servers in agents/chat.yml",
                ".tributary.yml:2:18: mcp_servers.chat: 'files' is not allowed for agent 'chat' (allowed: docs); ignored — the operator can add it to repository_selectable_servers in agents/chat.yml",
            ],
            result.Problems);
    }

    [Fact]
    public void Parse_MalformedYaml_IsReportedWithItsLineAndChangesNothing()
    {
        var result = Parse("mcp_servers:\n  reviewer: [files\nreview_rules: x\n");

        Assert.Same(RepositoryOverride.None.McpServers, result.McpServers);
        Assert.Null(result.ReviewRules);
        Assert.Equal([".tributary.yml:2:13: invalid YAML (could not read the YAML after this point); check the indentation, quotes and brackets here"], result.Problems);
    }

    [Fact]
    public void Parse_UnknownKey_IsReportedWithASuggestion()
    {
        var result = Parse("review_rule: Be kind.\n");

        Assert.Null(result.ReviewRules);
        Assert.Equal([".tributary.yml:1:1: review_rule: unknown field 'review_rule'; did you mean 'review_rules'?"], result.Problems);
    }

    [Fact]
    public void Parse_NotAMapping_SaysWhatTheFileMustBe()
    {
        var result = Parse("- reviewer\n");

        Assert.Equal([".tributary.yml:1:1: the file must be a mapping of mcp_servers, review_rules, skip_paths, disabled_agents, review_drafts, but it is a list"], result.Problems);
    }

    private static RepositoryOverride Parse(string yaml)
    {
        using var files = TempConfig.Write(Registry, s_agents);
        var loaded = TributaryConfigLoader.Load(files.ConfigPath);
        Assert.Empty(loaded.Errors);
        return RepositoryOverrideParser.Parse(yaml, loaded.Config!.Agents);
    }
}
