using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Tributary.Server.Reload;

/// <summary>
/// Watches <c>tributary.yml</c> and the agent files (<c>*.yml</c>, <c>*.yaml</c> in the agents folder, beside the
/// config file or anywhere else) and calls back on each change. Dot files are not watched, so an editor's swap and
/// backup files do not count.
/// </summary>
internal sealed class ConfigFileWatch : IDisposable
{
    private readonly List<IDisposable> _parts = [];

    /// <summary>Starts watching; throws <see cref="IOException"/> when the system refuses another watch (inotify limits).</summary>
    public ConfigFileWatch(string configPath, string agentsDirectory, Action changed)
    {
        try
        {
            var configDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
            var root = Own(new PhysicalFileProvider(configDirectory));
            Watch(root, Path.GetFileName(configPath), changed);
            var agents = Path.GetFullPath(agentsDirectory);
            var relative = Path.GetRelativePath(configDirectory, agents);
            if (relative == ".")
            {
                WatchAgents(root, string.Empty, changed);
            }
            else if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                // Inside the config folder, even if it does not exist yet: its files count once it is created. Its
                // creation counts too, since files written at once into a new folder can precede the folder's own watch.
                var folder = relative.Replace('\\', '/');
                Watch(root, folder, changed);
                WatchAgents(root, folder + "/", changed);
            }
            else if (Directory.Exists(agents))
            {
                WatchAgents(Own(new PhysicalFileProvider(agents)), string.Empty, changed);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The agents folder watched, to know when a reload moved it.</summary>
    public static string Key(string agentsDirectory) => Path.GetFullPath(agentsDirectory);

    public void Dispose()
    {
        foreach (var part in _parts)
        {
            part.Dispose();
        }

        _parts.Clear();
    }

    private PhysicalFileProvider Own(PhysicalFileProvider provider)
    {
        _parts.Add(provider);
        return provider;
    }

    private void WatchAgents(IFileProvider provider, string prefix, Action changed)
    {
        Watch(provider, prefix + "*.yml", changed);
        Watch(provider, prefix + "*.yaml", changed);
    }

    private void Watch(IFileProvider provider, string filter, Action changed) =>
        _parts.Add(ChangeToken.OnChange(() => provider.Watch(filter), changed));
}
