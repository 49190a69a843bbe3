using Microsoft.Extensions.Logging;

namespace Tributary.McpClientRegistry.Connections;

public sealed partial class McpConnectionManager
{
    [LoggerMessage(1201, LogLevel.Information, "MCP server {ServerName} added by a configuration reload")]
    private partial void LogServerAdded(string serverName);

    [LoggerMessage(1202, LogLevel.Information, "MCP server {ServerName} removed by a configuration reload: disconnected")]
    private partial void LogServerRemoved(string serverName);

    [LoggerMessage(1203, LogLevel.Information, "MCP server {ServerName} reconfigured by a configuration reload: its old connection was closed")]
    private partial void LogServerReconfigured(string serverName);
}
