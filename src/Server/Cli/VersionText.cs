using System.Reflection;

namespace Tributary.Server.Cli;

/// <summary>
/// What <c>tributary --version</c> prints: the version and the commit it was built from, both taken from the
/// assembly's informational version, where the SDK's SourceLink support appends <c>+SourceRevisionId</c>.
/// </summary>
internal static class VersionText
{
    /// <summary>The line for this build, e.g. <c>tributary 0.1.0 (commit fcf1c92930d7…)</c>.</summary>
    public static string Current { get; } = Of(typeof(VersionText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>The line for an informational version such as <c>0.1.0+fcf1c92</c>.</summary>
    public static string Of(string? informationalVersion)
    {
        var (version, commit) = Split(informationalVersion);
        return $"tributary {version} ({(commit is null ? "commit unknown: built outside a git checkout" : $"commit {commit}")})";
    }

    /// <summary>The version and, when the build knew it, the commit.</summary>
    public static (string Version, string? Commit) Split(string? informationalVersion)
    {
        if (string.IsNullOrEmpty(informationalVersion))
        {
            return ("unknown", null);
        }

        int plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 || plus == informationalVersion.Length - 1
            ? (informationalVersion, null)
            : (informationalVersion[..plus], informationalVersion[(plus + 1)..]);
    }
}
