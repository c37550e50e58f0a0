using System.Globalization;
using System.Text.RegularExpressions;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Webhooks;

namespace TicketPlatform.Api.Tests.Webhooks;

/// <summary>The embedded profile hosts the deliverers, so its /metrics shows deliveries by outcome, their latency and the backlog.</summary>
[Collection(nameof(MeteredWebhookApi))]
public sealed class WebhookMetricsTests(MeteredWebhookApi fixture) : WebhookTestBase(fixture)
{
    [Fact]
    public async Task Metrics_count_deliveries_by_outcome_time_them_and_show_each_endpoints_backlog()
    {
        var admin = await NewAdmin();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => 503;
        var webhook = await Register(admin, receiver, ["TICKET_CREATED"]);
        var scraper = Api.CreateClient();
        var before = Counter(await scraper.GetStringAsync("/metrics"), "succeeded");
        var ticket = await CreateTicket(await NewUser());

        var backlogged = await Eventually.Until(
            () => scraper.GetStringAsync("/metrics"),
            text => Backlog(text, webhook.Id) >= 1 && Counter(text, "retrying") > 0,
            "a backlog and a retried delivery in the scrape");
        receiver.Answer = (_, _) => 200;
        await Acknowledged(receiver, ticket.Number, [1]);
        var drained = await Eventually.Until(
            () => scraper.GetStringAsync("/metrics"),
            text => Backlog(text, webhook.Id) == 0 && Counter(text, "succeeded") > before,
            "the backlog drained and the success counted");

        Assert.Matches(@"(?m)^webhook_delivery_duration_seconds_count\{[^}]*outcome=""succeeded""[^}]*\} [1-9]\d*", drained);
        Assert.Matches(@"(?m)^webhook_delivery_duration_seconds_bucket\{[^}]*outcome=""retrying""[^}]*\} [1-9]\d*", backlogged);
        await Unregister(admin, webhook);
    }

    private static double Counter(string metrics, string outcome) =>
        Regex.Matches(metrics, $@"(?m)^webhook_deliveries_total\{{[^}}]*outcome=""{outcome}""[^}}]*\}} (\S+)")
            .Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private static double? Backlog(string metrics, Guid webhookId) =>
        Regex.Match(metrics, $@"(?m)^webhook_backlog\{{[^}}]*webhook=""{webhookId}""[^}}]*\}} (\S+)") is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;
}
