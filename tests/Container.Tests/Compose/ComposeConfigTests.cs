using TicketPlatform.Container.Tests.Fixtures;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Processes;

namespace TicketPlatform.Container.Tests.Compose;

[Collection(nameof(Deployment))]
public sealed class ComposeConfigTests(Deployment deployment)
{
    [Fact]
    public async Task Debian_docker_compose_1_29_and_Compose_v2_where_present_accept_the_file()
    {
        deployment.Require();
        string[] file = ["--project-directory", Repository.Root, "-f", Repository.File("docker-compose.yml"), "config", "-q"];
        var settings = new Dictionary<string, string> { ["JWT_SIGNING_KEY"] = "configured", ["WEBHOOK_ENCRYPTION_KEY"] = "configured" };

        var v1 = await Command.Run("docker-compose", file, settings);
        Assert.True(v1.Succeeded, $"docker-compose config: {v1.Errors}");
        if ((await Command.Run("docker", ["compose", "version"])).Succeeded)
        {
            var v2 = await Command.Run("docker", ["compose", .. file], settings);
            Assert.True(v2.Succeeded, $"docker compose config: {v2.Errors}");
        }
    }
}
