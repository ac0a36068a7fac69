using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dossier.Extraction.Web;

namespace Dossier.Tests.Extraction;

public class FetchLimitTests
{
    [Fact]
    public void AnEndlessBody_IsCutAtTheLimitWhileReading()
    {
        var body = new EndlessStream();
        using var fetcher = new PageFetcher(new FetchOptions { MaxBytes = 1024 * 1024 }, new StreamHandler(body));

        var error = Assert.Throws<DossierException>(() => fetcher.Fetch("https://news.example.com/endless"));

        Assert.Equal((DossierErrorCode.InputTooLarge, "https://news.example.com/endless"), (error.Code, error.DocumentSource));
        Assert.InRange(body.Served, 1024 * 1024, (1024 * 1024) + (256 * 1024));
    }

    [Fact]
    public async Task AGzipBombOverHttp_IsDecompressedOnlyUpToTheLimit()
    {
        using var member = new MemoryStream();
        using (var gzip = new GZipStream(member, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new byte[64 * 1024 * 1024]);
        }

        var bomb = Enumerable.Repeat(member.ToArray(), 16).SelectMany(m => m).ToArray();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = Serve(listener, bomb);
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/bomb.html";
        using var fetcher = new PageFetcher(new FetchOptions { Timeout = TimeSpan.FromSeconds(20) });
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<DossierException>(() => fetcher.Fetch(url));

        Assert.Equal((DossierErrorCode.InputTooLarge, url), (error.Code, error.DocumentSource));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        await server;
    }

    /// <summary>Answers one request with a gzip-encoded body, then closes.</summary>
    private static async Task Serve(TcpListener listener, byte[] gzipBody)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var request = new List<byte>();
        var buffer = new byte[4096];
        while (!Encoding.ASCII.GetString([.. request]).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            request.AddRange(buffer[..read]);
        }

        var head = $"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: {gzipBody.Length}\r\nConnection: close\r\n\r\n";
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(gzipBody);
        }
        catch (IOException)
        {
            // The client hung up once it had read up to its limit.
        }
    }

    /// <summary>A body that never ends; counts what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class StreamHandler(Stream body) : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/html");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
