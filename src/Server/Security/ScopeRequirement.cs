using Microsoft.AspNetCore.Authorization;

namespace Tributary.Server.Security;

/// <summary>An access token must grant <paramref name="Scope"/>; <paramref name="What"/> names what needs it, for the refusal's message.</summary>
internal sealed record ScopeRequirement(string Scope, string What) : IAuthorizationRequirement;
