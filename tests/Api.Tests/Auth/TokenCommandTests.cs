using Microsoft.IdentityModel.JsonWebTokens;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Commands;

namespace TicketPlatform.Api.Tests.Auth;

/// <summary>The token command's lifetime cap and its refusal of weak keys.</summary>
public sealed class TokenCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"ticketplatform-token-{Guid.NewGuid():N}");

    [Fact]
    public void A_lifetime_up_to_the_maximum_is_minted()
    {
        var (code, output, _) = Token("--minutes", AccessTokens.MaxMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var token = new JsonWebToken(output.Trim());
        Assert.Equal(0, code);
        Assert.Equal(TimeSpan.FromMinutes(AccessTokens.MaxMinutes), token.ValidTo - token.IssuedAt);
    }

    [Theory]
    [InlineData("1441")]
    [InlineData("0")]
    [InlineData("525600")]
    public void A_lifetime_over_the_maximum_is_refused(string minutes)
    {
        var (code, output, error) = Token("--minutes", minutes);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"from 1 to {AccessTokens.MaxMinutes}", error);
    }

    [Fact]
    public void A_configured_key_under_256_bits_is_refused()
    {
        var (code, output, error) = Token($"--{AuthOptions.Section}:SigningKey", Convert.ToBase64String(new byte[31]));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("has 248 bits; HS256 needs at least 256", error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private (int Code, string Output, string Error) Token(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = TokenCommand.Run(["--sub", "someone", "--TicketPlatform:DataDirectory", _dataDirectory, .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
