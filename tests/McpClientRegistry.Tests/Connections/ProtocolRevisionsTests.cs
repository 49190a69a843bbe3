using Tributary.McpClientRegistry.Connections;

namespace Tributary.McpClientRegistry.Tests.Connections;

public sealed class ProtocolRevisionsTests
{
    [Theory]
    [InlineData("Server protocol version mismatch. Expected 2025-11-25, got 2025-03-26", "2025-11-25", "2025-03-26")]
    [InlineData("Server protocol version mismatch. Expected 2025-11-25, got 2024-11-05", "2025-11-25", "2024-11-05")]
    [InlineData("Server protocol version mismatch. Expected 2025-06-18, got 2025-11-25", "2025-06-18", null)]
    [InlineData("Server protocol version mismatch. Expected 2025-11-25, got 1999-01-01", "2025-11-25", null)]
    [InlineData("Server protocol version mismatch. Expected 2025-11-25, got 2025-03-26", "2025-03-26", null)]
    [InlineData("Request failed (remote): got 2025-03-26", "2025-11-25", null)]
    public void OlderAnswered_ReadsOnlyAnOlderRevisionTributarySpeaks(string refusal, string asked, string? expected) =>
        Assert.Equal(expected, ProtocolRevisions.OlderAnswered(refusal, asked));
}
