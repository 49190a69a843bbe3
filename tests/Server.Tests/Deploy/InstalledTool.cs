namespace Tributary.Server.Tests.Deploy;

/// <summary>
/// The host packed as the <c>Tributary</c> .NET tool (from the build the tests already made) and installed into a
/// temporary tool path with <c>dotnet tool install</c>, once per test class.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tributary-tool-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Gets the installed <c>tributary</c> command.</summary>
    public string Command => Path.Combine(_root, "tools", OperatingSystem.IsWindows() ? "tributary.exe" : "tributary");

    /// <summary>Gets a folder of the fixture's own for tests to work in.</summary>
    public string NewFolder()
    {
        string folder = Path.Combine(_root, "work", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string packages = Path.Combine(_root, "packages");
        Directory.CreateDirectory(_root);

        var pack = await ProcessRun.RunAsync(dotnet, ["pack", RepositoryFiles.PathOf("src/Server/Tributary.Server.csproj"), "--no-build", "-c", configuration, "-o", packages], _root, null, token);
        Assert.True(pack.ExitCode == 0, $"dotnet pack failed:\n{pack.Output}{pack.Error}");

        // Only the packed folder as a source, so no package of the same name elsewhere can be installed instead.
        string config = Path.Combine(_root, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{packages}" />
              </packageSources>
            </configuration>
            """, token);
        var install = await ProcessRun.RunAsync(dotnet, ["tool", "install", "--tool-path", Path.Combine(_root, "tools"), "--configfile", config, "Tributary"], _root, null, token);
        Assert.True(install.ExitCode == 0, $"dotnet tool install failed:\n{install.Output}{install.Error}");
    }

    /// <summary>Runs the installed command in <paramref name="folder"/> with extra <paramref name="environment"/>.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunAsync(string folder, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRun.RunAsync(Command, arguments, folder, environment, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }

        return ValueTask.CompletedTask;
    }
}
