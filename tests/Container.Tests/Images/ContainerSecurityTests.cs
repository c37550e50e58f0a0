using System.Formats.Tar;
using TicketPlatform.Container.Tests.Fixtures;

namespace TicketPlatform.Container.Tests.Images;

[Collection(nameof(Deployment))]
public sealed class ContainerSecurityTests(Deployment deployment)
{
    [Fact]
    public async Task Every_container_runs_as_non_root_and_its_health_check_turns_healthy()
    {
        deployment.Require();
        await deployment.WaitHealthy(TimeSpan.FromMinutes(3));

        var running = (await Task.WhenAll((await deployment.AllContainers()).Select(deployment.Inspect)))
            .Where(c => c.GetProperty("State").GetProperty("Running").GetBoolean()).ToList();
        Assert.Equal(7, running.Count);
        foreach (var container in running)
        {
            var name = container.GetProperty("Name").GetString();
            // docker top needs a pid column in the ps format it passes on.
            var users = (await Deployment.Docker("top", container.GetProperty("Id").GetString()!, "-eo", "pid,uid,comm"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
                .Select(line => line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries)).ToList();
            Assert.NotEmpty(users);
            Assert.All(users, process => Assert.True(process[1] != "0", $"{name}: {process[2]} runs as root"));
        }
    }

    [Fact]
    public async Task The_one_shot_migration_ran_to_success()
    {
        deployment.Require();
        var migrate = (await Task.WhenAll((await deployment.AllContainers()).Select(deployment.Inspect)))
            .Single(c => c.GetProperty("Config").GetProperty("Labels").GetProperty("com.docker.compose.service").GetString() == "migrate");

        Assert.Equal(0, migrate.GetProperty("State").GetProperty("ExitCode").GetInt32());
    }

    [Theory]
    [InlineData("silo", "TicketPlatform.Silo.dll")]
    [InlineData("api-1", "TicketPlatform.Api.dll")]
    public async Task The_image_holds_the_published_app_and_no_SDK_no_source_and_no_data_folder(string service, string entryDll)
    {
        deployment.Require();
        var image = (await deployment.Inspect((await deployment.Containers(service))[0])).GetProperty("Config").GetProperty("Image").GetString()!;
        var files = await FilesOf(image);

        Assert.Contains($"app/{entryDll}", files);
        Assert.DoesNotContain(files, f => f.StartsWith("usr/share/dotnet/sdk/", StringComparison.Ordinal) || f.EndsWith("/dotnet.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)
                                          || f.EndsWith(".props", StringComparison.Ordinal) || f.StartsWith("src/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Split('/')[0] == "data" || f.StartsWith("app/", StringComparison.Ordinal) && f.Split('/').Contains("data"));
        Assert.DoesNotContain(files, f => f.EndsWith(".key", StringComparison.Ordinal) || f.EndsWith(".db", StringComparison.Ordinal));
    }

    /// <summary>Every path in the image's file system, without a leading slash (a created, never started, container exported).</summary>
    private static async Task<List<string>> FilesOf(string image)
    {
        var container = (await Deployment.Docker("create", image)).Trim();
        try
        {
            var export = new System.Diagnostics.ProcessStartInfo("docker", ["export", container]) { RedirectStandardOutput = true };
            using var process = System.Diagnostics.Process.Start(export)!;
            var files = new List<string>();
            using var reader = new TarReader(process.StandardOutput.BaseStream);
            while (await reader.GetNextEntryAsync() is { } entry)
            {
                files.Add(entry.Name.TrimStart('.', '/'));
            }

            await process.WaitForExitAsync();
            return files;
        }
        finally
        {
            await Deployment.Docker("rm", container);
        }
    }
}
