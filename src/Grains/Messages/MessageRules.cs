using TicketPlatform.Common;

namespace TicketPlatform.Messages;

/// <summary>Field rules of message commands; the edge calls them to fail fast, the grain calls them again.</summary>
public static class MessageRules
{
    public const int ContentMax = 20_000;

    public static DomainError? Validate(PostMessage command) => Content(command.Content);

    public static DomainError? Validate(EditMessage command) => Content(command.Content);

    private static DomainError? Content(string? content) => new FieldErrors().Text("content", content, 1, ContentMax).ToError();
}
