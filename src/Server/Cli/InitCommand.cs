using System.CommandLine;

namespace Tributary.Server.Cli;

/// <summary>
/// <c>tributary init [DIR] [--force]</c>: writes the starter <c>config/</c> (the registry, example agents, the JSON
/// Schemas the files point editors at) into a folder, refusing to overwrite anything unless <c>--force</c>.
/// </summary>
internal static class InitCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The folder to write config/ into",
            DefaultValueFactory = _ => ".",
        };
        var force = new Option<bool>("--force", "-f") { Description = "Overwrite files that already exist" };
        var command = new Command("init", "Write a commented starter config/tributary.yml and example agents into a folder") { directory, force };
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(directory), parseResult.GetValue(force), context));
        return command;
    }

    private static int Run(string directory, bool force, CliContext context)
    {
        var existing = StarterFiles.Paths.Where(p => File.Exists(FullPath(directory, p))).ToList();
        if (existing.Count > 0 && !force)
        {
            string verb = existing.Count == 1 ? "exists" : "exist";
            context.Error.WriteLine($"error: {string.Join(", ", existing)} already {verb} in {Path.GetFullPath(directory)}; nothing was written. Pass --force to overwrite.");
            return ExitCodes.Failure;
        }

        foreach (string path in StarterFiles.Paths)
        {
            string full = FullPath(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, StarterFiles.Read(path));
            context.Output.WriteLine($"{(existing.Contains(path) ? "overwrote" : "wrote")} {path}");
        }

        string from = Path.GetFullPath(directory) == Path.GetFullPath(".") ? "this folder" : directory;
        context.Output.WriteLine($"Next, from {from}: tributary config check, then tributary serve (both read {ConfigFile.DefaultPath} there).");
        return ExitCodes.Success;
    }

    private static string FullPath(string directory, string relative) =>
        Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));
}
