using System.Net;
using System.Security.Cryptography;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Attachments;
using TicketPlatform.Api.Attachments;
using TicketPlatform.Events;

namespace TicketPlatform.Api.Tests.Attachments;

public abstract class AttachmentUploadTests(ApiFixture fixture) : AttachmentTestBase(fixture)
{
    public static TheoryData<string, byte[], string> AllowedFiles => new()
    {
        { "photo.png", SampleFiles.Png, "image/png" },
        { "photo.jpg", SampleFiles.Jpeg, "image/jpeg" },
        { "anim.gif", SampleFiles.Gif, "image/gif" },
        { "pic.webp", SampleFiles.WebP, "image/webp" },
        { "letter.docx", SampleFiles.Zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "sheet.xlsx", SampleFiles.Zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "notes.txt", SampleFiles.Text("Grüße, the printer is on fire 🔥\n"), AttachmentTypes.PlainText },
        { "data.csv", SampleFiles.Text("a,b\n1,2\n"), AttachmentTypes.Csv },
        { "server.log", SampleFiles.Text("12:00 paper jam\n"), AttachmentTypes.PlainText },
        { "README.md", SampleFiles.Text("# Steps\n"), AttachmentTypes.PlainText },
        { "dump.json", SampleFiles.Text("{\"jam\":true}"), AttachmentTypes.PlainText },
    };

    /// <summary>Name, bytes and declared type that do not agree, and files that are never accepted whatever they hold.</summary>
    public static TheoryData<string, byte[], string> DisagreeingFiles => new()
    {
        { "notes.pdf", SampleFiles.Text("just text"), "application/pdf" },
        { "report.pdf", SampleFiles.Pdf, "image/png" },
        { "photo.png", SampleFiles.Pdf, "image/png" },
        { "photo.png", SampleFiles.Pdf, "application/octet-stream" },
        { "letter.txt", SampleFiles.Pdf, "text/plain" },
        { "page.html", SampleFiles.Text("<html><body><script>alert(1)</script></body></html>"), "text/html" },
        { "page.html", SampleFiles.Text("<html></html>"), "text/plain" },
        { "notes.txt", SampleFiles.Text("<html></html>"), "text/html" },
        { "logo.svg", SampleFiles.Text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "image/svg+xml" },
        { "run.hta", SampleFiles.Text("<script>new ActiveXObject('WScript.Shell')</script>"), "application/hta" },
        { "run.bat", SampleFiles.Text("@echo off\r\ndel *.*\r\n"), "application/octet-stream" },
        { "run.ps1", SampleFiles.Text("Remove-Item -Recurse C:\\\n"), "text/plain" },
        { "passwd", SampleFiles.Text("root:x:0:0\n"), "text/plain" },
    };

