namespace TicketPlatform.Grains.Tests.Fixtures;

/// <summary>A ticket as committed: its row's version and last_seq, the number of its event rows and their highest seq.</summary>
public sealed record StoredTicket(long Version, long LastSeq, long EventCount, long MaxSeq);
