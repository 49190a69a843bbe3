using Microsoft.Extensions.Logging;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Connections;

internal sealed partial class McpServerConnection
{
    [LoggerMessage(1001, LogLevel.Debug, "Connecting to MCP server {ServerName} over {Transport}")]
    private partial void LogConnecting(string serverName, string transport);

    [LoggerMessage(1002, LogLevel.Information, "Connected to MCP server {ServerName} in {ElapsedMs} ms: {ToolCount} tools")]
    private partial void LogConnected(string serverName, long elapsedMs, int toolCount);

    [LoggerMessage(1003, LogLevel.Warning, "MCP server {ServerName} failed: {Reason}")]
    private partial void LogFailed(string serverName, string reason);

    [LoggerMessage(1004, LogLevel.Warning, "MCP server {ServerName} is not configured: {Reason}")]
    private partial void LogNotConfigured(string serverName, string reason);

    [LoggerMessage(1005, LogLevel.Warning, "Connection to MCP server {ServerName} ended: {Reason}")]
    private partial void LogSessionEnded(string serverName, string reason);

    [LoggerMessage(1006, LogLevel.Information, "Sending {Method} to MCP server {ServerName} again on a new connection: the old session rejected it unprocessed ({Reason})")]
    private partial void LogReplaying(string serverName, string method, string reason);

    [LoggerMessage(1007, LogLevel.Information, "Restarting MCP server {ServerName} in {Delay}")]
    private partial void LogRestarting(string serverName, string delay);

    [LoggerMessage(1008, LogLevel.Debug, "MCP server {ServerName} stderr: {Line}")]
    private partial void LogStderr(string serverName, string line);

    [LoggerMessage(1009, LogLevel.Debug, "MCP server {ServerName} changed its lists: now {ToolCount} tools")]
    private partial void LogListingRefreshed(string serverName, int toolCount);

    [LoggerMessage(1010, LogLevel.Warning, "MCP server {ServerName} announced a change but listing it failed: {Reason}")]
    private partial void LogListingRefreshFailed(string serverName, string reason);

    [LoggerMessage(1011, LogLevel.Debug, "Closing the connection to MCP server {ServerName} failed: {Reason}")]
    private partial void LogCloseFailed(string serverName, string reason);
}
