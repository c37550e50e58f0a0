using System.Data;
using System.Globalization;
using Dapper;

namespace TicketPlatform.Persistence;

/// <summary>
/// Dapper handlers that read SQLite's TEXT representation of times and ids, and PostgreSQL's native ones,
/// into the same CLR types. Times are always UTC. Columns are snake_case, row properties PascalCase.
/// </summary>
internal static class SqlTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new UtcTimestampHandler());
        SqlMapper.AddTypeHandler(new GuidHandler());
    }

    private sealed class UtcTimestampHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset timestamp => timestamp.ToUniversalTime(),
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}."),
        };
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value) => parameter.Value = value;

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read an id from {value.GetType().Name}."),
        };
    }
}
