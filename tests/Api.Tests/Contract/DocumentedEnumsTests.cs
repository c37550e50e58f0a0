using System.Text.Json.Nodes;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Contract;

/// <summary>Every enum is documented as the strings the service writes and accepts, also inside arrays.</summary>
[Collection(nameof(ContractApi))]
public sealed class DocumentedEnumsTests(ContractApi fixture)
{
    [Fact]
    public async Task Enum_schemas_list_their_upper_snake_values_and_arrays_of_enums_keep_their_items()
    {
        var schemas = JsonNode.Parse(await fixture.Api.CreateClient().GetStringAsync("/api/docs/v1/openapi.json"))!["components"]!["schemas"]!;

        Assert.Equal("string", (string?)schemas["TicketStatus"]!["type"]);
        Assert.Equal(EnumText.All<TicketStatus>(), schemas["TicketStatus"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(EnumText.All<TicketPriority>(), schemas["SlaMatch"]!["properties"]!["priorities"]!["items"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(EnumText.All<TicketStatus>(), schemas["SlaPolicyView"]!["properties"]!["pauseOn"]!["items"]!["enum"]!.AsArray().Select(v => (string?)v));
        foreach (var (name, schema) in schemas.AsObject().Where(s => s.Key != "JsonElement"))
        {
            Assert.True(schema!.AsObject().Count > 0, $"{name} is an empty schema: it allows anything");
        }
    }
}
