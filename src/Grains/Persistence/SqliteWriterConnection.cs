using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TicketPlatform.Persistence;

/// <summary>
/// The connection SQLite's single writer keeps open, with one command kept per SQL text. Microsoft.Data.Sqlite keeps a
/// command's prepared statements while its text and connection stay the same, so a write's statement run again is
/// bound and stepped, not parsed and planned again (with the triggers it fires); and the connection's pragmas run
/// once, when it opens, not for every transaction. The texts are few (constant SQL, and the ticket update's column
/// combinations), but not fixed: past <see cref="MaxCommands"/> the kept ones are dropped and kept afresh.
/// </summary>
internal sealed class SqliteWriterConnection(string connectionString) : SqliteConnection(connectionString)
{
    private const int MaxCommands = 256;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command kept for <paramref name="sql"/>, in <paramref name="transaction"/>, with none of its last run's parameters.</summary>
    public DbCommand Prepared(string sql, DbTransaction transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count == MaxCommands)
            {
                DropCommands();
            }

            command = CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = (SqliteTransaction)transaction;
        command.Parameters.Clear();
        return command;
    }

    // Closing disposes every command of the connection, kept ones included.
    public override void Close()
    {
        _commands.Clear();
        base.Close();
    }

    private void DropCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
