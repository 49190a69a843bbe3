using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Tributary.McpClientRegistry.Authorization;

/// <summary>
/// Keeps each OAuth server's tokens: encrypted at rest with ASP.NET Core Data Protection under the user's data
/// directory (<see cref="DataDirectory"/>), or only in memory for a one-off check (<c>tributary servers try</c>).
/// </summary>
/// <remarks>
/// Nothing is created on disk until a token is read or written, which happens only for <c>auth_type: oauth</c> servers:
/// a registry without them leaves the user's home untouched.
/// </remarks>
public sealed class TokenStore : IDisposable
{
    private const string Purpose = "Tributary.UpstreamTokens.v1";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string? _directory;
    private readonly ConcurrentDictionary<string, StoredTokens> _memory = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private ServiceProvider? _services;
    private IDataProtector? _protector;

    private TokenStore(string? directory) => _directory = directory;

    /// <summary>The directory tokens are kept in; <see langword="null"/> for a store in memory.</summary>
    public string? Directory => _directory;

    /// <summary>A store under <paramref name="directory"/>: <c>tokens/</c> for the tokens, <c>keys/</c> for the key ring.</summary>
    public static TokenStore InDirectory(string directory) => new(Path.GetFullPath(directory));

    /// <summary>A store that forgets everything when the process ends.</summary>
    public static TokenStore InMemory() => new(null);

    /// <summary>Whether tokens are kept for <paramref name="server"/>.</summary>
    public bool Has(string server) => Load(server) is not null;

    /// <summary>Forgets <paramref name="server"/>'s tokens; <see langword="false"/> when there were none.</summary>
    public bool Forget(string server)
    {
        bool had = _memory.TryRemove(server, out _);
        if (_directory is null)
        {
            return had;
        }

        string path = FileOf(server);
        if (!File.Exists(path))
        {
            return had;
        }

        File.Delete(path);
        return true;
    }

    internal StoredTokens? Load(string server)
    {
        if (_directory is null)
        {
            return _memory.TryGetValue(server, out var kept) ? kept : null;
        }

        string path = FileOf(server);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            byte[] clear = Protector().Unprotect(File.ReadAllBytes(path));
            return JsonSerializer.Deserialize(clear, TokenStoreJsonContext.Default.StoredTokens);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            // Keys lost or file damaged: the tokens are unusable, and a new login replaces them.
            return null;
        }
    }

    internal void Save(string server, StoredTokens tokens)
    {
        if (_directory is null)
        {
            _memory[server] = tokens;
            return;
        }

        byte[] sealedBytes = Protector().Protect(JsonSerializer.SerializeToUtf8Bytes(tokens, TokenStoreJsonContext.Default.StoredTokens));
        string path = FileOf(server);
        // serve and a command may store at once: each writes its own file, and the move makes one of them whole.
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, sealedBytes);
        File.Move(temporary, path, overwrite: true);
    }

    private string FileOf(string server) => Path.Combine(_directory!, "tokens", server + ".token");

    private IDataProtector Protector()
    {
        lock (_gate)
        {
            if (_protector is not null)
            {
                return _protector;
            }

            string keys = Path.Combine(_directory!, "keys");
            CreatePrivate(_directory!);
            CreatePrivate(keys);
            CreatePrivate(Path.Combine(_directory!, "tokens"));
            var services = new ServiceCollection();
            services.AddDataProtection()
                .SetApplicationName("tributary")
                .PersistKeysToFileSystem(new DirectoryInfo(keys));
            _services = services.BuildServiceProvider();
            _protector = _services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
            return _protector;
        }
    }

    // Only the user may read the key ring and the tokens; Data Protection has no key encryption of its own on Linux.
    private static void CreatePrivate(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(directory, OwnerOnly);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _services?.Dispose();
            _services = null;
            _protector = null;
        }
    }
}
