using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Configuration;

namespace Tributary.Server.Reload;

/// <summary>
/// Reloads the configuration when <c>tributary.yml</c> or an agent file changes (when watching is on) and on
/// <c>SIGHUP</c>: requests are coalesced, and a reload starts once the files have been quiet for <see cref="Debounce"/>,
/// since editors save in several steps. One reload runs at a time, on this service's own loop, awaited on shutdown.
/// </summary>
internal sealed partial class ConfigReloadMonitor(ConfigReloader reloader, TributaryConfigProvider configs, ConfigReloadOptions options, TimeProvider time, ILogger<ConfigReloadMonitor> logger) : BackgroundService
{
    /// <summary>How long the files must stay unchanged before a reload reads them.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <summary>The cause logged for a reload a file change asked for.</summary>
    public const string FileChangeCause = "file changed";

    /// <summary>The cause logged for a reload <c>SIGHUP</c> asked for.</summary>
    public const string SignalCause = "SIGHUP";

    // One pending request is enough: the reload it starts reads the files as they are by then.
    private readonly Channel<string> _requests = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private ConfigFileWatch? _watch;
    private string? _watchedAgents;
    private PosixSignalRegistration? _signal;

    /// <summary>Asks for a reload; the signal handler and the file watch call this, and so may anything else.</summary>
    public void RequestReload(string cause)
    {
        LogRequested(cause);
        _requests.Writer.TryWrite(cause);
    }

    /// <summary>
    /// Handles SIGHUP and starts the file watch before the host counts as started (the loop itself runs on the thread
    /// pool), so a change made right after start-up is never missed.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _signal = RegisterSignal();
        Watch(configs.Current);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _signal?.Dispose();
        _watch?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _requests.Reader.WaitToReadAsync(stoppingToken))
            {
                var cause = await _requests.Reader.ReadAsync(stoppingToken);
                await Task.Delay(Debounce, time, stoppingToken);

                // Changes during the pause are read by this reload.
                while (_requests.Reader.TryRead(out var later))
                {
                    cause = later == cause ? cause : $"{cause}, {later}";
                }

                try
                {
                    await reloader.ReloadAsync(cause, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(cause, e.Message);
                }

                Watch(configs.Current);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _signal?.Dispose();
            _watch?.Dispose();
        }
    }

    private PosixSignalRegistration? RegisterSignal()
    {
        try
        {
            return PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                // Handled: SIGHUP's default action would end the process.
                context.Cancel = true;
                RequestReload(SignalCause);
            });
        }
        catch (Exception e) when (e is PlatformNotSupportedException or IOException)
        {
            LogNoSignal(e.Message);
            return null;
        }
    }

    // (Re)starts the file watch when it is on and the agents folder moved (or at start).
    private void Watch(TributaryConfig config)
    {
        if (!options.WatchFiles || ConfigFileWatch.Key(config.Agents.Directory) == _watchedAgents)
        {
            return;
        }

        _watch?.Dispose();
        _watch = null;
        try
        {
            _watch = new ConfigFileWatch(reloader.Path, config.Agents.Directory, () => RequestReload(FileChangeCause));
            _watchedAgents = ConfigFileWatch.Key(config.Agents.Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            LogWatchFailed(reloader.Path, e.Message);
        }
    }

    [LoggerMessage(8005, LogLevel.Debug, "Configuration reload requested: {Cause}")]
    private partial void LogRequested(string cause);

    [LoggerMessage(8006, LogLevel.Error, "Configuration reload ({Cause}) failed: {Reason}; the last good configuration keeps serving")]
    private partial void LogFailed(string cause, string reason);

    [LoggerMessage(8007, LogLevel.Warning, "Watching {Path} for changes failed: {Reason}; send SIGHUP to reload instead")]
    private partial void LogWatchFailed(string path, string reason);

    [LoggerMessage(8008, LogLevel.Warning, "SIGHUP cannot be handled here ({Reason}); configuration reloads follow file changes only")]
    private partial void LogNoSignal(string reason);
}
