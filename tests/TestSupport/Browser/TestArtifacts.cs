namespace Tributary.TestSupport.Browser;

/// <summary>Where tests leave files for people to look at: <c>artifacts/test-results/</c> under the repository root.</summary>
public static class TestArtifacts
{
    /// <summary>Gets the path of <paramref name="relativePath"/> under <c>artifacts/test-results</c>; the file need not exist.</summary>
    /// <param name="relativePath">A path such as <c>screenshots/health.png</c>.</param>
    /// <returns>The full path.</returns>
    public static string PathOf(string relativePath) =>
        Path.Combine(RepositoryRoot(), "artifacts", "test-results", relativePath);

    private static string RepositoryRoot()
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
