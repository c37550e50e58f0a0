using System.Reflection;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Cluster.Tests.Fixtures;

/// <summary>The build output of the processes under test (same configuration as the tests).</summary>
public static class BuildOutput
{
    public static string SiloDll => Dll("Silo", "TicketPlatform.Silo.dll");

    public static string ApiDll => Dll("Api", "TicketPlatform.Api.dll");

    private static string Dll(string project, string dll) =>
        Path.Combine(Repository.Root, "src", project, "bin", Configuration, "net10.0", dll);

    private static string Configuration { get; } = typeof(BuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;
}
