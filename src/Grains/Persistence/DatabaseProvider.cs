namespace TicketPlatform.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
