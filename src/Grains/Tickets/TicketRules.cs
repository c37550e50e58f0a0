using TicketPlatform.Common;

namespace TicketPlatform.Tickets;

/// <summary>Field rules of ticket commands; the edge calls them to fail fast, the grain calls them again.</summary>
public static class TicketRules
{
    public const int TitleMin = 3;
    public const int TitleMax = 200;
    public const int DescriptionMax = 20_000;
    public const int ReasonMax = 1_000;

    public static DomainError? Validate(OpenTicket command) => new FieldErrors()
        .Text("title", command.Title, TitleMin, TitleMax)
        .Text("description", command.Description, 1, DescriptionMax)
        .ToError();

    public static DomainError? Validate(EditTicket command)
    {
        var errors = new FieldErrors();
        if (command.Title is null && command.Description is null)
        {
            errors.Add("title", "Give a title, a description or both.");
        }

        if (command.Title is not null)
        {
            errors.Text("title", command.Title, TitleMin, TitleMax);
        }

        if (command.Description is not null)
        {
            errors.Text("description", command.Description, 1, DescriptionMax);
        }

        return errors.ToError();
    }

    public static DomainError? Validate(ChangeStatus command) => new FieldErrors().OptionalText("reason", command.Reason, ReasonMax).ToError();

    public static DomainError? Validate(ReopenTicket command) => new FieldErrors().OptionalText("reason", command.Reason, ReasonMax).ToError();
}
