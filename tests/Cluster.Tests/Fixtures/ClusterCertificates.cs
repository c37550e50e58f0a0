using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TicketPlatform.Cluster.Tests.Fixtures;

/// <summary>
/// A private CA and one node certificate it issued, written to a folder as the cluster's TLS settings expect them
/// (the node's certificate and key as PKCS#12, the CA as PEM); <see cref="Untrusted"/> is a look-alike no CA issued.
/// </summary>
public sealed class ClusterCertificates : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ticketplatform-tls-");

    public ClusterCertificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=TicketPlatform test cluster CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        var now = DateTimeOffset.UtcNow;
        Authority = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        Node = Issue("CN=ticketplatform-node", Authority);
        Untrusted = SelfSigned("CN=ticketplatform-node");

        NodePath = Path.Combine(_folder.FullName, "node.pfx");
        File.WriteAllBytes(NodePath, Node.Export(X509ContentType.Pkcs12, Password));
        AuthorityPath = Path.Combine(_folder.FullName, "ca.pem");
        File.WriteAllText(AuthorityPath, Authority.ExportCertificatePem());
    }

    public const string Password = "test-only";

    public X509Certificate2 Authority { get; }

    public X509Certificate2 Node { get; }

    public X509Certificate2 Untrusted { get; }

    public string NodePath { get; }

    public string AuthorityPath { get; }

    /// <summary>The settings that put a silo or an Api node on mutual TLS with the node certificate.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["TicketPlatform__Cluster__Tls__CertificatePath"] = NodePath,
        ["TicketPlatform__Cluster__Tls__CertificatePassword"] = Password,
        ["TicketPlatform__Cluster__Tls__TrustedCaPath"] = AuthorityPath,
    };

    public void Dispose()
    {
        Authority.Dispose();
        Node.Dispose();
        Untrusted.Dispose();
        _folder.Delete(recursive: true);
    }

    private static X509Certificate2 Issue(string subject, X509Certificate2 issuer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = NodeRequest(subject, key);
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(issuer, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        return NodeRequest(subject, key).CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    /// <summary>Server and client authentication: every node is both, it accepts connections and makes them.</summary>
    private static CertificateRequest NodeRequest(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        return request;
    }
}
