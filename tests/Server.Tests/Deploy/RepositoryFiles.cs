namespace Tributary.Server.Tests.Deploy;

/// <summary>The repository's own files (the Dockerfile, the CI template), found above the test binaries.</summary>
internal static class RepositoryFiles
{
    /// <summary>Gets the repository root: the directory holding <c>Agents.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets the full path of <paramref name="relativePath"/> (written with <c>/</c>) under the root.</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Agents.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Agents.sln not found above {AppContext.BaseDirectory}");
    }
}
