using System.Globalization;
using Microsoft.Extensions.Options;

namespace Tributary.Server.Webhooks;

/// <summary>Checks <see cref="WebhookOptions"/> at start-up and names every wrong variable and how to fix it.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    /// <summary>The largest <see cref="WebhookOptions.Workers"/> accepted.</summary>
    public const int MaxWorkers = 64;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(options.VariableErrors);
        if (options.QueueCapacity < 1)
        {
            errors.Add(Range(WebhookOptions.QueueCapacityVariable, options.QueueCapacity, "at least 1 (the default is 100)"));
        }

        if (options.Workers is < 1 or > MaxWorkers)
        {
            errors.Add(Range(WebhookOptions.WorkersVariable, options.Workers, $"between 1 and {MaxWorkers} (the default is 2)"));
        }

        if (options.MaxBodyBytes < 1024)
        {
            errors.Add(Range(WebhookOptions.MaxBodyBytesVariable, options.MaxBodyBytes, "at least 1024 (the default is 1048576, 1 MiB)"));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Range(string variable, long value, string range) =>
        string.Create(CultureInfo.InvariantCulture, $"{variable} is {value}; set it to {range}, or unset it");
}
