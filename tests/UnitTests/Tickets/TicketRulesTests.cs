using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.UnitTests.Tickets;

public sealed class TicketRulesTests
{
    private const string ValidTitle = "Printer on fire";
    private const string ValidDescription = "It is the third floor printer.";

    public static TheoryData<string, bool> Titles => new()
    {
        { "", false },
        { "ab", false },
        { "   ", false },
        { "  ab  ", false },
        { "abc", true },
        { "  abc  ", true },
        { new string('t', 200), true },
        { " " + new string('t', 200) + " ", true },
        { new string('t', 201), false },
    };

    public static TheoryData<string, bool> Descriptions => new()
    {
        { "", false },
        { "   ", false },
        { "x", true },
        { new string('d', 20_000), true },
        { new string('d', 20_001), false },
    };

    public static TheoryData<string?, bool> Reasons => new()
    {
        { null, true },
        { "", true },
        { "Customer confirmed the fix.", true },
        { new string('r', 1_000), true },
        { new string('r', 1_001), false },
    };

    public static TheoryData<string?, string?, string[]> Edits => new()
    {
        { ValidTitle, null, [] },
        { null, ValidDescription, [] },
        { ValidTitle, ValidDescription, [] },
        { "ab", null, ["title"] },
        { "", null, ["title"] },
        { null, "", ["description"] },
        { null, new string('d', 20_001), ["description"] },
        { "ab", "", ["title", "description"] },
        { new string('t', 201), ValidDescription, ["title"] },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public void A_new_ticket_title_has_3_to_200_characters_once_trimmed(string title, bool valid) =>
        AssertFieldErrors(valid ? [] : ["title"], TicketRules.Validate(new OpenTicket(title, ValidDescription, TicketPriority.Medium, null)));

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void A_new_ticket_description_has_1_to_20000_characters(string description, bool valid) =>
        AssertFieldErrors(valid ? [] : ["description"], TicketRules.Validate(new OpenTicket(ValidTitle, description, TicketPriority.Medium, null)));

    [Fact]
    public void A_new_ticket_with_a_bad_title_and_description_names_both_fields() =>
        AssertFieldErrors(["title", "description"], TicketRules.Validate(new OpenTicket("a", "", TicketPriority.High, null)));

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_edit_checks_only_the_fields_it_carries(string? title, string? description, string[] fieldsInError) =>
        AssertFieldErrors(fieldsInError, TicketRules.Validate(new EditTicket(title, description)));

    [Fact]
    public void An_edit_must_carry_at_least_one_field()
    {
        var error = TicketRules.Validate(new EditTicket(null, null));

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.Validation, error.Code);
        Assert.NotNull(error.Errors);
        Assert.NotEmpty(error.Errors);
        Assert.All(error.Errors.Keys, field => Assert.Contains(field, new[] { "title", "description" }));
    }

    [Theory]
    [MemberData(nameof(Reasons))]
    public void A_status_change_reason_is_optional_and_at_most_1000_characters(string? reason, bool valid) =>
        AssertFieldErrors(valid ? [] : ["reason"], TicketRules.Validate(new ChangeStatus(TicketStatus.Closed, reason)));

    [Theory]
    [MemberData(nameof(Reasons))]
    public void A_reopen_reason_is_optional_and_at_most_1000_characters(string? reason, bool valid) =>
        AssertFieldErrors(valid ? [] : ["reason"], TicketRules.Validate(new ReopenTicket(reason)));

    private static void AssertFieldErrors(string[] expectedFields, DomainError? error)
    {
        if (expectedFields.Length == 0)
        {
            Assert.Null(error);
            return;
        }

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.Validation, error.Code);
        Assert.NotNull(error.Errors);
        Assert.Equal(expectedFields.Order(StringComparer.Ordinal), error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(error.Errors.Values, messages => Assert.NotEmpty(messages));
    }
}
