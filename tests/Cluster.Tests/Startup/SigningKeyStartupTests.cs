using System.Runtime.Versioning;
using TicketPlatform.Cluster.Tests.Fixtures;

namespace TicketPlatform.Cluster.Tests.Startup;

/// <summary>
/// The Api as a real process in the embedded profile: where it keeps its signing key, with which modes, and which
/// keys it refuses to start with.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SigningKeyStartupTests : IDisposable
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ticketplatform-startup-");

    [Fact]
    public async Task Started_from_any_directory_the_service_keeps_a_0600_key_in_a_0700_data_directory_there()
    {
        await using var service = ServiceProcess.StartIn(_root.FullName, "api", BuildOutput.ApiDll, ServiceProcess.EmbeddedSettings());
        await service.WaitReady();

        AssertOwnerOnlyKeyIn(_root.FullName);
    }

    [Fact]
    public async Task The_token_command_started_from_another_directory_makes_its_own_0600_key_there()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root.FullName, "src", "Api")).FullName;

        await using var command = ServiceProcess.StartIn(project, "token", BuildOutput.ApiDll, ServiceProcess.EmbeddedSettings(), "token", "--sub", "someone");

        Assert.Equal(0, await command.Exited(ExitTimeout));
        AssertOwnerOnlyKeyIn(project);
        Assert.False(Directory.Exists(Path.Combine(_root.FullName, "data")));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "0644")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, "0640")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite, "0602")]
    public async Task A_key_file_that_group_or_others_can_open_stops_the_start(UnixFileMode mode, string octal)
    {
        var data = Directory.CreateDirectory(Path.Combine(_root.FullName, "data"), OwnerOnlyDirectory).FullName;
        var key = Path.Combine(data, "jwt-signing.key");
        await File.WriteAllTextAsync(key, Convert.ToBase64String(new byte[64]), TestContext.Current.CancellationToken);
        File.SetUnixFileMode(key, mode);

        await using var service = ServiceProcess.StartIn(_root.FullName, "api", BuildOutput.ApiDll, ServiceProcess.EmbeddedSettings());

        Assert.Equal(1, await service.Exited(ExitTimeout));
        Assert.Contains($"The signing key {key} has mode {octal}: group or others can open it.", service.Output);
        Assert.DoesNotContain("Unhandled exception", service.Output);
    }

    [Fact]
    public async Task A_configured_key_under_256_bits_stops_the_start_with_the_reason()
    {
        var settings = ServiceProcess.EmbeddedSettings();
        settings["TicketPlatform__Auth__SigningKey"] = Convert.ToBase64String(new byte[16]);

        await using var service = ServiceProcess.StartIn(_root.FullName, "api", BuildOutput.ApiDll, settings);

        Assert.Equal(1, await service.Exited(ExitTimeout));
        Assert.Contains("The signing key (TicketPlatform:Auth:SigningKey) has 128 bits; HS256 needs at least 256.", service.Output);
        Assert.DoesNotContain("Unhandled exception", service.Output);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static void AssertOwnerOnlyKeyIn(string workingDirectory)
    {
        var data = Path.Combine(workingDirectory, "data");
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(data));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(data, "jwt-signing.key")));
    }
}
