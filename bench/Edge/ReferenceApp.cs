using Microsoft.Data.Sqlite;

namespace TicketPlatform.Bench;

/// <summary>
/// The reference the service is measured against: a minimal ASP.NET Core app on the same machine. <c>GET /json</c>
/// answers a ticket-sized JSON object (P1); <c>POST /tx/{number}</c> runs the message transaction on the service's own
/// SQLite file (P3, P4): lock the ticket, insert the event and the message, bump the version; one writer at a time, as
/// the service does.
/// </summary>
internal static class ReferenceApp
{
    private static readonly SemaphoreSlim Writer = new(1, 1);

    public static async Task<int> Run(string url, string sqliteFile)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = sqliteFile, Pooling = true }.ToString();
        var ticket = new
        {
            number = "2026-000001", title = "Printer on fire", description = "It is burning.", status = "OPEN", priority = "MEDIUM",
            categoryId = (Guid?)null, requesterId = Guid.NewGuid(), assigneeId = (Guid?)null, priorityLocked = false, categoryLocked = false,
            assignmentLocked = false, archived = false, createdAt = DateTimeOffset.UtcNow, updatedAt = DateTimeOffset.UtcNow,
            resolvedAt = (DateTimeOffset?)null, closedAt = (DateTimeOffset?)null, version = 1,
            participants = new[] { new { userId = Guid.NewGuid(), role = "REQUESTER", canEdit = true, canComment = true, joinedAt = DateTimeOffset.UtcNow } },
        };
        app.MapGet("/json", () => Results.Ok(ticket));
        app.MapPost("/tx/{number}", async (string number) =>
        {
            await Writer.WaitAsync();
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                var read = connection.CreateCommand();
                read.CommandText = "SELECT last_seq, version, requester_id FROM tickets WHERE number = $n";
                read.Parameters.AddWithValue("$n", number);
                long seq;
                long version;
                string author;
                await using (var row = await read.ExecuteReaderAsync())
                {
                    await row.ReadAsync();
                    (seq, version, author) = (row.GetInt64(0) + 1, row.GetInt64(1), row.GetString(2));
                }

                var now = DateTimeOffset.UtcNow.ToString("O");
                var id = Guid.NewGuid().ToString();
                var write = connection.CreateCommand();
                write.CommandText = """
                    INSERT INTO events (ticket_number, seq, type, actor_id, visibility, subject_id, payload, created_at)
                        VALUES ($n, $seq, 'MESSAGE_POSTED', $author, 'PUBLIC', $id, '{}', $now);
                    INSERT INTO messages (id, ticket_number, seq, author_id, content, visibility, created_at)
                        VALUES ($id, $n, $seq, $author, 'Hello from the bench', 'PUBLIC', $now);
                    UPDATE tickets SET version = version + 1, last_seq = $seq, updated_at = $now WHERE number = $n AND version = $version;
                    """;
                write.Parameters.AddWithValue("$n", number);
                write.Parameters.AddWithValue("$seq", seq);
                write.Parameters.AddWithValue("$author", author);
                write.Parameters.AddWithValue("$id", id);
                write.Parameters.AddWithValue("$now", now);
                write.Parameters.AddWithValue("$version", version);
                await write.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                return Results.Ok(new { seq });
            }
            finally
            {
                Writer.Release();
            }
        });
        await app.RunAsync();
        return 0;
    }
}
