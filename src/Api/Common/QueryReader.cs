using System.Globalization;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Common;

/// <summary>
/// Reads query-string values by hand so that every bad value becomes a 400 naming its parameter
/// (framework binding would answer a bare 400 without the field).
/// </summary>
public sealed class QueryReader
{
    public const int MaxLimit = PageRequest.MaxLimit;

    private readonly FieldErrors _errors = new();

    public DomainError? Error => _errors.ToError();

    public int Limit(string? value)
    {
        if (value is null)
        {
            return PageRequest.DefaultLimit;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }

        _errors.Add("limit", $"Must be a whole number from 1 to {MaxLimit}.");
        return PageRequest.DefaultLimit;
    }

    public T? Enum<T>(string field, string? value) where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (EnumText.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        _errors.Add(field, $"Must be one of {string.Join(", ", EnumText.All<T>())}.");
        return null;
    }

    public Guid? Id(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        _errors.Add(field, "Must be a UUID.");
        return null;
    }

    public DateTimeOffset? Time(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUniversalTime();
        }

        _errors.Add(field, "Must be an ISO-8601 time.");
        return null;
    }

    public long Number(string field, string? value, long defaultValue = 0)
    {
        if (value is null)
        {
            return defaultValue;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        _errors.Add(field, "Must be a whole number, 0 or more.");
        return defaultValue;
    }

    public bool Flag(string field, string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        _errors.Add(field, "Must be true or false.");
        return false;
    }

    public string? Text(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            _errors.Add(field, $"Must be at most {max} characters.");
        }

        return value;
    }

    /// <summary>Reads <c>sort</c>: a field name, descending when it starts with '-'.</summary>
    public (TField Field, bool Descending) Sort<TField>(string? value, TField defaultField, bool defaultDescending, IReadOnlyDictionary<string, TField> fields)
    {
        if (value is null)
        {
            return (defaultField, defaultDescending);
        }

        var descending = value.StartsWith('-');
        if (fields.TryGetValue(descending ? value[1..] : value, out var field))
        {
            return (field, descending);
        }

        _errors.Add("sort", $"Must be one of {string.Join(", ", fields.Keys)}, optionally prefixed by '-'.");
        return (defaultField, defaultDescending);
    }

    public void Fail(string field, string message) => _errors.Add(field, message);
}
