using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Server.Cli;

/// <summary>Finds the registry entry an <c>tributary auth</c> command names, or says why it cannot act on it.</summary>
internal static class AuthServer
{
    /// <summary>The <c>auth_type: oauth</c> server named <paramref name="name"/>; <see langword="null"/> after writing the error.</summary>
    public static McpServerConfig? Find(RegistryConfig registry, string name, CliContext context)
    {
        if (registry.Find(name) is not { } server)
        {
            var hint = DidYouMean.Suggest(name, registry.Servers.Select(s => s.Name)) is { } near ? $"; did you mean '{near}'?" : string.Empty;
            context.Error.WriteLine($"error: the registry ({registry.SourcePath}) has no server named '{name}'{hint}");
            return null;
        }

        if (server.AuthType != McpAuthKind.OAuth)
        {
            context.Error.WriteLine($"error: server '{name}' does not use OAuth (auth_type is '{KindNames.Of(server.AuthType)}'); set 'auth_type: oauth' to log in to it");
            return null;
        }

        return server;
    }
}
