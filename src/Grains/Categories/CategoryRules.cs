using TicketPlatform.Common;

namespace TicketPlatform.Categories;

/// <summary>Field rules of category commands, and the key that makes names unique regardless of case.</summary>
public static class CategoryRules
{
    public const int NameMin = 2;
    public const int NameMax = 100;
    public const int DescriptionMax = 1_000;

    public static DomainError? Validate(CreateCategory command) => new FieldErrors()
        .Text("name", command.Name, NameMin, NameMax)
        .OptionalText("description", command.Description, DescriptionMax)
        .ToError();

    public static DomainError? Validate(EditCategory command)
    {
        var errors = new FieldErrors();
        if (command.Name is null && command.Description is null)
        {
            errors.Add("name", "Give a name, a description or both.");
        }

        if (command.Name is not null)
        {
            errors.Text("name", command.Name, NameMin, NameMax);
        }

        return errors.OptionalText("description", command.Description, DescriptionMax).ToError();
    }

    /// <summary>What the unique index <c>ux_categories_name_key</c> compares: the trimmed name, case folded.</summary>
    public static string KeyOf(string name) => name.Trim().ToUpperInvariant();

    /// <summary>A blank description is no description.</summary>
    public static string? DescriptionOf(string? description) => string.IsNullOrWhiteSpace(description) ? null : description;
}
