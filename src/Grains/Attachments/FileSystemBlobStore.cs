using System.Buffers;
using System.Runtime.CompilerServices;
using TicketPlatform.Common;

namespace TicketPlatform.Attachments;

/// <summary>
/// Blobs as files under one root, fanned out by the first two characters of the name. A blob is written to a
/// temporary file and moved into place whole, so a reader never sees a partial blob.
/// </summary>
public sealed class FileSystemBlobStore(string root) : IBlobStore
{
    private const int BufferSize = 81_920;
    private const string PartialSuffix = ".partial";

    private static readonly SearchValues<char> NameCharacters = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyz");

    public string Root => root;

    public async Task Put(string name, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        OwnerOnly.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}{PartialSuffix}";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(partial, path, overwrite: false);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<Stream?> Open(string name, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(
                PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task Delete(string name, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(PathOf(name));
        }
        catch (DirectoryNotFoundException)
        {
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> WrittenBetween(DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in Files(until).Where(file => file.LastWriteTimeUtc >= from.UtcDateTime).Where(file => !file.Name.EndsWith(PartialSuffix, StringComparison.Ordinal)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return file.Name;
        }

        await Task.CompletedTask;
    }

    public Task<int> RemoveAbandonedWrites(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var partial in Files(cutoff).Where(file => file.Name.EndsWith(PartialSuffix, StringComparison.Ordinal)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            partial.Delete();
            removed++;
        }

        return Task.FromResult(removed);
    }

    /// <summary>The files under the root last written before <paramref name="cutoff"/>; a blob is moved into place whole, so its time is when its writing ended.</summary>
    private IEnumerable<FileInfo> Files(DateTimeOffset cutoff) => new DirectoryInfo(root).Exists
        ? new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories).Where(file => file.LastWriteTimeUtc < cutoff.UtcDateTime)
        : [];

    /// <summary>Names are generated, never taken from a client: lowercase letters and digits only, so no name can leave the root.</summary>
    private string PathOf(string name)
    {
        if (name.Length is < 8 or > 64 || name.AsSpan().ContainsAnyExcept(NameCharacters))
        {
            throw new ArgumentException("A blob name is 8 to 64 lowercase letters and digits.", nameof(name));
        }

        return Path.Combine(root, name[..2], name);
    }
}
