using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;

namespace Tributary.Server.Security;

/// <summary>An empty authentication configuration: Tributary's schemes are configured from <c>tributary.yml</c>, never from app settings.</summary>
internal sealed class NoAuthenticationConfiguration : IAuthenticationConfigurationProvider
{
    /// <inheritdoc />
    public IConfiguration AuthenticationConfiguration { get; } = new ConfigurationBuilder().Build();
}
