using Tributary.Server.Cli;

namespace Tributary.Server;

/// <summary>The <c>tributary</c> executable.</summary>
/// <remarks>Not static, so tests can name it in <c>WebApplicationFactory&lt;Program&gt;</c>.</remarks>
internal sealed class Program
{
    private Program()
    {
    }

    public static Task<int> Main(string[] args) => TributaryCommandLine.InvokeAsync(args);
}
