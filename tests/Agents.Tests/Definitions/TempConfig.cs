namespace Tributary.Agents.Tests.Definitions;

/// <summary>A temporary folder with a <c>tributary.yml</c> and agent files; deleted on dispose.</summary>
internal sealed class TempConfig : IDisposable
{
    private TempConfig(string directory) => Directory = directory;

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <summary>The config file's path.</summary>
    public string ConfigPath => Path.Combine(Directory, "tributary.yml");

    /// <summary>Writes <paramref name="config"/> as <c>tributary.yml</c> and each agent file under <c>agents/</c>.</summary>
    public static TempConfig Write(string config, params (string File, string Yaml)[] agents)
    {
        string directory = Path.Combine(Path.GetTempPath(), "tributary-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "agents"));
        File.WriteAllText(Path.Combine(directory, "tributary.yml"), config);
        foreach (var (file, yaml) in agents)
        {
            File.WriteAllText(Path.Combine(directory, "agents", file), yaml);
        }

        return new TempConfig(directory);
    }

    /// <summary>The path of agent file <paramref name="file"/>, as errors name it.</summary>
    public string Agent(string file) => Path.Combine(Directory, "agents", file);

    /// <inheritdoc />
    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