    [Fact]
    public async Task A_pdf_goes_in_and_comes_back_byte_identical_as_a_download()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "See the report");

        var response = await Upload(user, ticket.Number, message.Id, SampleFiles.Pdf, "report.pdf", "application/pdf");
        var attachment = await response.Read<AttachmentView>(HttpStatusCode.Created);

        Assert.Equal($"/api/attachments/{attachment.Id}", response.Headers.Location?.ToString());
        Assert.Equal(
            (ticket.Number, message.Id, user.Id, "report.pdf", "application/pdf", (long)SampleFiles.Pdf.Length, Convert.ToHexStringLower(SHA256.HashData(SampleFiles.Pdf))),
            (attachment.TicketNumber, attachment.MessageId, attachment.UploaderId, attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256));
        Assert.Equal(attachment, await (await user.Client.GetAsync($"/api/attachments/{attachment.Id}")).Read<AttachmentView>());
        var download = await user.Client.GetAsync($"/api/attachments/{attachment.Id}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SampleFiles.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("attachment", "report.pdf"), (download.Content.Headers.ContentDisposition?.DispositionType, download.Content.Headers.ContentDisposition?.FileName));
        Assert.Equal(["nosniff"], download.Headers.GetValues("X-Content-Type-Options"));
        Assert.True(File.Exists(await BlobPathOf(attachment.Id)));
        var added = (await Events(user, ticket.Number))[^1];
        Assert.Equal((TicketEventType.AttachmentAdded, EventVisibility.Public), (added.Type, added.Visibility));
        Assert.Equal((attachment.Id, message.Id), (added.Payload.GetProperty("attachmentId").GetGuid(), added.Payload.GetProperty("messageId").GetGuid()));
    }

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public async Task Each_allowed_type_is_recognised_by_its_bytes_and_recorded_as_ours(string fileName, byte[] bytes, string contentType)
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Files");

        var generic = await (await Upload(user, ticket.Number, message.Id, bytes, fileName, "application/octet-stream")).Read<AttachmentView>(HttpStatusCode.Created);
        var declared = await (await Upload(user, ticket.Number, message.Id, bytes, fileName, contentType)).Read<AttachmentView>(HttpStatusCode.Created);

        Assert.Equal((fileName, contentType), (generic.FileName, generic.ContentType));
        Assert.Equal((fileName, contentType), (declared.FileName, declared.ContentType));
    }

    [Theory]
    [MemberData(nameof(DisagreeingFiles))]
    public async Task A_file_whose_bytes_name_and_declared_type_disagree_is_415_and_nothing_is_stored(string fileName, byte[] bytes, string declared)
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Files");
        var blobs = BlobFiles();

        await (await Upload(user, ticket.Number, message.Id, bytes, fileName, declared)).Problem(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");

        await AssertNothingStored(message.Id, blobs);
    }

    [Fact]
    public async Task A_truncated_multipart_body_is_400_and_nothing_is_stored()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Cut off");
        var blobs = BlobFiles();
        var body = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes(
            "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\nThe printer is on f"));
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");
        var headersOnly = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes("--cut\r\nContent-Disposition: form-da"));
        headersOnly.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");

        var problem = await (await user.Client.PostAsync(UploadUrl(ticket.Number, message.Id), body)).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await user.Client.PostAsync(UploadUrl(ticket.Number, message.Id), headersOnly)).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.NotNull(problem["errors"]?["file"]);
        await AssertNothingStored(message.Id, blobs);
    }

    [Fact]
    public async Task A_client_path_in_the_file_name_is_cut_to_its_last_segment()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Files");

        var passwd = await Attach(user, ticket.Number, message.Id, SampleFiles.Text("root:x:0:0\n"), "../../etc/passwd.txt");
        var windows = await Attach(user, ticket.Number, message.Id, SampleFiles.Pdf, "..\\..\\Windows\\win.pdf");
        var hidden = await Attach(user, ticket.Number, message.Id, SampleFiles.Pdf, "re\u202Eport\u0007.pdf");

        Assert.Equal(["passwd.txt", "win.pdf", "report.pdf"], new[] { passwd.FileName, windows.FileName, hidden.FileName });
        Assert.StartsWith(BlobDirectory, await BlobPathOf(passwd.Id), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Api.DataDirectory, "etc", "passwd")));
    }

    [Fact]
    public async Task An_executable_renamed_png_is_415_and_nothing_is_stored()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Cute cat");
        var blobs = BlobFiles();

        await (await Upload(user, ticket.Number, message.Id, SampleFiles.Executable, "cat.png", "image/png")).Problem(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");

        await AssertNothingStored(message.Id, blobs);
    }

    [Theory]
    [InlineData("archive.zip", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE")]
    [InlineData("latin1.txt", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE")]
    [InlineData("nul.txt", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE")]
    [InlineData("empty.pdf", HttpStatusCode.BadRequest, "VALIDATION")]
    public async Task Files_off_the_allow_list_or_empty_are_refused_and_nothing_is_stored(string fileName, HttpStatusCode status, string code)
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Files");
        var blobs = BlobFiles();
        byte[] bytes = fileName switch
        {
            "archive.zip" => SampleFiles.Zip,
            "latin1.txt" => [0x47, 0x72, 0xFC, 0xDF, 0x65],
            "nul.txt" => [0x61, 0x00, 0x62],
            _ => [],
        };

        await (await Upload(user, ticket.Number, message.Id, bytes, fileName, "application/pdf")).Problem(status, code);

        await AssertNothingStored(message.Id, blobs);
    }

    [Fact]
    public async Task A_file_one_byte_over_the_limit_is_413_and_nothing_is_stored()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Big");
        var blobs = BlobFiles();
        var atLimit = SampleFiles.Text(new string('a', (int)AttachmentSettings.MaxBytes));

        await (await Upload(user, ticket.Number, message.Id, [.. atLimit, (byte)'a'], "big.txt")).Problem(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        await AssertNothingStored(message.Id, blobs);

        var accepted = await Attach(user, ticket.Number, message.Id, atLimit, "exact.txt");
        Assert.Equal(AttachmentSettings.MaxBytes, accepted.Size);
    }

    [Fact]
    public async Task An_endless_upload_is_answered_413_after_a_bounded_read()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Endless");
        var blobs = BlobFiles();
        var endless = new EndlessContent();
        var form = new MultipartFormDataContent { { endless, "file", "endless.txt" } };

        using var unbuffered = UnbufferedClient(user);
        HttpResponseMessage? response = null;
        try
        {
            response = await unbuffered.PostAsync(UploadUrl(ticket.Number, message.Id), form);
        }
        catch (HttpRequestException)
        {
            // On a real socket the server answers 413 and closes; a client still writing may see the close before the answer.
        }

        var sentWhenAnswered = endless.Sent;
        endless.Stop();

        if (response is not null)
        {
            await response.Problem(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        }

        Assert.InRange(sentWhenAnswered, AttachmentSettings.MaxBytes, RefusedUpload.RequestLimit(AttachmentSettings.MaxBytes) + 4 * 1024 * 1024 + SocketBuffers());
        await AssertNothingStored(message.Id, blobs);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_with_expect_continue_is_413_before_the_body_is_sent()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Declared");
        var file = new CountingContent(new byte[AttachmentSettings.MaxBytes + AttachmentUpload.FramingAllowance + 1]);
        var form = new MultipartFormDataContent { { file, "file", "big.txt" } };

        using var unbuffered = UnbufferedClient(user);
        unbuffered.DefaultRequestHeaders.ExpectContinue = true;
        var response = await unbuffered.PostAsync(UploadUrl(ticket.Number, message.Id), form);

        await response.Problem(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        Assert.Equal(0, file.Sent);
    }

    [Fact]
    public async Task Requests_without_a_file_part_are_refused()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Files");
        var url = UploadUrl(ticket.Number, message.Id);

        await (await user.Client.PostJson(url, new { file = "x" })).Problem(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        var fieldOnly = new MultipartFormDataContent { { new StringContent("hello"), "note" } };
        var problem = await (await user.Client.PostAsync(url, fieldOnly)).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("file"), problem.ToJsonString());
    }

    // Bytes the client counts as sent that the server never read: the kernel's send and receive buffers of the
    // loopback connection, at most their configured maxima.
    private static long SocketBuffers() =>
        new[] { "/proc/sys/net/ipv4/tcp_wmem", "/proc/sys/net/ipv4/tcp_rmem" }
            .Sum(file => File.Exists(file) ? long.Parse(File.ReadAllText(file).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[^1], System.Globalization.CultureInfo.InvariantCulture) : 32L * 1024 * 1024);

    /// <summary>The factory's default client buffers a request body whole (to replay it on redirects); a plain one does not.</summary>
    private HttpClient UnbufferedClient(TestUser user)
    {
        var client = new HttpClient { BaseAddress = Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;
        return client;
    }

    private async Task AssertNothingStored(Guid messageId, string[] blobsBefore)
    {
        Assert.Equal(0, await Api.Database.CountRows("attachments", "message_id", messageId));
        Assert.Empty(BlobFiles().Except(blobsBefore));
    }

    /// <summary>A fixed body that counts what was actually sent.</summary>
    private sealed class CountingContent(byte[] bytes) : HttpContent
    {
        private long _sent;

        public long Sent => Interlocked.Read(ref _sent);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(bytes);
            Interlocked.Add(ref _sent, bytes.Length);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }

    /// <summary>A file part that never ends until stopped, counting what it sent.</summary>
    private sealed class EndlessContent : HttpContent
    {
        private readonly CancellationTokenSource _stop = new();
        private long _sent;

        public long Sent => Interlocked.Read(ref _sent);

        public void Stop() => _stop.Cancel();

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[8 * 1024];
            Array.Fill(chunk, (byte)'a');
            while (!_stop.IsCancellationRequested && Sent < 1L << 30)
            {
                await stream.WriteAsync(chunk);
                Interlocked.Add(ref _sent, chunk.Length);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _stop.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

[Collection(nameof(SqliteAttachmentApi))]
public sealed class SqliteAttachmentUploadTests(SqliteAttachmentApi fixture) : AttachmentUploadTests(fixture);

[Collection(nameof(PostgresAttachmentApi))]
public sealed class PostgresAttachmentUploadTests(PostgresAttachmentApi fixture) : AttachmentUploadTests(fixture);
