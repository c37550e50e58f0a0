namespace TicketPlatform.Tickets;

/// <summary>
/// A part of the ticket that plugs into its command pipeline (load, decide, commit, publish) without the pipeline
/// naming it. A module keeps its state in <see cref="TicketState"/> (so the commands of one batch decide on what the
/// commands before them decided, and a failed commit leaves memory untouched), adds facts and staged writes to a
/// decided <see cref="TicketChange"/>, and acts once the commit is durable. Every hook has a default that does nothing.
/// </summary>
internal interface ITicketModule
{
    /// <summary>Adds the module's part to a state loaded from the ticket's row (on activation and after a lost fence).</summary>
    Task<TicketState> Load(TicketState loaded) => Task.FromResult(loaded);

    /// <summary>
    /// After a command decided <paramref name="change"/>: records what follows from it for this module (events, staged
    /// writes, its part of <see cref="TicketChange.After"/>). Runs for every command, also one that changed nothing,
    /// and for the creation. Asynchronous so a module can ask another grain (the SLA policy catalog) before deciding.
    /// </summary>
    Task Decided(TicketChange change) => Task.CompletedTask;

    /// <summary>After <paramref name="changes"/> were committed: what the module does once they are durable (e.g. schedule a due time).</summary>
    void Committed(IGrainBase grain, TicketState committed, IReadOnlyList<TicketChange> changes)
    {
    }
}
