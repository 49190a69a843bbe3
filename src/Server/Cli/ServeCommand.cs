using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Server.Host;
using Tributary.Server.Security;

namespace Tributary.Server.Cli;

/// <summary><c>tributary serve [--urls URLS] [--allow-anonymous]</c>: runs the host (<c>/mcp</c>, <c>/health</c>) until Ctrl+C.</summary>
internal static class ServeCommand
{
    /// <summary>Creates the command; a bare <c>tributary</c> runs it too, so the root takes <paramref name="serveOptions"/> as well.</summary>
    public static Command Create(GlobalOptions options, ServeOptions serveOptions, CliContext context)
    {
        var command = new Command("serve", "Serve every registry server's tools at /mcp and their health at /health");
        serveOptions.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRun.CatchCancellationAsync(
            context,
            token => RunAsync(parseResult, options, serveOptions, context, token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions options, ServeOptions serveOptions, CliContext context, CancellationToken cancellationToken)
    {
        if (ConfigFile.Load(parseResult, options, context) is not { } config)
        {
            return ExitCodes.Failure;
        }

        var verbose = parseResult.GetValue(options.Verbose);
        var hostOptions = new TributaryHostOptions
        {
            Config = config,
            Urls = serveOptions.Urls(parseResult, context, config.Host),
            AllowAnonymous = serveOptions.AllowAnonymous(parseResult),
            WatchConfig = true,
            ReadVariable = context.ReadVariable,
            ConfigureLogging = logging => ServeLogging.Configure(logging, verbose),
            Web = serveOptions.Web(parseResult),
        };

        await using var app = TributaryHost.Build(hostOptions);
        var exposure = app.Services.GetRequiredService<ExposureGuard>();
        try
        {
            // Ctrl+C once started is the normal way to stop a server: a graceful stop and exit code 0.
            await app.RunAsync(cancellationToken);
        }
        catch (IOException e)
        {
            // Kestrel reports a taken port this way; one line, not a stack trace.
            context.Error.WriteLine($"error: cannot listen on {hostOptions.Urls}: {e.Message}");
            return ExitCodes.Failure;
        }

        if (exposure.Refusal is { } refusal)
        {
            context.Error.WriteLine($"error: {refusal}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }
}
