using Microsoft.Extensions.Options;
using Tributary.Server.Tests.Host;
using Tributary.Server.Webhooks;

namespace Tributary.Server.Tests.Webhooks;

public sealed class WebhookOptionsValidatorTests
{
    [Fact]
    public async Task Start_BadWebhookVariables_RefusesToStartNamingEachVariableAndTheFix()
    {
        var variables = new Dictionary<string, string>
        {
            [WebhookOptions.SecretVariable] = "s3cret",
            [WebhookOptions.QueueCapacityVariable] = "lots",
            [WebhookOptions.WorkersVariable] = "0",
            [WebhookOptions.MaxBodyBytesVariable] = "100",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningHost.StartAsync(
            string.Empty, options => options with { ReadVariable = name => variables.GetValueOrDefault(name) }, TestContext.Current.CancellationToken));

        Assert.Equal(
            [
                "TRIBUTARY_WEBHOOK_QUEUE_CAPACITY is 'lots', not a whole number; set it to a positive whole number such as 100, or unset it",
                "TRIBUTARY_WEBHOOK_WORKERS is 0; set it to between 1 and 64 (the default is 2), or unset it",
                "TRIBUTARY_WEBHOOK_MAX_BODY_BYTES is 100; set it to at least 1024 (the default is 1048576, 1 MiB), or unset it",
            ],
            error.Failures);
    }

    [Fact]
    public void Read_VariablesSet_SecretAndNumbersTaken()
    {
        var variables = new Dictionary<string, string>
        {
            [WebhookOptions.SecretVariable] = "s3cret",
            [WebhookOptions.QueueCapacityVariable] = "7",
            [WebhookOptions.WorkersVariable] = "3",
            [WebhookOptions.MaxBodyBytesVariable] = "2048",
        };
        var options = new WebhookOptions();

        options.Read(name => variables.GetValueOrDefault(name));

        Assert.Equal(("s3cret", 7, 3, 2048L), (options.Secret, options.QueueCapacity, options.Workers, options.MaxBodyBytes));
        Assert.True(new WebhookOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Read_NothingSet_OffWithDefaults()
    {
        var options = new WebhookOptions();

        options.Read(_ => null);

        Assert.Equal((null, false, 100, 2, 1024L * 1024), (options.Secret, options.Enabled, options.QueueCapacity, options.Workers, options.MaxBodyBytes));
    }
}
