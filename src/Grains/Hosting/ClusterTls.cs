using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace TicketPlatform.Hosting;

/// <summary>
/// Bound from <c>TicketPlatform:Cluster:Tls</c>: mutual TLS for silo-to-silo and client-to-silo traffic of the cluster
/// profile. Every node presents <see cref="CertificatePath"/> and requires a certificate from its peer; a peer is
/// trusted when its certificate chains to <see cref="TrustedCaPath"/> (a private CA: node names are not checked, nodes
/// are reached by address) or, without one, when the operating system trusts it for the address it was reached at.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string Section = "TicketPlatform:Cluster:Tls";

    /// <summary>A PKCS#12 (.pfx) file with this node's certificate and private key; unset: no TLS.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>A PEM or DER file with the CA certificate(s) that issued the nodes' certificates.</summary>
    public string? TrustedCaPath { get; set; }

    public static ClusterTlsOptions? From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ClusterTlsOptions>() is { CertificatePath.Length: > 0 } options ? options : null;
}

public static class ClusterTls
{
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, IConfiguration configuration) =>
        ClusterTlsOptions.From(configuration) is { } tls ? silo.UseTls(Certificate(tls), options => Configure(options, tls)) : silo;

    public static IClientBuilder UseClusterTls(this IClientBuilder client, IConfiguration configuration) =>
        ClusterTlsOptions.From(configuration) is { } tls ? client.UseTls(Certificate(tls), options => Configure(options, tls)) : client;

    private static X509Certificate2 Certificate(ClusterTlsOptions tls) => X509CertificateLoader.LoadPkcs12FromFile(tls.CertificatePath!, tls.CertificatePassword);

    private static void Configure(TlsOptions options, ClusterTlsOptions tls)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        if (tls.TrustedCaPath is { Length: > 0 } caPath)
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(caPath);
            options.RemoteCertificateValidation = (certificate, _, _) => ChainsTo(certificate, authorities);
        }
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
