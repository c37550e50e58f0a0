using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketPlatform.Api.OpenApi;

/// <summary>The document's frame: info, server, bearer security, the shared Problem schema and headers, the health endpoints.</summary>
internal sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    private const string Bearer = "Bearer";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Tickets"] = "Tickets and their lifecycle: OPEN, IN_PROGRESS, RESOLVED, CLOSED.",
        ["Participants"] = "Who works on or follows a ticket, with their rights.",
        ["Invitations"] = "Invitations to join a ticket, answered by the invitee.",
        ["Messages"] = "The conversation on a ticket; INTERNAL notes are staff-only.",
        ["Attachments"] = "Files attached to messages.",
        ["Events"] = "The immutable audit timeline.",
        ["Categories"] = "The ordered list of ticket categories.",
        ["SLA"] = "Service level policies: response and resolution targets in business time.",
        ["Users"] = "Local users, their roles and the directory.",
        ["Health"] = "Liveness and readiness, without a token.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "TicketPlatform API",
            Version = "v1",
            Description = "Support tickets: lifecycle, participants, conversation, attachments and the audit timeline.",
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "This service" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from the configured issuer (embedded profile: `dotnet run --project src/Api -- token --sub you`).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema.Name] = ProblemSchema.Create();
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, header) in ResponseHeaders.Components())
        {
            document.Components.Headers[name] = header;
        }

        foreach (var (name, schema) in document.Components.Schemas.Where(s => s.Key.EndsWith("Request", StringComparison.Ordinal)))
        {
            ServedSchemas.RequiredAreNotNull(schema);
        }

        HealthPaths.AddTo(document);
        document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        return Task.CompletedTask;
    }
}
