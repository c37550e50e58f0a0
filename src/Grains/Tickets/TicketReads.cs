using TicketPlatform.Common;

namespace TicketPlatform.Tickets;

/// <summary>
/// The ticket's views, made once per state and audience: the state is immutable, so a view built from it stays right
/// until the grain swaps in the next state. A command's answer, its commit's pushes and the reads after it share the
/// same views, and a hot read allocates nothing new.
/// </summary>
internal sealed class TicketReads
{
    private TicketState? _state;
    private Task<Result<TicketView>>? _staff;
    private Task<Result<TicketView>>? _public;

    /// <summary>A read's answer: the view <paramref name="actor"/> sees of <paramref name="state"/>.</summary>
    public Task<Result<TicketView>> For(TicketState state, Actor actor) => Answer(state, actor.IsStaff);

    public TicketView View(TicketState state, bool forStaff) => Answer(state, forStaff).Result.Value!;

    private Task<Result<TicketView>> Answer(TicketState state, bool forStaff)
    {
        if (!ReferenceEquals(state, _state))
        {
            (_state, _staff, _public) = (state, null, null);
        }

        return forStaff ? _staff ??= Made(state, forStaff: true) : _public ??= Made(state, forStaff: false);
    }

    private static Task<Result<TicketView>> Made(TicketState state, bool forStaff) =>
        Task.FromResult(new Result<TicketView>(state.ToView(forStaff), null));
}
