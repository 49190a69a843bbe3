namespace Tributary.TestSupport.InProcess;

/// <summary>A header every request must carry; requests without it (or with another value) get 401.</summary>
/// <param name="Name">The header name, such as <c>Authorization</c>.</param>
/// <param name="Value">The exact value expected, such as <c>Bearer s3cret</c>.</param>
public sealed record RequiredHeader(string Name, string Value);
