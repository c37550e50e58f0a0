using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Tests.Contract;

/// <summary>A service of its own, so the contract scenario sees only its own data; webhooks may target loopback.</summary>
public sealed class ContractApi() : ApiFixture(DatabaseProvider.Sqlite, new Dictionary<string, string?>
{
    ["TicketPlatform:Webhooks:AllowInsecureHttp"] = "true",
    ["TicketPlatform:Webhooks:AllowPrivateTargets"] = "true",
});

[CollectionDefinition(nameof(ContractApi))]
public sealed class ContractApiCollection : ICollectionFixture<ContractApi>;
