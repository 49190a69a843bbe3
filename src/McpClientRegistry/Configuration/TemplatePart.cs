namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// A piece of a value with <c>${VAR}</c> references: literal text, or a variable with an optional
/// default (<c>${VAR:-default}</c>).
/// </summary>
/// <param name="Text">The literal text, or the variable name.</param>
/// <param name="IsVariable">Whether this part is a variable reference.</param>
/// <param name="Default">The default of <c>${VAR:-default}</c>, used when the variable is unset or empty.</param>
public readonly record struct TemplatePart(string Text, bool IsVariable, string? Default);
