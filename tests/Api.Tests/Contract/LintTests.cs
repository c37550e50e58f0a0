using System.Diagnostics;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Api.Tests.Contract;

/// <summary>The served document passes two standard OpenAPI linters without errors: Redocly CLI (recommended rules) and Spectral (spectral:oas).</summary>
[Collection(nameof(ContractApi))]
public sealed class LintTests(ContractApi fixture)
{
    [Fact]
    public async Task The_served_document_has_no_redocly_or_spectral_lint_errors()
    {
        var document = Path.Combine(Directory.CreateTempSubdirectory("ticketplatform-openapi-").FullName, "openapi.json");
        await File.WriteAllTextAsync(document, await fixture.Api.CreateClient().GetStringAsync("/api/docs/v1/openapi.json"));
        var lint = new ProcessStartInfo("bash", [Repository.File("scripts/lib/openapi-tools.sh"), "lint", document])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(lint)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"The linters found errors:\n{await output}\n{await errors}");
        Directory.Delete(Path.GetDirectoryName(document)!, recursive: true);
    }
}
