using System.Globalization;
using Microsoft.Extensions.Options;

namespace Tributary.Server.Limits;

/// <summary>Checks <see cref="LimitOptions"/> at start-up and names every wrong variable, its range and its default.</summary>
internal sealed class LimitOptionsValidator : IValidateOptions<LimitOptions>
{
    /// <summary>The smallest body limit accepted: an <c>initialize</c> request alone is about 300 bytes.</summary>
    public const long MinBodyBytes = 1024;

    /// <summary>The largest body limit accepted (1 GiB): a body is held in memory while it is read.</summary>
    public const long MaxBodyBytes = 1024L * 1024 * 1024;

    /// <summary>The longest idle timeout and relay timeout accepted, in seconds (a day).</summary>
    public const long MaxSeconds = 24 * 60 * 60;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(options.VariableErrors);
        Check(errors, LimitOptions.McpMaxBodyBytesVariable, options.McpMaxBodyBytes, MinBodyBytes, MaxBodyBytes, "4194304, 4 MiB");
        Check(errors, LimitOptions.AgentsMaxBodyBytesVariable, options.AgentsMaxBodyBytes, MinBodyBytes, MaxBodyBytes, "262144, 256 KiB");
        Check(errors, LimitOptions.MaxSessionsVariable, options.MaxSessions, 1, 100_000, "256");
        Check(errors, LimitOptions.SessionIdleSecondsVariable, (long)options.SessionIdleTimeout.TotalSeconds, 1, MaxSeconds, "1800, 30 minutes");
        Check(errors, LimitOptions.AgentRunsVariable, options.AgentRuns, 1, 256, "4");
        Check(errors, LimitOptions.AgentRunQueueVariable, options.AgentRunQueue, 0, 10_000, "16");
        Check(errors, LimitOptions.RelaySecondsVariable, (long)options.RelayTimeout.TotalSeconds, 1, MaxSeconds, "120, 2 minutes");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string variable, long value, long min, long max, string defaultValue)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{variable} is {value}; set it to between {min} and {max} (the default is {defaultValue}), or unset it"));
        }
    }
}
