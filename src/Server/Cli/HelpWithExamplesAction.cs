using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Tributary.Server.Cli;

/// <summary><c>--help</c>: System.CommandLine's help, then the command's examples from <see cref="CommandExamples"/>.</summary>
internal sealed class HelpWithExamplesAction(HelpAction help, CliContext context) : SynchronousCommandLineAction
{
    /// <inheritdoc/>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        int exitCode = help.Invoke(parseResult);
        var examples = CommandExamples.For(parseResult.CommandResult.Command);
        if (examples.Count > 0)
        {
            context.Output.WriteLine("Examples:");
            foreach (string example in examples)
            {
                context.Output.WriteLine($"  {example}");
            }

            context.Output.WriteLine();
        }

        return exitCode;
    }
}
