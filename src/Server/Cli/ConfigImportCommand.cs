using System.CommandLine;
using Tributary.Agents.Configuration;
using Tributary.Server.Import;

namespace Tributary.Server.Cli;

/// <summary>
/// <c>tributary config import FILE [--write]</c>: converts the MCP servers of a Claude Desktop, Claude Code, VS Code or
/// Cursor file into registry entries and prints them, or with <c>--write</c> adds them to the registry. Secrets in the
/// file become variable references; the account says which variables to export.
/// </summary>
internal static class ConfigImportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options, CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "claude_desktop_config.json, .mcp.json, .vscode/mcp.json or .cursor/mcp.json" };
        var write = new Option<bool>("--write", "-w") { Description = "Add the entries to the registry (--config) instead of printing them" };
        var command = new Command("import", "Convert the MCP servers of Claude Desktop, Claude Code, VS Code or Cursor into registry entries") { file, write };
        command.SetAction(parseResult => Run(parseResult, options, parseResult.GetRequiredValue(file), parseResult.GetValue(write), context));
        return command;
    }

    private static int Run(ParseResult parseResult, GlobalOptions options, string path, bool write, CliContext context)
    {
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"error: {path} not found (looked for {Path.GetFullPath(path)})");
            return ExitCodes.Failure;
        }

        if (ClientConfig.Parse(File.ReadAllText(path), path, out string? problem) is not { } client)
        {
            context.Error.WriteLine($"error: {problem}");
            return ExitCodes.Failure;
        }

        var result = ServerImporter.Import(client, path);
        if (!write)
        {
            foreach (string line in ImportYaml.Account(result))
            {
                context.Output.WriteLine($"# {line}");
            }

            context.Output.WriteLine("mcp_servers:");
            context.Output.Write(ImportYaml.Entries(result.Servers, 2));
            return result.Servers.Count > 0 || result.Skipped.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }

        return Write(parseResult, options, result, context);
    }

    private static int Write(ParseResult parseResult, GlobalOptions options, ImportResult result, CliContext context)
    {
        var (registryPath, _) = ConfigFile.Locate(parseResult, options, context);
        if (ConfigFile.Load(parseResult, options, context) is not { } config)
        {
            context.Error.WriteLine("Nothing was written; fix the registry (or run 'tributary init') and import again.");
            return ExitCodes.Failure;
        }

        var clashes = result.Servers.Where(s => config.Registry.Find(s.Name) is not null).ToList();
        foreach (var clash in clashes)
        {
            var existing = config.Registry.Find(clash.Name)!;
            context.Error.WriteLine($"error: {registryPath} already has a server named '{clash.Name}' (line {existing.Location.Line}); rename one of them (in {result.Source} or in the registry) and import again");
        }

        if (clashes.Count > 0 || result.Servers.Count == 0)
        {
            context.Error.WriteLine(result.Servers.Count == 0 ? $"error: nothing to import from {result.Source}" : "Nothing was written.");
            WriteAccount(result, context.Error);
            return ExitCodes.Failure;
        }

        string? merged = RegistryMerge.Add(File.ReadAllText(registryPath), result.Servers, result.Source, out string? problem);
        var check = merged is null ? null : TributaryConfigLoader.Parse(merged, registryPath);
        if (merged is null || check is { IsValid: false })
        {
            context.Error.WriteLine($"error: cannot add the entries to {registryPath}: {problem ?? "the result would not be valid"}");
            foreach (var error in check?.Errors ?? [])
            {
                context.Error.WriteLine(error.ToString());
            }

            context.Error.WriteLine("Nothing was written.");
            return ExitCodes.Failure;
        }

        File.WriteAllText(registryPath, merged);
        WriteAccount(result, context.Output);
        context.Output.WriteLine($"Added {string.Join(", ", result.Servers.Select(s => s.Name))} to {registryPath}; check it with 'tributary config check'.");
        return ExitCodes.Success;
    }

    private static void WriteAccount(ImportResult result, TextWriter writer)
    {
        foreach (string line in ImportYaml.Account(result))
        {
            writer.WriteLine(line);
        }
    }
}
