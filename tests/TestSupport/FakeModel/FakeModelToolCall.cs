namespace Tributary.TestSupport.FakeModel;

/// <summary>A tool call the fake model asks for: the function name as the client listed it, and JSON arguments.</summary>
/// <param name="Name">The function name, e.g. <c>gitlab-get_issue</c>.</param>
/// <param name="ArgumentsJson">The arguments as a JSON object text, e.g. <c>{"a":2,"b":3}</c>.</param>
public sealed record FakeModelToolCall(string Name, string ArgumentsJson);
