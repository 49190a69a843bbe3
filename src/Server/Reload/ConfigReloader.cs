using Microsoft.Extensions.Logging;
using Tributary.Agents.Configuration;
using Tributary.McpClientRegistry.Connections;
using Tributary.Server.Cli;

namespace Tributary.Server.Reload;

/// <summary>
/// Does one reload: loads and checks the whole configuration (<c>tributary.yml</c> and the agent files) with the same
/// loader as at start, and only when it is valid applies it: the registry to the connection manager (which diffs it
/// against the one in effect), then the agents and models. A configuration with errors is rejected as a whole; the last
/// good one keeps serving and <see cref="Status"/> shows the errors until a good one lands.
/// </summary>
internal sealed partial class ConfigReloader
{
    private readonly TributaryConfig _started;
    private readonly TributaryConfigProvider _configs;
    private readonly McpConnectionManager _manager;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private ReloadStatus _status;

    public ConfigReloader(TributaryConfig started, TributaryConfigProvider configs, McpConnectionManager manager, TimeProvider time, ILogger<ConfigReloader> logger)
    {
        _started = started;
        _configs = configs;
        _manager = manager;
        _time = time;
        _logger = logger;
        _status = new ReloadStatus(ReloadStatus.Loaded, started.SourcePath, time.GetUtcNow(), null, [], []);
    }

    /// <summary>The configuration file reloads read (the one given at start).</summary>
    public string Path => _started.SourcePath;

    /// <summary>The outcome of the last reload, for <c>/health</c>.</summary>
    public ReloadStatus Status => Volatile.Read(ref _status);

    /// <summary>Loads, checks and, when valid, applies the configuration; <paramref name="cause"/> says why, for the log.</summary>
    public async Task ReloadAsync(string cause, CancellationToken cancellationToken)
    {
        var attempted = _time.GetUtcNow();
        var result = TributaryConfigLoader.Load(Path);
        if (!result.IsValid)
        {
            // The status first: whoever reads the log and then /health sees the reload that was logged.
            Volatile.Write(ref _status, Status with { State = ReloadStatus.Failed, LastAttempt = attempted, Errors = [.. result.Errors.Select(e => e.ToString())] });
            foreach (var error in result.Errors)
            {
                LogRejectedError(error.ToString());
            }

            LogRejected(Path, cause, Plural.Of(result.Errors.Count, "error"));
            return;
        }

        var next = result.Config;
        var previous = _configs.Current;
        var changes = await _manager.ApplyAsync(next.Registry, cancellationToken);
        _configs.Update(next);

        var restartNeeded = RestartOnlyChanges.Between(_started, next);
        foreach (var field in restartNeeded.Except(RestartOnlyChanges.Between(_started, previous)))
        {
            LogRestartNeeded(field, Path);
        }

        Volatile.Write(ref _status, new ReloadStatus(ReloadStatus.Applied, Path, attempted, attempted, [], [.. restartNeeded.Select(f => $"{f} changed: restart Tributary to apply it")]));
        LogApplied(Path, cause, Names(changes.Added), Names(changes.Removed), Names(changes.Changed), Names(AgentNames(next).Except(AgentNames(previous))), Names(AgentNames(previous).Except(AgentNames(next))));
    }

    private static IEnumerable<string> AgentNames(TributaryConfig config) => config.Agents.All.Select(a => a.Name);

    private static string Names(IEnumerable<string> names) => string.Join(", ", names) is { Length: > 0 } list ? list : "none";

    [LoggerMessage(8001, LogLevel.Information, "Configuration reloaded from {Path} ({Cause}): servers added: {Added}; removed: {Removed}; changed: {Changed}; agents added: {AgentsAdded}; agents removed: {AgentsRemoved}")]
    private partial void LogApplied(string path, string cause, string added, string removed, string changed, string agentsAdded, string agentsRemoved);

    [LoggerMessage(8002, LogLevel.Error, "Configuration reload rejected: {Error}")]
    private partial void LogRejectedError(string error);

    [LoggerMessage(8003, LogLevel.Error, "Configuration reload from {Path} ({Cause}) rejected with {Errors}; the last good configuration keeps serving")]
    private partial void LogRejected(string path, string cause, string errors);

    [LoggerMessage(8004, LogLevel.Warning, "{Field} changed in {Path}, but it applies only at start: restart Tributary to apply it")]
    private partial void LogRestartNeeded(string field, string path);
}
