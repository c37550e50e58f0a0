using TicketPlatform.Common;

namespace TicketPlatform.Attachments;

/// <summary>What the grain checks of an upload the edge already streamed and inspected.</summary>
public static class AttachmentRules
{
    public static DomainError? Validate(AddAttachment command)
    {
        var errors = new FieldErrors();
        if (command.FileName.Length is 0 or > AttachmentFileNames.MaxLength || AttachmentFileNames.Sanitise(command.FileName) != command.FileName)
        {
            errors.Add("fileName", "Must be a sanitised file name.");
        }

        if (!AttachmentTypes.IsAllowed(command.ContentType))
        {
            errors.Add("contentType", "Must be a type of the allow-list.");
        }

        if (command.Size <= 0)
        {
            errors.Add("size", "Must be at least one byte.");
        }

        if (command.Sha256.Length != 64 || !command.Sha256.All(char.IsAsciiHexDigitLower))
        {
            errors.Add("sha256", "Must be a lowercase hex SHA-256 digest.");
        }

        return errors.ToError();
    }
}
