namespace Tributary.Server.Tests.Cli;

/// <summary>What one in-process run of <c>tributary</c> produced.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Gets stdout split into lines, without the final empty one.</summary>
    public IReadOnlyList<string> OutputLines => Lines(Output);

    /// <summary>Gets stderr split into lines, without the final empty one.</summary>
    public IReadOnlyList<string> ErrorLines => Lines(Error);

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
