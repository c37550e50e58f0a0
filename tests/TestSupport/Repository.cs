using System.Reflection;

namespace TicketPlatform.TestSupport;

/// <summary>Where the repository is, for tests that run its scripts or read its files.</summary>
public static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string File(string relativePath) => Path.Combine(Root, relativePath);
}
