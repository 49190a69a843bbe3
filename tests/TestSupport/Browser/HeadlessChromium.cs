using System.Diagnostics;

namespace Tributary.TestSupport.Browser;

/// <summary>
/// Debian's <c>chromium</c> (installed by the test build, see <c>system/install-packages.sh</c>) run headless once per
/// call: <see cref="DumpDomAsync"/> returns the DOM after the page rendered, <see cref="ScreenshotAsync"/> saves a PNG.
/// Each run gets a fresh profile directory; on timeout or cancellation the whole process tree is killed.
/// </summary>
public static class HeadlessChromium
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    /// <summary>Loads <paramref name="url"/> and returns the serialized DOM (<c>--dump-dom</c>).</summary>
    /// <param name="url">The page to load.</param>
    /// <param name="cancellationToken">Cancels the run and kills the browser.</param>
    /// <returns>The DOM as HTML.</returns>
    public static Task<string> DumpDomAsync(Uri url, CancellationToken cancellationToken) =>
        RunAsync(["--dump-dom", url.ToString()], cancellationToken);

    /// <summary>Loads <paramref name="url"/> in a 1200×800 window and saves a screenshot to <paramref name="pngPath"/>.</summary>
    /// <param name="url">The page to load.</param>
    /// <param name="pngPath">Where to write the PNG; its directory is created.</param>
    /// <param name="cancellationToken">Cancels the run and kills the browser.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public static async Task ScreenshotAsync(Uri url, string pngPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var fullPath = Path.GetFullPath(pngPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.Delete(fullPath);
        await RunAsync([$"--screenshot={fullPath}", "--window-size=1200,800", url.ToString()], cancellationToken);
        if (!File.Exists(fullPath))
        {
            throw new InvalidOperationException($"chromium exited without writing the screenshot {fullPath}");
        }
    }

    private static async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("tributary-chromium-");
        var startInfo = new ProcessStartInfo("chromium")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile.FullName}"])
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("chromium did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var dom = await stdout;
            return process.ExitCode == 0
                ? dom
                : throw new InvalidOperationException($"chromium exited with code {process.ExitCode}:{Environment.NewLine}{await stderr}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }

            TryDelete(profile);
        }
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helper processes may still hold files for a moment; a temp profile left behind is harmless.
        }
    }
}
