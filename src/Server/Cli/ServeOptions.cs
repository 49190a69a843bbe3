using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Tributary.Agents.Configuration;
using Tributary.Server.Host;

namespace Tributary.Server.Cli;

/// <summary>
/// The options of <c>tributary serve</c>, which a bare <c>tributary</c> takes too: <c>--urls</c>, <c>--allow-anonymous</c>, and ASP.NET's own
/// host settings <c>--environment</c>, <c>--contentRoot</c> and <c>--applicationName</c>, which every ASP.NET app
/// accepts and <c>WebApplicationFactory</c> passes to the entry point. Those three are hidden from help: Tributary's
/// behaviour depends on none of them.
/// </summary>
internal sealed class ServeOptions
{
    private readonly Option<string?> _urls = new("--urls")
    {
        Description = $"Where to listen, separated by ';' [default: ${TributaryHostOptions.UrlsVariable}, else host.urls in the config file, else {TributaryHostOptions.DefaultUrls}]",
        HelpName = "URLS",
    };

    private readonly Option<bool> _allowAnonymous = new("--allow-anonymous")
    {
        Description = $"Serve even when listening beyond loopback without {Security.SecurityOptions.KeyVariable} (anyone who can reach the port can use every tool); without it, Tributary refuses to start",
    };

    private readonly Option<string?> _environment = Hidden("--environment");
    private readonly Option<string?> _contentRoot = Hidden("--contentRoot");
    private readonly Option<string?> _applicationName = Hidden("--applicationName");

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_urls);
        command.Options.Add(_allowAnonymous);
        command.Options.Add(_environment);
        command.Options.Add(_contentRoot);
        command.Options.Add(_applicationName);
    }

    /// <summary>Where to listen: <c>--urls</c>, else <c>$TRIBUTARY_URLS</c>, else the config file's <c>host.urls</c>, else loopback port 8420.</summary>
    public string Urls(ParseResult parseResult, CliContext context, HostConfig host) =>
        parseResult.GetValue(_urls) is { Length: > 0 } urls ? urls
        : context.ReadVariable(TributaryHostOptions.UrlsVariable) is { Length: > 0 } fromVariable ? fromVariable
        : host.Urls.Count > 0 ? string.Join(';', host.Urls)
        : TributaryHostOptions.DefaultUrls;

    /// <summary>Whether <c>--allow-anonymous</c> was given.</summary>
    public bool AllowAnonymous(ParseResult parseResult) => parseResult.GetValue(_allowAnonymous);

    /// <summary>ASP.NET's host settings as given; those not given keep ASP.NET's defaults.</summary>
    public WebApplicationOptions Web(ParseResult parseResult) => new()
    {
        Args = [],
        EnvironmentName = parseResult.GetValue(_environment),
        ContentRootPath = parseResult.GetValue(_contentRoot),
        ApplicationName = parseResult.GetValue(_applicationName),
    };

    private static Option<string?> Hidden(string name) => new(name) { Hidden = true };
}
