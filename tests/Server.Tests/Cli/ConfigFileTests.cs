namespace Tributary.Server.Tests.Cli;

public sealed class ConfigFileTests : IDisposable
{
    private const string Registry = "mcp_servers:\n  docs:\n    url: https://mcp.example.com/mcp\n";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tributary-config-file-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Locate_NothingButHome_ReadsTheUsersConfigDirectory()
    {
        string file = Write("home/.config/tributary/tributary.yml");

        var result = await CliRunner.RunAsync(["config", "check"], new Dictionary<string, string> { ["HOME"] = Path.Combine(_root, "home") }, error: null, Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{file}: valid, 1 server (1 enabled)", result.OutputLines[0]);
    }

    [Fact]
    public async Task Locate_XdgConfigHome_ComesBeforeHome()
    {
        Write("home/.config/tributary/tributary.yml");
        string file = Write("xdg/tributary/tributary.yml");

        var result = await CliRunner.RunAsync(["config", "check"], new Dictionary<string, string> { ["HOME"] = Path.Combine(_root, "home"), ["XDG_CONFIG_HOME"] = Path.Combine(_root, "xdg") }, error: null, Token);

        Assert.Equal($"{file}: valid, 1 server (1 enabled)", result.OutputLines[0]);
    }

    [Fact]
    public async Task Locate_TributaryConfig_ComesBeforeTheUsersConfigDirectory()
    {
        Write("xdg/tributary/tributary.yml");
        string file = Write("elsewhere.yml");

        var result = await CliRunner.RunAsync(["config", "check"], new Dictionary<string, string> { ["TRIBUTARY_CONFIG"] = file, ["XDG_CONFIG_HOME"] = Path.Combine(_root, "xdg") }, error: null, Token);

        Assert.Equal($"{file}: valid, 1 server (1 enabled)", result.OutputLines[0]);
    }

    [Fact]
    public async Task Locate_NoFileAnywhere_NamesBothPlacesAndInit()
    {
        string user = Path.Combine(_root, "xdg", "tributary", "tributary.yml");

        var result = await CliRunner.RunAsync(["config", "check"], new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = Path.Combine(_root, "xdg") }, error: null, Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: config file not found: config/tributary.yml (looked for {Path.GetFullPath("config/tributary.yml")}; the default location; not in {user} either. Run 'tributary init' to create one here)", result.ErrorLines[0]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Write(string relative)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Registry);
        return path;
    }
}
