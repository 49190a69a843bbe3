namespace Tributary.Server.Import;

/// <summary>A line of the import's account: a variable to export, an entry not imported, a field left out.</summary>
/// <param name="Subject">The variable or server it is about.</param>
/// <param name="Text">What to know or do.</param>
internal sealed record ImportNote(string Subject, string Text);
