namespace TicketPlatform.Api.Preconditions;

/// <summary><c>TicketPlatform:Api</c>: whether a write to a resource must name the version it was made against.</summary>
public sealed class PreconditionOptions
{
    public const string Section = "TicketPlatform:Api";

    /// <summary>When true, a write to a resource without <c>If-Match</c> is 428 PRECONDITION_REQUIRED.</summary>
    public bool RequireIfMatch { get; set; }
}
