namespace Tributary.Server.Tests.Deploy;

/// <summary>What a <c>docker</c> command did.</summary>
/// <param name="ExitCode">Its exit code (-1 when it was killed).</param>
/// <param name="Output">Its stdout.</param>
/// <param name="Error">Its stderr.</param>
/// <param name="TimedOut">Whether it was killed for taking too long.</param>
internal sealed record DockerRun(int ExitCode, string Output, string Error, bool TimedOut);
