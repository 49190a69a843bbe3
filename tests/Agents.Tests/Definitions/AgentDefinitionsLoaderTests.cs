using Tributary.Agents.Configuration;
using Tributary.Agents.Definitions;

namespace Tributary.Agents.Tests.Definitions;

public sealed class AgentDefinitionsLoaderTests
{
    private const string Config = """
        mcp_servers:
          everything: { transport: stdio, command: npx }
          context7: { url: https://mcp.context7.com/mcp }
        models:
          gpt: { provider: openai, model: gpt-4.1, api_key_env: OPENAI_API_KEY, default: true }
          local: { provider: ollama, model: llama3.1 }
        """;

    [Fact]
    public void Load_AgentsBesideTheConfig_ReadsEveryFieldWithDefaults()
    {
        using var temp = TempConfig.Write(
            Config,
            ("reviewer.yml", """
                name: reviewer
                description: Reviews merge requests
                model: local
                gitlab_tools: read-write
                mcp_servers: [context7, everything]
                max_tool_calls: 7
                timeout: 90s
                temperature: 0.1
                max_tool_result_chars: 5000
                instructions: |
                  Review {project_path} from {source_branch} into {target_branch}.
                  Rules: {project_rules}
                """),
            ("chat.yaml", "name: chat\ninstructions: Answer briefly.\ngitlab_tools: [get_issue, list_issues]\nrepository_selectable_servers: [context7]\n"),
            ("notes.txt", "not an agent"));

        var result = TributaryConfigLoader.Load(temp.ConfigPath);

        Assert.Empty(result.Errors);
        var agents = result.Config!.Agents;
        Assert.Equal(["chat", "reviewer"], agents.All.Select(a => a.Name));
        var reviewer = agents.Find("reviewer")!;
        Assert.Equal(("Reviews merge requests", "local", GitLabToolAccessKind.ReadWrite), (reviewer.Description, reviewer.Model, reviewer.GitLabTools.Kind));
        Assert.Equal(["context7", "everything"], reviewer.McpServers);
        Assert.Equal((7, TimeSpan.FromSeconds(90), 0.1, 5000), (reviewer.MaxToolCalls, reviewer.Timeout, reviewer.Temperature, reviewer.MaxToolResultChars));
        var chat = agents.Find("chat")!;
        Assert.Equal(("gpt", GitLabToolAccessKind.Named), (chat.Model, chat.GitLabTools.Kind));
        Assert.Equal(["get_issue", "list_issues"], chat.GitLabTools.Names);
        Assert.Equal((AgentDefinition.DefaultMaxToolCalls, AgentDefinition.DefaultTimeout, (double?)null), (chat.MaxToolCalls, chat.Timeout, chat.Temperature));
        Assert.Empty(chat.McpServers);
        Assert.Equal(["context7"], chat.RepositorySelectableServers);
        Assert.Empty(reviewer.RepositorySelectableServers);
        Assert.Equal(
            "Review group/app from feature into main.\nRules: No TODOs.",
            reviewer.Instructions.Render(new RunContext("group/app", "feature", "main", "No TODOs.")));
    }

