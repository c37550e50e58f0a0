using TicketPlatform.TestSupport;
using YamlDotNet.RepresentationModel;

namespace TicketPlatform.Container.Tests.Compose;

/// <summary>What the deployment files must say, checked without Docker (the running deployment is tested elsewhere).</summary>
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Root = Load();
    private static readonly YamlMappingNode Services = (YamlMappingNode)Root["services"];

    [Fact]
    public void It_describes_postgres_a_one_shot_migration_silos_two_Api_nodes_and_nginx() =>
        Assert.Equal(["api-1", "api-2", "migrate", "nginx", "postgres", "silo"], Services.Children.Keys.Select(k => k.ToString()).Order());

    [Fact]
    public void Compose_1_29_accepts_it_the_project_name_comes_from_env()
    {
        Assert.False(Root.Children.ContainsKey("name"));
        Assert.Contains("COMPOSE_PROJECT_NAME=ticketplatform", File.ReadAllLines(Repository.File(".env")));
    }

    [Fact]
    public void Silos_can_be_scaled_they_have_no_fixed_name_and_no_published_port_and_live_on_the_internal_network_only()
    {
        var silo = Service("silo");
        Assert.False(silo.Children.ContainsKey("container_name"));
        Assert.False(silo.Children.ContainsKey("ports"));
        Assert.Equal(["backend"], Sequence(silo, "networks"));
        Assert.Equal("true", Scalar(Root, "networks", "backend", "internal"));
        Assert.Equal("service_completed_successfully", Scalar(silo, "depends_on", "migrate", "condition"));
        Assert.Equal(["migrate"], Sequence(Service("migrate"), "command"));
    }

    [Fact]
    public void Only_nginx_publishes_a_port_and_only_on_loopback()
    {
        Assert.Equal(["nginx"], Services.Children.Where(s => ((YamlMappingNode)s.Value).Children.ContainsKey("ports")).Select(s => s.Key.ToString()));
        Assert.All(Sequence(Service("nginx"), "ports"), port => Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal));
    }

    [Fact]
    public void Api_nodes_are_cluster_clients_configured_only_by_environment_with_the_shared_blob_volume()
    {
        foreach (var name in new[] { "api-1", "api-2" })
        {
            var api = Service(name);
            Assert.Contains("ConnectionStrings__OrleansCluster", ((YamlMappingNode)api["environment"]).Children.Keys.Select(k => k.ToString()));
            Assert.Contains("blobs:/var/lib/ticketplatform/blobs", Sequence(api, "volumes"));
            Assert.Equal(["backend", "edge"], Sequence(api, "networks"));
        }
    }

    [Fact]
    public void Every_silo_gets_the_one_webhook_encryption_key_and_the_file_refuses_to_start_without_it()
    {
        var key = Scalar((YamlMappingNode)Service("silo")["environment"], "TicketPlatform__Webhooks__EncryptionKey");

        Assert.StartsWith("${WEBHOOK_ENCRYPTION_KEY:?", key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres", "${POSTGRES_IMAGE:-postgres:15}")]
    [InlineData("nginx", "${NGINX_IMAGE:-nginx:1.27}")]
    public void Base_images_come_from_variables_whose_defaults_are_the_official_images(string service, string image)
    {
        Assert.Equal(image, Scalar(Service(service), "image"));
        var args = (YamlMappingNode)((YamlMappingNode)Service("silo")["build"])["args"];
        Assert.Equal("${DOTNET_SDK_IMAGE:-mcr.microsoft.com/dotnet/sdk:10.0}", args["SDK_IMAGE"].ToString());
        Assert.Equal("${DOTNET_RUNTIME_IMAGE:-mcr.microsoft.com/dotnet/aspnet:10.0}", args["RUNTIME_IMAGE"].ToString());
    }

    [Fact]
    public void The_Dockerfile_takes_its_bases_as_arguments_and_runs_as_a_non_root_user_with_a_health_check()
    {
        var lines = File.ReadAllLines(Repository.File("deploy/Dockerfile"));
        Assert.Equal("ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0", lines.First(l => l.StartsWith("ARG ", StringComparison.Ordinal)));
        Assert.Contains("FROM ${SDK_IMAGE} AS build", lines);
        Assert.Contains("FROM ${RUNTIME_IMAGE} AS runtime", lines);
        Assert.Equal(2, lines.Count(l => l == "USER app"));
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
    }

    [Fact]
    public void Nginx_proxies_WebSockets_for_the_hubs_never_logs_a_query_string_and_hides_metrics()
    {
        var config = File.ReadAllText(Repository.File("deploy/nginx.conf"));
        var hubs = config[config.IndexOf("location /hubs/", StringComparison.Ordinal)..];
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", hubs, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Connection $connection_upgrade;", hubs, StringComparison.Ordinal);
        Assert.Contains("proxy_http_version 1.1;", hubs, StringComparison.Ordinal);
        var logFormat = config[config.IndexOf("log_format", StringComparison.Ordinal)..config.IndexOf("access_log", StringComparison.Ordinal)];
        Assert.All(new[] { "$request ", "$request\"", "$request_uri", "$args", "$query_string", "$arg_" },
            variable => Assert.DoesNotContain(variable, logFormat, StringComparison.Ordinal));
        Assert.Contains("location ~* ^/metrics(/|$) {\n      return 404;", config, StringComparison.Ordinal);
    }

    private static YamlMappingNode Service(string name) => Merged((YamlMappingNode)Services[name]);

    /// <summary>The mapping with its YAML merge keys (<c>&lt;&lt;: *anchor</c>) applied, as Compose reads it.</summary>
    private static YamlMappingNode Merged(YamlMappingNode node)
    {
        var merged = new YamlMappingNode();
        if (node.Children.TryGetValue(new YamlScalarNode("<<"), out var inherited))
        {
            foreach (var (key, value) in Merged((YamlMappingNode)inherited).Children)
            {
                merged.Children[key] = value;
            }
        }

        foreach (var (key, value) in node.Children.Where(c => c.Key.ToString() != "<<"))
        {
            merged.Children[key] = value is YamlMappingNode mapping ? Merged(mapping) : value;
        }

        return merged;
    }

    private static List<string> Sequence(YamlMappingNode node, string key) => [.. ((YamlSequenceNode)node[key]).Children.Select(c => c.ToString())];

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
