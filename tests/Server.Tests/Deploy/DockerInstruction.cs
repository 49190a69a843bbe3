namespace Tributary.Server.Tests.Deploy;

/// <summary>One instruction: the keyword in upper case and the rest of the (joined) line.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments);
