using TicketPlatform.Common;

namespace TicketPlatform.Tickets;

/// <summary>
/// A ticket read's answer, made once per state and view: the state is immutable, so a view built from it stays right
/// until the grain swaps in the next state, and a hot read allocates nothing new.
/// </summary>
internal sealed class TicketReads
{
    private TicketState? _state;
    private Task<Result<TicketView>>? _staff;
    private Task<Result<TicketView>>? _public;

    public Task<Result<TicketView>> For(TicketState state, Actor actor)
    {
        if (!ReferenceEquals(state, _state))
        {
            (_state, _staff, _public) = (state, null, null);
        }

        return actor.IsStaff ? _staff ??= Answer(state, forStaff: true) : _public ??= Answer(state, forStaff: false);
    }

    private static Task<Result<TicketView>> Answer(TicketState state, bool forStaff) =>
        Task.FromResult(new Result<TicketView>(state.ToView(forStaff), null));
}
