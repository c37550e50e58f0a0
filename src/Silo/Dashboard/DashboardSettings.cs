namespace TicketPlatform.Silo.Dashboard;

/// <summary>
/// The Orleans Dashboard's own HTTP port on a silo (<c>TicketPlatform:Dashboard:Port</c>). Unset or 0: the silo collects
/// the dashboard's data for the others but serves no page.
/// </summary>
public sealed class DashboardSettings
{
    public const string Section = "TicketPlatform:Dashboard";

    public int Port { get; set; }
}
