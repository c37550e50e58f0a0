using TicketPlatform.Common;

namespace TicketPlatform.UnitTests.Common;

public sealed class FieldErrorsTests
{
    [Fact]
    public void No_errors_means_no_domain_error() =>
        Assert.Null(new FieldErrors().Text("name", "Ada", 1, 100).OptionalText("note", null, 10).ToError());

    [Fact]
    public void Messages_for_the_same_field_accumulate_under_one_key()
    {
        var error = new FieldErrors().Add("name", "first").Add("name", "second").Add("email", "third").ToError();

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.Validation, error.Code);
        Assert.NotNull(error.Errors);
        Assert.Equal(["first", "second"], error.Errors["name"]);
        Assert.Equal(["third"], error.Errors["email"]);
    }

    [Fact]
    public void A_missing_required_text_is_an_error() =>
        Assert.NotNull(new FieldErrors().Text("name", null, 1, 100).ToError());
}
