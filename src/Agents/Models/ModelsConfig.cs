namespace Tributary.Agents.Models;

/// <summary>The <c>models</c> section: the chat models agents may use, and the default one.</summary>
/// <param name="Entries">Every model, in file order.</param>
public sealed record ModelsConfig(IReadOnlyList<ModelConfig> Entries)
{
    /// <summary>No models configured.</summary>
    public static ModelsConfig Empty { get; } = new([]);

    /// <summary>The model agents use when they name none: the one marked <c>default: true</c>, or the only one.</summary>
    public ModelConfig? Default => Entries.FirstOrDefault(m => m.IsDefault) ?? (Entries.Count == 1 ? Entries[0] : null);

    /// <summary>The model named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public ModelConfig? Find(string name) => Entries.FirstOrDefault(m => m.Name == name);
}
