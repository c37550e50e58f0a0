using TicketPlatform.Cluster.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace TicketPlatform.Cluster.Tests.Deployment;

/// <summary>No Docker engine here: the compose file is checked as YAML and for the topology it must describe.</summary>
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Services = (YamlMappingNode)Load()["services"];

    [Fact]
    public void It_describes_postgres_a_one_shot_migration_silos_two_Api_nodes_and_nginx() =>
        Assert.Equal(["api-1", "api-2", "migrate", "nginx", "postgres", "silo"], Services.Children.Keys.Select(k => k.ToString()).Order());

    [Fact]
    public void Silos_can_be_scaled_they_have_no_fixed_name_or_host_port_and_start_after_the_migration()
    {
        var silo = Service("silo");
        Assert.False(silo.Children.ContainsKey("container_name"));
        Assert.False(silo.Children.ContainsKey("ports"));
        Assert.Equal("service_completed_successfully", Scalar(silo, "depends_on", "migrate", "condition"));
        Assert.Equal("migrate", ((YamlSequenceNode)Service("migrate")["command"]).Children.Single().ToString());
    }

    [Fact]
    public void Api_nodes_are_cluster_clients_configured_only_by_environment_with_the_shared_blob_volume()
    {
        foreach (var name in new[] { "api-1", "api-2" })
        {
            var api = Service(name);
            Assert.Equal("Cluster", Scalar(api, "environment", "TicketPlatform__Profile"));
            Assert.Contains("OrleansCluster", ((YamlMappingNode)api["environment"]).Children.Keys.Select(k => k.ToString()).Single(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Contains("blobs:/data/blobs", ((YamlSequenceNode)api["volumes"]).Children.Select(v => v.ToString()));
        }
    }

    [Fact]
    public void Nginx_proxies_WebSockets_for_the_hubs()
    {
        var config = File.ReadAllText(Repository.File("deploy/nginx.conf"));
        var hubs = config[config.IndexOf("location /hubs/", StringComparison.Ordinal)..];
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", hubs, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Connection $connection_upgrade;", hubs, StringComparison.Ordinal);
        Assert.Contains("proxy_http_version 1.1;", hubs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deploy/Dockerfile.api")]
    [InlineData("deploy/Dockerfile.silo")]
    public void Images_are_multi_stage_run_as_a_non_root_user_and_have_a_health_check(string dockerfile)
    {
        var lines = File.ReadAllLines(Repository.File(dockerfile));
        Assert.Equal(2, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:", StringComparison.Ordinal));
        Assert.Contains("USER app", lines);
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static string Scalar(YamlMappingNode node, params string[] path) =>
        path.Aggregate<string, YamlNode>(node, (current, key) => ((YamlMappingNode)current)[key]).ToString();

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Repository.File("docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }
}
