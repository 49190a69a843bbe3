using System.Text.Json.Nodes;
using Tributary.Agents.Configuration;
using Tributary.Agents.Definitions;
using Tributary.Agents.Repository;
using Tributary.McpClientRegistry.Configuration;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Deploy;

namespace Tributary.Server.Tests.Schema;

public sealed class ConfigSchemaTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> ShippedFiles()
    {
        var files = new TheoryData<string, string> { { "config/tributary.yml", ConfigSchemas.Registry }, { "config/examples/.tributary.yml", ConfigSchemas.Repository } };
        foreach (string agent in Directory.GetFiles(RepositoryFiles.PathOf("config/agents"), "*.yml").Order(StringComparer.Ordinal))
        {
            files.Add($"config/agents/{Path.GetFileName(agent)}", ConfigSchemas.Agent);
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedFile_ValidatesAgainstItsSchema(string file, string schema)
    {
        Assert.Empty(ConfigSchemas.Errors(schema, File.ReadAllText(RepositoryFiles.PathOf(file))));
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedFile_FirstLinePointsEditorsAtItsSchema(string file, string schema)
    {
        string first = File.ReadLines(RepositoryFiles.PathOf(file)).First();
        const string Modeline = "# yaml-language-server: $schema=";

        Assert.StartsWith(Modeline, first, StringComparison.Ordinal);
        string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryFiles.PathOf(file))!, first[Modeline.Length..]));
        Assert.Equal(RepositoryFiles.PathOf(schema), target);
    }

    [Fact]
    public void ExampleRepositoryFile_IsReadWithoutProblemsAgainstTheShippedAgents()
    {
        var config = TributaryConfigLoader.Load(RepositoryFiles.PathOf("config/tributary.yml"));
        Assert.True(config.IsValid, string.Join('\n', config.Errors));

        var result = RepositoryOverrideParser.Parse(File.ReadAllText(RepositoryFiles.PathOf("config/examples/.tributary.yml")), config.Config.Agents);

        Assert.Empty(result.Problems);
        Assert.Equal(["context7"], result.McpServers["reviewer"]);
    }

    public static TheoryData<string, string, string[]> SchemaObjectsAndReaders() => new()
    {
        { ConfigSchemas.Registry, "", [.. ConfigFieldNames.TopLevel] },
        { ConfigSchemas.Registry, "definitions/server", [.. RegistryFieldNames.Server] },
        { ConfigSchemas.Registry, "definitions/server/properties/tools", [.. RegistryFieldNames.ToolFilter] },
        { ConfigSchemas.Registry, "properties/gitlab", [.. ConfigFieldNames.GitLab] },
        { ConfigSchemas.Registry, "properties/cache", [.. ConfigFieldNames.Cache] },
        { ConfigSchemas.Registry, "properties/host", [.. ConfigFieldNames.Host] },
        { ConfigSchemas.Registry, "properties/host/properties/oauth", [.. ConfigFieldNames.HostOAuth] },
        { ConfigSchemas.Registry, "properties/host/properties/oauth/properties/scopes", [.. ConfigFieldNames.HostOAuthScopes] },
        { ConfigSchemas.Registry, "definitions/model", [.. ConfigFieldNames.Model] },
        { ConfigSchemas.Agent, "", [.. ConfigFieldNames.Agent] },
        { ConfigSchemas.Repository, "", [.. ConfigFieldNames.Repository] },
    };

    [Theory]
    [MemberData(nameof(SchemaObjectsAndReaders))]
    public void Schema_Properties_AreExactlyTheFieldsTheReaderAccepts(string schema, string location, string[] readerFields)
    {
        var node = location.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate((JsonNode)ConfigSchemas.Json(schema), (n, part) => n[part]!);
        var properties = node["properties"]!.AsObject().Select(p => p.Key);

        Assert.Equal(readerFields.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
        Assert.False(node["additionalProperties"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(ConfigSchemas.Registry)]
    [InlineData(ConfigSchemas.Agent)]
    [InlineData(ConfigSchemas.Repository)]
    public void Schema_EveryObjectWithProperties_RefusesOthers(string schema)
    {
        var open = Objects(ConfigSchemas.Json(schema), "#")
            .Where(o => o.Node["properties"] is not null && !o.Path.EndsWith("/if", StringComparison.Ordinal) && o.Node["additionalProperties"]?.GetValue<bool>() != false)
            .Select(o => o.Path);

        Assert.Empty(open);
    }

    [Fact]
    public void UnknownServerField_IsRefusedByTheSchemaAndTheLoader()
    {
        const string Yaml = "mcp_servers:\n  docs:\n    url: https://mcp.example.com/mcp\n    retries: 3\n";

        var error = Assert.Single(ConfigSchemas.Errors(ConfigSchemas.Registry, Yaml));
        Assert.StartsWith("/mcp_servers/docs/retries: : All values fail against the false schema", error, StringComparison.Ordinal);
        var loaded = TributaryConfigLoader.Parse(Yaml, "tributary.yml");
        Assert.Equal("tributary.yml:4:5: mcp_servers.docs.retries: unknown field 'retries'; valid fields are: " + string.Join(", ", RegistryFieldNames.Server), Assert.Single(loaded.Errors).ToString());
    }

    [Theory]
    [InlineData("mcp_servers:\n  files:\n    transport: stdio\n", "/mcp_servers/files: required")]
    [InlineData("mcp_servers:\n  docs:\n    description: no url\n", "/mcp_servers/docs: required")]
    [InlineData("mcp_servers:\n  docs:\n    url: https://x.example/mcp\n    timeout: soon\n", "/mcp_servers/docs/timeout: pattern")]
    [InlineData("models:\n  gpt: { provider: openia, model: gpt-4.1 }\n", "/models/gpt/provider: enum")]
    [InlineData("host:\n  urls: [\"127.0.0.1:8420\"]\n", "/host/urls/0: pattern")]
    [InlineData("host:\n  allowed_hosts: [\"tributary.example.com:8420\"]\n", "/host/allowed_hosts/0: pattern")]
    [InlineData("host:\n  port: 8420\n", "/host/port: ")]
    [InlineData("host:\n  oauth: { audience: api://tributary }\n", "/host/oauth: required")]
    [InlineData("host:\n  oauth: { authority: https://login.example.com, audience: api://tributary, scopes: { read: \"a b\" } }\n", "/host/oauth/scopes/read: pattern")]
    public void InvalidRegistry_IsRefusedByTheSchemaAndTheLoader(string yaml, string schemaError)
    {
        var errors = ConfigSchemas.Errors(ConfigSchemas.Registry, yaml);
        Assert.True(errors.Any(e => e.StartsWith(schemaError, StringComparison.Ordinal)), string.Join('\n', errors));
        Assert.False(TributaryConfigLoader.Parse(yaml, "tributary.yml").IsValid);
    }

    [Theory]
    [InlineData("registry", ConfigSchemas.Registry)]
    [InlineData("agent", ConfigSchemas.Agent)]
    [InlineData("repo", ConfigSchemas.Repository)]
    public async Task ConfigSchema_For_PrintsTheRepositorysSchemaFile(string kind, string schema)
    {
        var result = await CliRunner.RunAsync(["config", "schema", "--for", kind], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf(schema)), result.Output);
    }

    [Fact]
    public async Task ConfigSchema_Default_IsTheRegistrysAndUnknownKindIsAUsageError()
    {
        var registry = await CliRunner.RunAsync(["config", "schema"], Token);
        var unknown = await CliRunner.RunAsync(["config", "schema", "--for", "agents"], Token);

        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf(ConfigSchemas.Registry)), registry.Output);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains(unknown.ErrorLines, l => l.StartsWith("Argument 'agents' not recognized. Must be one of:", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Path, JsonObject Node)> Objects(JsonNode? node, string path) => node switch
    {
        JsonObject o => [(path, o), .. o.SelectMany(p => Objects(p.Value, $"{path}/{p.Key}"))],
        JsonArray a => a.SelectMany((n, i) => Objects(n, $"{path}/{i}")),
        _ => [],
    };
}
