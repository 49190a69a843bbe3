using System.Globalization;

namespace Tributary.Server.Webhooks;

/// <summary>
/// Settings of <c>POST /webhooks/gitlab</c> and its work queue, read once at start-up from the environment:
/// the endpoint is on only when <see cref="SecretVariable"/> is set.
/// </summary>
internal sealed class WebhookOptions
{
    /// <summary>The variable holding the secret token GitLab sends in <c>X-Gitlab-Token</c>.</summary>
    public const string SecretVariable = "TRIBUTARY_WEBHOOK_SECRET";

    /// <summary>The variable setting <see cref="QueueCapacity"/>.</summary>
    public const string QueueCapacityVariable = "TRIBUTARY_WEBHOOK_QUEUE_CAPACITY";

    /// <summary>The variable setting <see cref="Workers"/>.</summary>
    public const string WorkersVariable = "TRIBUTARY_WEBHOOK_WORKERS";

    /// <summary>The variable setting <see cref="MaxBodyBytes"/>.</summary>
    public const string MaxBodyBytesVariable = "TRIBUTARY_WEBHOOK_MAX_BODY_BYTES";

    /// <summary>The secret GitLab must send, or <see langword="null"/> when the endpoint is off.</summary>
    public string? Secret { get; set; }

    /// <summary>How many accepted items may wait to be worked on; beyond it deliveries answer 503.</summary>
    public int QueueCapacity { get; set; } = 100;

    /// <summary>How many items run at once (never two of the same merge request).</summary>
    public int Workers { get; set; } = 2;

    /// <summary>The largest body accepted; a larger one answers 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a delivery (and a note) is remembered, so a redelivery is not done twice.</summary>
    public TimeSpan DeliveryMemory { get; set; } = TimeSpan.FromHours(24);

    /// <summary>What <c>Retry-After</c> says when the queue is full or the host is stopping.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a replica's hold on a merge request lasts in Redis unless renewed (it is renewed while work runs).</summary>
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a mention waiting for another replica's work on the same merge request tries again.</summary>
    public TimeSpan LockRetryInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The user name whose mention in a merge request note asks for an answer.</summary>
    public string MentionName { get; set; } = "tributary";

    /// <summary>Whether the endpoint is on.</summary>
    public bool Enabled => Secret is not null;

    /// <summary>Unparsable values of the numeric variables, reported by <see cref="WebhookOptionsValidator"/>.</summary>
    internal List<string> VariableErrors { get; } = [];

    /// <summary>Reads the variables through <paramref name="readVariable"/>; an unset one keeps its default.</summary>
    public void Read(Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(readVariable);
        Secret = readVariable(SecretVariable) is { Length: > 0 } secret ? secret : null;
        QueueCapacity = (int)ReadNumber(readVariable, QueueCapacityVariable, QueueCapacity);
        Workers = (int)ReadNumber(readVariable, WorkersVariable, Workers);
        MaxBodyBytes = ReadNumber(readVariable, MaxBodyBytesVariable, MaxBodyBytes);
    }

    private long ReadNumber(Func<string, string?> readVariable, string name, long fallback)
    {
        if (readVariable(name) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= int.MaxValue)
        {
            return value;
        }

        VariableErrors.Add($"{name} is '{text}', not a whole number; set it to a positive whole number such as {fallback.ToString(CultureInfo.InvariantCulture)}, or unset it");
        return fallback;
    }
}
