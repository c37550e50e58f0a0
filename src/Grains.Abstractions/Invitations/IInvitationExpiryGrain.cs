namespace TicketPlatform.Invitations;

/// <summary>The scheduled expiry of invitations past their deadline, across all tickets. Key: 0.</summary>
[Alias("tp.IInvitationExpiryGrain")]
public interface IInvitationExpiryGrain : IGrainWithIntegerKey
{
    /// <summary>Asks every ticket with a PENDING invitation past its deadline to expire it; returns how many expired.</summary>
    [Alias("ExpireDue")]
    Task<int> ExpireDue();
}
