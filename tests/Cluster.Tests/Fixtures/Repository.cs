using System.Reflection;

namespace TicketPlatform.Cluster.Tests.Fixtures;

/// <summary>Where the repository and the build output of the processes under test are (same configuration as the tests).</summary>
public static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string SiloDll => Output("Silo", "TicketPlatform.Silo.dll");

    public static string ApiDll => Output("Api", "TicketPlatform.Api.dll");

    public static string File(string relativePath) => Path.Combine(Root, relativePath);

    private static string Output(string project, string dll) =>
        Path.Combine(Root, "src", project, "bin", Metadata("Configuration"), "net10.0", dll);

    private static string Metadata(string key) => typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
