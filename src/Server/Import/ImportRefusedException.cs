namespace Tributary.Server.Import;

/// <summary>An entry of a client file that cannot become a registry entry; the message says why, for the user.</summary>
internal sealed class ImportRefusedException(string message) : Exception(message);
