using System.Security.Cryptography;
using System.Text;

namespace TicketPlatform.Attachments;

/// <summary>Why an upload was refused on its bytes.</summary>
public enum UploadRejection
{
    Empty,
    TooLarge,
    UnsupportedType,
}

public sealed class UploadRejectedException(UploadRejection rejection, string message) : Exception(message)
{
    public UploadRejection Rejection => rejection;

    public static UploadRejectedException TooLarge(long maxBytes) => new(UploadRejection.TooLarge, $"The file is larger than {maxBytes} bytes.");
}

/// <summary>What the bytes of an accepted upload were found to be.</summary>
public sealed record InspectedFile(string ContentType, long Size, string Sha256);

/// <summary>
/// Watches an upload's bytes as they stream past, without keeping them: counts them against the limit,
/// hashes them, and decides their type from the leading bytes (or, for text, from every byte). Throws
/// <see cref="UploadRejectedException"/> as soon as the upload is known to be refused.
/// </summary>
public sealed class UploadInspector(long maxBytes, string fileName) : IDisposable
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Decoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly byte[] _head = new byte[AttachmentTypes.SignatureLength];
    private char[] _chars = [];
    private int _headLength;
    private bool _headDecided;
    private string? _signatureType;
    private bool _maybeText = true;

    public long Size { get; private set; }

    public void Observe(ReadOnlySpan<byte> chunk)
    {
        Size += chunk.Length;
        if (Size > maxBytes)
        {
            throw UploadRejectedException.TooLarge(maxBytes);
        }

        _sha256.AppendData(chunk);
        var copied = Math.Min(chunk.Length, _head.Length - _headLength);
        chunk[..copied].CopyTo(_head.AsSpan(_headLength));
        _headLength += copied;
        if (_signatureType is null && _maybeText)
        {
            _maybeText = IsTextSoFar(chunk, flush: false);
        }

        if (!_headDecided && _headLength == _head.Length)
        {
            DecideOnHead();
        }
    }

    /// <summary>The verdict once the last byte was observed.</summary>
    public InspectedFile Complete()
    {
        if (Size == 0)
        {
            throw new UploadRejectedException(UploadRejection.Empty, "The file is empty.");
        }

        if (!_headDecided)
        {
            DecideOnHead();
        }

        if (_signatureType is null && !IsTextSoFar([], flush: true))
        {
            throw Unsupported();
        }

        var contentType = _signatureType ?? AttachmentTypes.OfText(fileName);
        if (!AttachmentTypes.AgreesWithName(contentType, fileName))
        {
            throw Disagrees(contentType);
        }

        return new InspectedFile(contentType, Size, Convert.ToHexStringLower(_sha256.GetHashAndReset()));
    }

    public void Dispose() => _sha256.Dispose();

    private void DecideOnHead()
    {
        _headDecided = true;
        _signatureType = AttachmentTypes.OfSignature(_head.AsSpan(0, _headLength), fileName);
        if (_signatureType is null && !_maybeText)
        {
            throw Unsupported();
        }

        if (_signatureType is not null && !AttachmentTypes.AgreesWithName(_signatureType, fileName))
        {
            throw Disagrees(_signatureType);
        }
    }

    private bool IsTextSoFar(ReadOnlySpan<byte> chunk, bool flush)
    {
        if (!_maybeText || chunk.Contains((byte)0))
        {
            return Fail();
        }

        if (_chars.Length < chunk.Length + 4)
        {
            _chars = new char[chunk.Length + 4];
        }

        try
        {
            _utf8.GetChars(chunk, _chars, flush);
        }
        catch (DecoderFallbackException)
        {
            return Fail();
        }

        return true;

        bool Fail()
        {
            _maybeText = false;
            if (_headDecided && _signatureType is null)
            {
                throw Unsupported();
            }

            return false;
        }
    }

    private UploadRejectedException Disagrees(string found) => new(
        UploadRejection.UnsupportedType, $"The file's bytes are {found.Split(';')[0]}, which a '{Path.GetExtension(fileName)}' file is not.");

    private static UploadRejectedException Unsupported() => new(
        UploadRejection.UnsupportedType,
        "Only PDF, PNG, JPEG, GIF, WebP, Office/OpenDocument files and UTF-8 text are accepted; the file's bytes are none of these.");
}