    [Fact]
    public void Load_InvalidAgentFiles_ReportsEveryErrorWithFileLineAndFix()
    {
        using var temp = TempConfig.Write(
            Config,
            ("a.yml", """
                name: a
                model: gtp
                mcp_servers: [everthing, sentry]
                gitlab_tools: readonly
                max_tool_calls: many
                timeout: 0
                instructions: Use {project_path} and {project_rule}.
                tools: [x]
                """),
            ("b.yml", "description: no name\nrepository_selectable_servers: [jira]\n"),
            ("c.yml", "name: a\ninstructions: duplicate\n"));

        var result = TributaryConfigLoader.Load(temp.ConfigPath);

        Assert.Null(result.Config);
        Assert.Equal(
            [
                "~/agents/a.yml:2:8: model: unknown model 'gtp'; did you mean 'gpt'?",
                "~/agents/a.yml:3:15: mcp_servers: unknown MCP server 'everthing'; did you mean 'everything'?",
                "~/agents/a.yml:3:26: mcp_servers: unknown MCP server 'sentry'; name servers of 'mcp_servers' in tributary.yml (everything, context7)",
                "~/agents/a.yml:4:15: gitlab_tools: must be read, read-write, none, or a list of tool names, but is 'readonly'; write e.g. 'gitlab_tools: read'",
                "~/agents/a.yml:5:17: max_tool_calls: must be a whole number from 0 to 1000, but is 'many'; write e.g. 'max_tool_calls: 20'",
                "~/agents/a.yml:6:10: timeout: must be greater than zero, but is '0'; write e.g. '30s'",
                "~/agents/a.yml:7:15: instructions: unknown placeholder '{project_rule}'; did you mean '{project_rules}'? (write '{{' and '}}' for literal braces)",
                "~/agents/a.yml:8:1: tools: unknown field 'tools'; valid fields are: name, description, instructions, model, gitlab_tools, mcp_servers, repository_selectable_servers, max_tool_calls, timeout, temperature, max_tool_result_chars",
                "~/agents/b.yml:1:1: name: is missing; give the agent a name, e.g. 'name: reviewer' (used by 'tributary agents run NAME')",
                "~/agents/b.yml:1:1: instructions: is missing or empty; write the agent's system prompt, e.g. 'instructions: |' followed by indented lines",
                "~/agents/b.yml:2:33: repository_selectable_servers: unknown MCP server 'jira'; name servers of 'mcp_servers' in tributary.yml (everything, context7)",
                "~/agents/c.yml:1:1: name: agent 'a' is also defined in ~/agents/a.yml:1:1; rename one of them",
            ],
            result.Errors.Select(e => e.ToString().Replace(temp.Directory, "~", StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_AgentWithoutModelAndNoDefault_SaysToNameOne()
    {
        using var temp = TempConfig.Write(
            "models:\n  a: { provider: ollama, model: x, default: true }\n  b: { provider: ollama, model: y }\n",
            ("x.yml", "name: x\ninstructions: hi\nmodel: gemini\n"));

        var result = TributaryConfigLoader.Load(temp.ConfigPath);

        Assert.Equal([$"{temp.Agent("x.yml")}:3:8: model: unknown model 'gemini'; the models in tributary.yml are: a, b"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_NoModelsSection_AgentCannotRun()
    {
        using var temp = TempConfig.Write("mcp_servers: {}\n", ("x.yml", "name: x\ninstructions: hi\n"));

        var result = TributaryConfigLoader.Load(temp.ConfigPath);

        Assert.Equal([$"{temp.Agent("x.yml")}:1:1: model: no model to run on: tributary.yml has no 'models:' section; add one (see README, 'Models')"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_AgentsDir_ReadsThatFolderAndReportsAMissingOne()
    {
        using var temp = TempConfig.Write(Config + "\nagents_dir: team-agents\n");
        Directory.CreateDirectory(Path.Combine(temp.Directory, "team-agents"));
        File.WriteAllText(Path.Combine(temp.Directory, "team-agents", "x.yml"), "name: x\ninstructions: hi\n");
        using var missing = TempConfig.Write(Config + "\nagents_dir: nowhere\n");

        var found = TributaryConfigLoader.Load(temp.ConfigPath);
        var notFound = TributaryConfigLoader.Load(missing.ConfigPath);

        Assert.Equal(["x"], found.Config!.Agents.All.Select(a => a.Name));
        string nowhere = Path.Combine(missing.Directory, "nowhere");
        Assert.Equal(
            [$"{missing.ConfigPath}:7:13: agents_dir: the folder '{nowhere}' does not exist; create it, or remove 'agents_dir' to use '{Path.Combine(missing.Directory, "agents")}'"],
            notFound.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Render_NoContext_SaysWhatIsUnknownAndKeepsLiteralBraces()
    {
        var template = InstructionTemplate.TryParse("P={project_path} S={source_branch} R={project_rules} J={\"a\": 1} L={{x}}", out string? problem);

        Assert.Null(problem);
        Assert.Equal(
            "P=(no project given) S=(no merge request given) R=(this project sets no rules) J={\"a\": 1} L={x}",
            template!.Render(RunContext.None));
    }

    [Fact]
    public void ShippedConfig_LoadsWithReviewerAndChatAgents()
    {
        string config = Path.Combine(RepositoryRoot(), "config", "tributary.yml");

        var result = TributaryConfigLoader.Load(config);

        Assert.Empty(result.Errors);
        Assert.Equal(["chat", "reviewer"], result.Config!.Agents.All.Select(a => a.Name));
        Assert.Equal("gpt", result.Config.Models.Default!.Name);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Agents.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Agents.sln not found above the test binaries");
    }
}
