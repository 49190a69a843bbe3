using System.Diagnostics;

namespace Tributary.Server.Cli;

/// <summary>
/// Shows the authorization URL of a login and opens it: with the command of <c>--open-with</c> (given the URL as its
/// last argument, through <c>/bin/sh</c>), else with <c>xdg-open</c> where a desktop is present (DISPLAY or
/// WAYLAND_DISPLAY set), else not at all: the person opens the printed URL.
/// </summary>
internal sealed class LoginUrlOpener(CliContext context, string? openWith)
{
    /// <summary>Prints <paramref name="url"/> and opens it as configured; an opener that fails is reported, not fatal.</summary>
    public async Task PresentAsync(Uri url, CancellationToken cancellationToken)
    {
        context.Error.WriteLine("To authorize Tributary, open this URL in a browser:");
        context.Error.WriteLine($"  {url.AbsoluteUri}");
        var start = Opener(url);
        if (start is null)
        {
            context.Error.WriteLine("Waiting for the authorization server to redirect back...");
            return;
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                context.Error.WriteLine($"warning: '{start.FileName}' exited with {process.ExitCode}; open the URL yourself");
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            context.Error.WriteLine($"warning: cannot open the URL ({e.Message}); open it yourself");
        }
    }

    private ProcessStartInfo? Opener(Uri url)
    {
        if (openWith is { Length: > 0 })
        {
            // The shell splits the command as a person wrote it ("curl -sL"); the URL stays one argument.
            var shell = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            shell.ArgumentList.Add("-c");
            shell.ArgumentList.Add(openWith + " \"$1\" >/dev/null");
            shell.ArgumentList.Add("tributary-open");
            shell.ArgumentList.Add(url.AbsoluteUri);
            return shell;
        }

        bool desktop = context.ReadVariable("DISPLAY") is { Length: > 0 } || context.ReadVariable("WAYLAND_DISPLAY") is { Length: > 0 };
        if (!desktop || OperatingSystem.IsWindows())
        {
            return null;
        }

        var open = new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open") { UseShellExecute = false };
        open.ArgumentList.Add(url.AbsoluteUri);
        return open;
    }
}
