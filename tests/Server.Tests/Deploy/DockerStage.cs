namespace Tributary.Server.Tests.Deploy;

/// <summary>One <c>FROM</c> section.</summary>
/// <param name="Base">The image or earlier stage it starts from.</param>
/// <param name="Name">Its <c>AS</c> name, if any.</param>
/// <param name="Instructions">Its instructions after <c>FROM</c>.</param>
internal sealed record DockerStage(string Base, string? Name, IReadOnlyList<DockerInstruction> Instructions);
