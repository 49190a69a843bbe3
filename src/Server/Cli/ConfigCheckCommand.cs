using System.CommandLine;
using Tributary.Agents.Models;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Server.Cli;

/// <summary><c>tributary config check</c>: loads and validates the registry and lists its servers, contacting none.</summary>
internal static class ConfigCheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var command = new Command("check", "Validate the registry and list its servers without contacting them");
        command.SetAction(parseResult => Run(parseResult, options, context));
        return command;
    }

    private static int Run(ParseResult parseResult, GlobalOptions options, CliContext context)
    {
        if (ConfigFile.Load(parseResult, options, context) is not { } config)
        {
            return ExitCodes.Failure;
        }

        var registry = config.Registry;

        var enabled = registry.Servers.Count(s => s.Enabled);
        context.Output.WriteLine($"{registry.SourcePath}: valid, {Plural.Of(registry.Servers.Count, "server")} ({enabled} enabled)");
        var resolver = new EndpointResolver(context.ReadVariable);
        var rows = registry.Servers.Select(server => Row(server, resolver)).ToList();
        TextTable.Write(context.Output, rows, "  ");
        if (config.Models.Entries.Count > 0)
        {
            var models = config.Models.Entries.Select(m => $"{m.Name} ({ModelProviderNames.Of(m.Provider)} {m.Model}{(ReferenceEquals(m, config.Models.Default) ? ", default" : string.Empty)})");
            context.Output.WriteLine($"models: {string.Join(", ", models)}");
        }

        if (config.Agents.All.Count > 0)
        {
            context.Output.WriteLine($"agents ({config.Agents.Directory}): {string.Join(", ", config.Agents.All.Select(a => a.Name))}");
        }

        return ExitCodes.Success;
    }

    private static IReadOnlyList<string> Row(McpServerConfig server, EndpointResolver resolver)
    {
        var problem = resolver.Resolve(server).Problem;
        return
        [
            server.Name,
            ServerText.Transport(server.Transport),
            server.Enabled ? "enabled" : "disabled",
            ServerText.Target(server),
            ServerText.Prefix(server),
            problem is null ? string.Empty : $"not configured: {problem}",
        ];
    }
}
