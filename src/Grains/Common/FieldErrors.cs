namespace TicketPlatform.Common;

/// <summary>Collects field-level validation messages and turns them into one VALIDATION error.</summary>
public sealed class FieldErrors
{
    public const int MaxLimit = PageRequest.MaxLimit;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public FieldErrors Add(string field, string message)
    {
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        return this;
    }

    /// <summary>Checks a required text whose trimmed length must lie in [min, max].</summary>
    public FieldErrors Text(string field, string? value, int min, int max)
    {
        var length = value?.Trim().Length ?? 0;
        if (length < min || length > max)
        {
            Add(field, min == max ? $"Must be {min} characters." : $"Must be between {min} and {max} characters.");
        }

        return this;
    }

    /// <summary>Checks an optional text: absent is fine, present must be at most <paramref name="max"/> characters.</summary>
    public FieldErrors OptionalText(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"Must be at most {max} characters.");
        }

        return this;
    }

    /// <summary>Checks a list's page size.</summary>
    public FieldErrors Limit(string field, int value)
    {
        if (value is < 1 or > MaxLimit)
        {
            Add(field, $"Must be between 1 and {MaxLimit}.");
        }

        return this;
    }

    public DomainError? ToError() => _errors.Count == 0 ? null : DomainError.Validation(new Dictionary<string, string[]>(_errors));
}
