using System.CommandLine;

namespace Tributary.Server.Cli;

/// <summary>
/// <c>tributary config schema [--for registry|agent|repo]</c>: prints the JSON Schema of <c>tributary.yml</c>,
/// an agent file or a repository's <c>.tributary.yml</c>, the same files <c>config/schema/</c> holds.
/// </summary>
internal static class ConfigSchemaCommand
{
    /// <summary>Which file each <c>--for</c> value describes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["registry"] = "config/schema/tributary.schema.json",
        ["agent"] = "config/schema/agent.schema.json",
        ["repo"] = "config/schema/repository.schema.json",
    };

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var kind = new Option<string>("--for")
        {
            Description = "registry (tributary.yml), agent (agents/*.yml) or repo (a repository's .tributary.yml)",
            DefaultValueFactory = _ => "registry",
            HelpName = "FILE",
        };
        kind.AcceptOnlyFromAmong([.. Files.Keys]);
        var command = new Command("schema", "Print the JSON Schema of tributary.yml, an agent file or .tributary.yml, for editors") { kind };
        command.SetAction(parseResult =>
        {
            context.Output.Write(StarterFiles.ReadText(Files[parseResult.GetRequiredValue(kind)]));
            return ExitCodes.Success;
        });
        return command;
    }
}
