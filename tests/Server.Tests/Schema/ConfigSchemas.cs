using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Tributary.Server.Tests.Deploy;

namespace Tributary.Server.Tests.Schema;

/// <summary>The JSON Schemas of <c>config/schema/</c>, loaded with a real validator (JsonSchema.Net).</summary>
internal static class ConfigSchemas
{
    public const string Registry = "config/schema/tributary.schema.json";
    public const string Agent = "config/schema/agent.schema.json";
    public const string Repository = "config/schema/repository.schema.json";

    /// <summary>The schema file's JSON, for looking at its properties.</summary>
    public static JsonObject Json(string schemaPath) =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf(schemaPath)))!.AsObject();

    /// <summary>Validates <paramref name="yaml"/> against the schema; the errors, each with where it is, or none.</summary>
    public static IReadOnlyList<string> Errors(string schemaPath, string yaml)
    {
        // A fresh registry per schema: the three schemas are independent documents without $id.
        var schema = JsonSchema.FromText(File.ReadAllText(RepositoryFiles.PathOf(schemaPath)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var instance = JsonDocument.Parse(YamlJson.Convert(yaml)?.ToJsonString() ?? "null");
        var results = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            // The failures inside an 'if' only choose between 'then' and 'else'; they are not the instance's errors.
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal)).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }
}
