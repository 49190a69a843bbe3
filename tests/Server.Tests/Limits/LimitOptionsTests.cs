using Microsoft.Extensions.Options;
using Tributary.Server.Limits;
using Tributary.Server.Tests.Host;

namespace Tributary.Server.Tests.Limits;

public sealed class LimitOptionsTests
{
    [Fact]
    public async Task Start_BadLimitVariables_RefusesToStartNamingEachVariableItsRangeAndDefault()
    {
        var variables = new Dictionary<string, string>
        {
            [LimitOptions.McpMaxBodyBytesVariable] = "4MB",
            [LimitOptions.AgentsMaxBodyBytesVariable] = "100",
            [LimitOptions.MaxSessionsVariable] = "0",
            [LimitOptions.SessionIdleSecondsVariable] = "-5",
            [LimitOptions.AgentRunsVariable] = "1000",
            [LimitOptions.AgentRunQueueVariable] = "99999",
            [LimitOptions.RelaySecondsVariable] = "0",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningHost.StartAsync(
            string.Empty, options => options with { ReadVariable = variables.GetValueOrDefault }, TestContext.Current.CancellationToken));

        Assert.Equal(
            [
                "TRIBUTARY_MCP_MAX_BODY_BYTES is '4MB', not a whole number; set it to a whole number such as 4194304, or unset it",
                "TRIBUTARY_MCP_SESSION_IDLE_SECONDS is '-5', not a whole number; set it to a whole number such as 1800, or unset it",
                "TRIBUTARY_AGENTS_MAX_BODY_BYTES is 100; set it to between 1024 and 1073741824 (the default is 262144, 256 KiB), or unset it",
                "TRIBUTARY_MCP_MAX_SESSIONS is 0; set it to between 1 and 100000 (the default is 256), or unset it",
                "TRIBUTARY_AGENT_RUNS is 1000; set it to between 1 and 256 (the default is 4), or unset it",
                "TRIBUTARY_AGENT_RUN_QUEUE is 99999; set it to between 0 and 10000 (the default is 16), or unset it",
                "TRIBUTARY_RELAY_TIMEOUT_SECONDS is 0; set it to between 1 and 86400 (the default is 120, 2 minutes), or unset it",
            ],
            error.Failures);
    }

    [Fact]
    public void Read_NothingSet_Defaults()
    {
        var options = new LimitOptions();

        options.Read(_ => null);

        Assert.Equal(
            (4L * 1024 * 1024, 256L * 1024, 256, TimeSpan.FromMinutes(30), 4, 16, TimeSpan.FromMinutes(2)),
            (options.McpMaxBodyBytes, options.AgentsMaxBodyBytes, options.MaxSessions, options.SessionIdleTimeout, options.AgentRuns, options.AgentRunQueue, options.RelayTimeout));
        Assert.True(new LimitOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Read_VariablesSet_Taken()
    {
        var variables = new Dictionary<string, string>
        {
            [LimitOptions.McpMaxBodyBytesVariable] = "2048",
            [LimitOptions.AgentsMaxBodyBytesVariable] = "4096",
            [LimitOptions.MaxSessionsVariable] = "3",
            [LimitOptions.SessionIdleSecondsVariable] = "60",
            [LimitOptions.AgentRunsVariable] = "2",
            [LimitOptions.AgentRunQueueVariable] = "0",
            [LimitOptions.RelaySecondsVariable] = "5",
        };
        var options = new LimitOptions();

        options.Read(variables.GetValueOrDefault);

        Assert.Equal(
            (2048L, 4096L, 3, TimeSpan.FromMinutes(1), 2, 0, TimeSpan.FromSeconds(5)),
            (options.McpMaxBodyBytes, options.AgentsMaxBodyBytes, options.MaxSessions, options.SessionIdleTimeout, options.AgentRuns, options.AgentRunQueue, options.RelayTimeout));
        Assert.True(new LimitOptionsValidator().Validate(null, options).Succeeded);
    }
}
