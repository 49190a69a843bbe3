using System.Diagnostics;

namespace Tributary.Benchmarks;

/// <summary>
/// A real <c>tributary serve</c> in its own process (so its CPU and memory are its own), on a
/// loopback port, with a registry written for the run.
/// </summary>
internal sealed class TributaryProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private TributaryProcess(Process process, string directory, Uri baseUrl, TimeSpan timeToReady)
    {
        _process = process;
        _directory = directory;
        BaseUrl = baseUrl;
        TimeToReady = timeToReady;
    }

    public Uri BaseUrl { get; }

    public Uri McpUrl => new(BaseUrl, "/mcp");

    public TimeSpan TimeToReady { get; }

    public int Pid => _process.Id;

    public static async Task<TributaryProcess> StartAsync(string registryYaml, int port, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("tributary-bench-").FullName;
        var config = Path.Combine(directory, "tributary.yml");
        await File.WriteAllTextAsync(config, registryYaml, cancellationToken);
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "tributary.dll"), "serve", "--config", config, "--urls", baseUrl.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var started = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start tributary");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"tributary exited with code {process.ExitCode} before it was ready");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(baseUrl, "/health/ready"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (started.Elapsed > TimeSpan.FromSeconds(60))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("tributary was not ready within 60 s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }

        return new TributaryProcess(process, directory, baseUrl, started.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
