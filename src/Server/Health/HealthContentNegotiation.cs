using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Tributary.Server.Health;

/// <summary>Decides whether <c>/health</c> answers with the HTML page or with JSON.</summary>
internal static class HealthContentNegotiation
{
    /// <summary>
    /// True when <c>Accept</c> names <c>text/html</c> with a higher quality than <c>application/json</c>, as browsers do.
    /// Anything else (no <c>Accept</c>, <c>*/*</c>, a tie) gets JSON: curl and orchestrators keep the machine format.
    /// </summary>
    public static bool PrefersHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.GetTypedHeaders().Accept;
        return Quality(accept, "text/html") > Quality(accept, "application/json");
    }

    private static double Quality(IList<MediaTypeHeaderValue> accept, string mediaType)
    {
        var best = 0.0;
        foreach (var value in accept)
        {
            if (value.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            {
                best = Math.Max(best, value.Quality ?? 1.0);
            }
        }

        return best;
    }
}
