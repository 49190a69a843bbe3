namespace Tributary.Server.Import;

/// <summary>What importing one client file produced.</summary>
/// <param name="Source">The file, as given.</param>
/// <param name="Client">Which client's format it was.</param>
/// <param name="Servers">The entries converted, in file order.</param>
/// <param name="Variables">Every environment variable the converted entries read, with where its value comes from.</param>
/// <param name="Skipped">The entries not converted, each with the reason.</param>
/// <param name="Ignored">Fields of converted entries that Tributary has no use for.</param>
internal sealed record ImportResult(
    string Source,
    string Client,
    IReadOnlyList<ImportedServer> Servers,
    IReadOnlyList<ImportNote> Variables,
    IReadOnlyList<ImportNote> Skipped,
    IReadOnlyList<ImportNote> Ignored);
