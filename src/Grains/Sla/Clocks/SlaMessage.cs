namespace TicketPlatform.Sla.Clocks;

/// <summary>A posted message as the clocks see it: who spoke, and whether the requester's side can read it.</summary>
public enum SlaMessage
{
    /// <summary>A PUBLIC message by staff: meets FIRST_RESPONSE and a running NEXT_RESPONSE.</summary>
    StaffPublic,

    /// <summary>A PUBLIC message by the requester or a participant: starts NEXT_RESPONSE when staff spoke last.</summary>
    CustomerPublic,

    /// <summary>An INTERNAL note: the clocks do not care.</summary>
    Internal,
}
