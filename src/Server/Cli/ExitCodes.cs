namespace Tributary.Server.Cli;

/// <summary>The exit codes of <c>tributary</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command ran but failed: bad config, a missing file, an upstream error.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong (unknown option, bad <c>--args</c>).</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl+C (128 + SIGINT), as shells report it.</summary>
    public const int Cancelled = 130;
}
