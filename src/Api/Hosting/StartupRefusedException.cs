namespace TicketPlatform.Api.Hosting;

/// <summary>
/// A configuration the service must not run with (a weak or exposed signing key, a missing setting). The entry point
/// prints <see cref="Exception.Message"/> alone and exits non-zero.
/// </summary>
public sealed class StartupRefusedException(string message) : Exception(message);
