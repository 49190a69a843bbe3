namespace Tributary.TestSupport.FakeModel;

/// <summary>One message of a chat request as the fake received it.</summary>
/// <param name="Role">system, user, assistant or tool.</param>
/// <param name="Content">Its text (a tool message's result), or empty.</param>
/// <param name="ToolCalls">For an assistant message, the names of the tools it called.</param>
public sealed record FakeModelMessage(string Role, string Content, IReadOnlyList<string> ToolCalls);
