namespace Tributary.Server.Webhooks;

/// <summary>What a delivery asks for: work to queue, nothing (and why), or nothing because it is malformed (and what is wrong).</summary>
internal sealed record WebhookParse
{
    private WebhookParse(WebhookWork? work, string? ignoredBecause, string? problem)
    {
        Work = work;
        IgnoredBecause = ignoredBecause;
        Problem = problem;
    }

    /// <summary>The work to queue, when there is some.</summary>
    public WebhookWork? Work { get; }

    /// <summary>Why a well-formed delivery asks for nothing (answered 204).</summary>
    public string? IgnoredBecause { get; }

    /// <summary>What is wrong with a malformed delivery (answered 400).</summary>
    public string? Problem { get; }

    /// <summary>A delivery asking for <paramref name="work"/>.</summary>
    public static WebhookParse Queue(WebhookWork work) => new(work, null, null);

    /// <summary>A delivery that asks for nothing.</summary>
    public static WebhookParse Ignore(string because) => new(null, because, null);

    /// <summary>A malformed delivery.</summary>
    public static WebhookParse Invalid(string problem) => new(null, null, problem);
}
