namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// The MCP protocol revisions Tributary tells apart, on <c>/mcp</c> and upstream alike.
/// </summary>
/// <remarks>
/// Public rather than internal with <c>InternalsVisibleTo</c>: the server assembly's <c>/mcp</c> needs the same
/// boundary, and this repository keeps <c>InternalsVisibleTo</c> for test assemblies only.
/// </remarks>
public static class ProtocolRevisions
{
    /// <summary>The newest revision that has the <c>initialize</c> handshake and streamable HTTP sessions.</summary>
    public const string November2025 = "2025-11-25";

    /// <summary>
    /// The first revision without sessions or <c>initialize</c>: every request carries its revision, client capabilities
    /// and client info in <c>_meta</c>, and over HTTP the <c>Mcp-Method</c> and <c>Mcp-Name</c> headers.
    /// </summary>
    public const string July2026 = "2026-07-28";

    /// <summary>
    /// Whether <paramref name="version"/> is <see cref="July2026"/> or later. Revisions are dates, so ordinal order is
    /// their order, and a later revision keeps what made this one session-less.
    /// </summary>
    public static bool IsPerRequest(string? version) =>
        !string.IsNullOrEmpty(version) && string.CompareOrdinal(version, July2026) >= 0;

    /// <summary>The revisions before <see cref="November2025"/> that still have the <c>initialize</c> handshake, newest first.</summary>
    public static IReadOnlyList<string> Older { get; } = ["2025-06-18", "2025-03-26", "2024-11-05"];

    /// <summary>
    /// The older revision a server answered <c>initialize</c> with when asked for <paramref name="asked"/>, read from the
    /// SDK client's refusal ("Server protocol version mismatch. Expected X, got Y"), when it is one Tributary speaks
    /// and older than what was asked; otherwise <see langword="null"/>.
    /// </summary>
    public static string? OlderAnswered(string refusal, string asked)
    {
        const string Got = ", got ";
        var at = refusal.StartsWith("Server protocol version mismatch.", StringComparison.Ordinal) ? refusal.LastIndexOf(Got, StringComparison.Ordinal) : -1;
        var answered = at < 0 ? null : refusal[(at + Got.Length)..].Trim();
        return answered is not null && Older.Contains(answered) && string.CompareOrdinal(answered, asked) < 0 ? answered : null;
    }
}
