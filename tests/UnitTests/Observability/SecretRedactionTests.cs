using TicketPlatform.Observability.Logging;

namespace TicketPlatform.UnitTests.Observability;

public sealed class SecretRedactionTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    [Theory]
    [InlineData("GET /hubs/tickets?id=abc&access_token=" + Jwt + " HTTP/1.1")]
    [InlineData("{\"QueryString\":\"?access_token=opaque-not-a-jwt&x=1\"}")]
    [InlineData("Authorization: Bearer opaque.token-value")]
    [InlineData("{\"Authorization\":\"Bearer opaque.token-value\"}")]
    [InlineData("{\"Headers\":{\"Cookie\":[\"session=opaque-token-value\"]}}")]
    [InlineData("IDX10223: token '" + Jwt + "' has expired")]
    [InlineData("{\"access_token\":\"opaque-token-value\"}")]
    [InlineData("PROXY-AUTHORIZATION: BASIC opaque-token-value")]
    [InlineData("{\"Set-Cookie\":\"id=opaque-token-value\"}")]
    [InlineData("bearer opaque-token-value")]
    public void Removes_every_credential_from_a_line(string line)
    {
        var redacted = SecretRedaction.Redact(line);

        Assert.DoesNotContain("opaque", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("c2lnbmF0dXJl", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJzdWIi", redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedaction.Mask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_a_line_without_credentials_alone()
    {
        const string line = "{\"@m\":\"HTTP GET /api/tickets/TCK-2026-00001 responded 200\",\"Route\":\"/api/tickets/{number}\"}";

        Assert.Equal(line, SecretRedaction.Redact(line));
    }
}
