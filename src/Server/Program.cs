using Tributary.Server.Cli;

namespace Tributary.Server;

/// <summary>The <c>tributary</c> executable.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => TributaryCommandLine.InvokeAsync(args);
}
