using Microsoft.AspNetCore.Http;
using Tributary.Server.Health;

namespace Tributary.Server.Tests.Health;

public sealed class HealthContentNegotiationTests
{
    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", true)]
    [InlineData("text/html", true)]
    [InlineData("text/html, application/json;q=0.9", true)]
    [InlineData(null, false)]
    [InlineData("*/*", false)]
    [InlineData("application/json", false)]
    [InlineData("application/json, text/html", false)]
    [InlineData("text/html;q=0.5, application/json", false)]
    [InlineData("text/*", false)]
    public void PrefersHtml_Accept_HtmlOnlyWhenItOutranksJson(string? accept, bool expected)
    {
        var context = new DefaultHttpContext();
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        Assert.Equal(expected, HealthContentNegotiation.PrefersHtml(context.Request));
    }
}
