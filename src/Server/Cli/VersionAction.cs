using System.CommandLine;
using System.CommandLine.Invocation;

namespace Tributary.Server.Cli;

/// <summary><c>--version</c>: prints <see cref="VersionText.Current"/> rather than System.CommandLine's bare informational version.</summary>
internal sealed class VersionAction(CliContext context) : SynchronousCommandLineAction
{
    /// <inheritdoc/>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        context.Output.WriteLine(VersionText.Current);
        return ExitCodes.Success;
    }
}
