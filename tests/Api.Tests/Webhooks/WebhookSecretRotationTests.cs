using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.TestSupport.Webhooks;
using TicketPlatform.Webhooks;

namespace TicketPlatform.Api.Tests.Webhooks;

/// <summary>During the overlap after a rotation every delivery carries two signatures, one per secret.</summary>
public abstract class WebhookSecretRotationTests(ApiFixture fixture) : WebhookTestBase(fixture)
{
    [Fact]
    public async Task After_a_rotation_deliveries_verify_with_the_old_and_with_the_new_secret()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await Register(admin, receiver, ["TICKET_CREATED"]);
        var before = (await Acknowledged(receiver, (await CreateTicket(await NewUser())).Number, [1])).Single();
        Assert.Single(before.Signature.Split(' '));

        var rotated = await (await admin.Client.PostAsync($"/api/webhooks/{webhook.Id}/rotate-secret", null)).Read<WebhookView>();
        var after = (await Acknowledged(receiver, (await CreateTicket(await NewUser())).Number, [1])).Single();

        Assert.Equal(2, after.Signature.Split(' ').Length);
        SignatureCheck.AssertSignedWith(after, webhook.Secret!);
        SignatureCheck.AssertSignedWith(after, rotated.Secret!);
        Assert.True(rotated.PreviousSecretExpiresAt > DateTimeOffset.UtcNow.AddHours(23));
        Assert.False(SignatureCheck.SignedWith(after, "whsec_" + Convert.ToBase64String(new byte[32])), "A secret never issued verifies nothing");
        await Unregister(admin, webhook);
    }
}

[Collection(nameof(SqliteWebhookApi))]
public sealed class SqliteWebhookSecretRotationTests(SqliteWebhookApi fixture) : WebhookSecretRotationTests(fixture);

[Collection(nameof(PostgresWebhookApi))]
public sealed class PostgresWebhookSecretRotationTests(PostgresWebhookApi fixture) : WebhookSecretRotationTests(fixture);
