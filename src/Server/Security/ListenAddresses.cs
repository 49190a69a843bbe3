using System.Net;
using Microsoft.AspNetCore.Http;

namespace Tributary.Server.Security;

/// <summary>Decides whether ASP.NET listen addresses (<c>urls</c> format) reach beyond this machine.</summary>
internal static class ListenAddresses
{
    /// <summary>
    /// True when every address in <paramref name="urls"/> (separated by <c>;</c>) is <c>localhost</c> or a
    /// loopback IP; <c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c> and other names count as reachable.
    /// </summary>
    public static bool AreLoopbackOnly(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return addresses.Length > 0 && addresses.All(IsLoopback);
    }

    /// <summary>
    /// True when <paramref name="url"/>, an address Kestrel bound, reaches only this machine: a loopback name or IP, or a
    /// Unix socket or named pipe. Kestrel reports <c>*</c> and <c>+</c> as <c>[::]</c>, which is not.
    /// </summary>
    public static bool IsLocal(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        return binding.IsUnixPipe || binding.IsNamedPipe || IsLoopback(url);
    }

    private static bool IsLoopback(string url)
    {
        string host;
        try
        {
            host = BindingAddress.Parse(url).Host;
        }
        catch (FormatException)
        {
            // Kestrel rejects it at start anyway; until then, assume the worst.
            return false;
        }

        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
