using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Processes;
using TicketPlatform.TestSupport.Webhooks;

namespace TicketPlatform.Api.Tests.Webhooks;

/// <summary>
/// Deliveries verified by the reference implementation integrators use: the <c>standardwebhooks</c> npm package, run by
/// StandardWebhooksVerifier/verify-standardwebhooks.mjs over the raw requests the receiver wrote to a folder.
/// </summary>
public abstract class StandardWebhooksNpmTests(ApiFixture fixture) : WebhookTestBase(fixture)
{
    private static readonly string VerifierDirectory = Repository.File("tests/Api.Tests/Webhooks/StandardWebhooksVerifier");

    [Fact]
    public async Task Every_delivery_verifies_with_the_standardwebhooks_npm_package_and_a_tampered_one_does_not()
    {
        await InstallVerifier();
        var admin = await NewAdmin();
        var raw = Directory.CreateTempSubdirectory("ticketplatform-webhooks-raw-");
        try
        {
            await using var receiver = await WebhookReceiver.StartAsync(raw.FullName);
            receiver.FailFirst(2);
            var webhook = await Register(admin, receiver);
            var ticket = await TicketWithThreeStatusChangesAndAnInternalNote(admin);
            var publicSeqs = (await Events(admin, ticket.Number)).Where(e => e.Visibility == TicketPlatform.Events.EventVisibility.Public).Select(e => e.Seq);
            var received = await Acknowledged(receiver, ticket.Number, publicSeqs);
            await Unregister(admin, webhook);

            Assert.Equal(["TICKET_CREATED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED"], received.Where(r => r is { Succeeded: true, Type: "TICKET_CREATED" or "STATUS_CHANGED" }).Select(r => r.Type));
            Assert.All(received.GroupBy(r => r.Seq), attempts => Assert.Equal(3, attempts.Count()));
            var verified = await Verify(raw.FullName, webhook.Secret!);
            Assert.True(verified.Succeeded, verified.Output + verified.Errors);
            Assert.Contains($"{received.Length} request(s), 0 failed", verified.Output, StringComparison.Ordinal);

            var tampered = Directory.CreateDirectory(Path.Combine(raw.FullName, "tampered"));
            var first = Directory.GetFiles(raw.FullName, "*.json").Order(StringComparer.Ordinal).First();
            var request = JsonNode.Parse(await File.ReadAllTextAsync(first))!;
            request["body"] = ((string)request["body"]!).Replace("TICKET_CREATED", "TICKET_DELETED", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(tampered.FullName, "00001.json"), request.ToJsonString());
            var refused = await Verify(tampered.FullName, webhook.Secret!);
            Assert.False(refused.Succeeded, refused.Output);
        }
        finally
        {
            raw.Delete(recursive: true);
        }
    }

    /// <summary>npm ci through scripts/lib (idempotent); the test is skipped, loudly and with the reason, only when that cannot run.</summary>
    private static async Task InstallVerifier()
    {
        CommandResult installed;
        try
        {
            installed = await Command.Run("bash", [Repository.File("scripts/lib/standardwebhooks-verifier.sh")], timeout: TimeSpan.FromMinutes(5));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            installed = new CommandResult(-1, "", e.Message);
        }

        if (!installed.Succeeded)
        {
            Assert.Skip($"!!! STANDARDWEBHOOKS NPM TEST NOT RUN: the verifier could not be installed: {installed.Errors.Trim()} !!!");
        }
    }

    private static Task<CommandResult> Verify(string folder, string secret) =>
        Command.Run("node", [Path.Combine(VerifierDirectory, "verify-standardwebhooks.mjs"), folder, secret]);
}

[Collection(nameof(SqliteWebhookApi))]
public sealed class SqliteStandardWebhooksNpmTests(SqliteWebhookApi fixture) : StandardWebhooksNpmTests(fixture);

[Collection(nameof(PostgresWebhookApi))]
public sealed class PostgresStandardWebhooksNpmTests(PostgresWebhookApi fixture) : StandardWebhooksNpmTests(fixture);
