using Tributary.Server.Cli;
using Tributary.Server.Security;

namespace Tributary.Server;

/// <summary>The <c>tributary</c> executable.</summary>
/// <remarks>Not static, so tests can name it in <c>WebApplicationFactory&lt;Program&gt;</c>.</remarks>
internal sealed class Program
{
    private Program()
    {
    }

    public static Task<int> Main(string[] args)
    {
        // Before anything starts a child: see ProcessDumpability for why here and not per command.
        if (ProcessDumpability.Disable() is { } warning)
        {
            Console.Error.WriteLine(warning);
        }

        return TributaryCommandLine.InvokeAsync(args);
    }
}
