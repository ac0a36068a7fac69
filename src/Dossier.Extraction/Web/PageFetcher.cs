using System.Net;
using System.Net.Http.Headers;

namespace Dossier.Extraction.Web;

/// <summary>A fetched resource.</summary>
/// <param name="Bytes">The body, decompressed.</param>
/// <param name="Url">The address it was finally read from (after redirects).</param>
/// <param name="MediaType">The media type the server gave (text/html, application/rss+xml…), when it gave one.</param>
/// <param name="Charset">The charset the server declared, when it declared one.</param>
internal sealed record FetchedResource(byte[] Bytes, string Url, string? MediaType, string? Charset);

/// <summary>Limits for fetching.</summary>
public sealed record FetchOptions
{
    /// <summary>The whole request, body included, must finish within this time (default 30 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Redirects followed at most (default 5).</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Bodies larger than this are refused (default 20 MiB).</summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The User-Agent sent.</summary>
    public string UserAgent { get; init; } = "Dossier/1.0 (news-intelligence engine; +https://github.com/dossier-news/dossier)";
}

/// <summary>
/// Fetches pages and feeds the user named: the only network use of Dossier. HTTP(S) only, with a
/// timeout, a redirect limit, a size cap read as the body streams in and a clear user agent. Every
/// failure is a <see cref="DossierException"/> with <see cref="DossierErrorCode.FetchFailed"/> (or
/// <see cref="DossierErrorCode.InputTooLarge"/>) naming the URL. Thread-safe.
/// </summary>
public sealed class PageFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly FetchOptions _options;

    /// <summary>Creates a fetcher; <paramref name="handler"/> replaces the network (tests).</summary>
    public PageFetcher(FetchOptions? options = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new FetchOptions();
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = Math.Max(1, _options.MaxRedirects),
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, _options.Timeout.TotalSeconds)),
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = _options.Timeout };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5");
    }

    /// <summary>True when the text is an http or https URL.</summary>
    public static bool IsUrl(string input) =>
        Uri.TryCreate(input, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Fetches a URL.</summary>
    /// <exception cref="DossierException">When the URL is not http(s), unreachable, slow, answers with an error or sends too much.</exception>
    internal FetchedResource Fetch(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsUrl(url))
        {
            throw new DossierException(DossierErrorCode.FetchFailed, "only http and https URLs are fetched", url);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            using var response = _client.Send(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new DossierException(DossierErrorCode.FetchFailed, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}", url);
            }

            if (response.Content.Headers.ContentLength is { } length && length > _options.MaxBytes)
            {
                throw new DossierException(DossierErrorCode.InputTooLarge, $"the response is {length:N0} bytes, over the limit of {_options.MaxBytes:N0}", url);
            }

            using var stream = response.Content.ReadAsStream(timeout.Token);
            var bytes = ReadCapped(stream, url, timeout.Token);
            MediaTypeHeaderValue? type = response.Content.Headers.ContentType;
            return new FetchedResource(bytes, response.RequestMessage?.RequestUri?.ToString() ?? url, type?.MediaType, type?.CharSet);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DossierException(DossierErrorCode.FetchFailed, $"no complete answer within {_options.Timeout.TotalSeconds:F0} s", url);
        }
        catch (HttpRequestException ex)
        {
            throw new DossierException(DossierErrorCode.FetchFailed, $"the URL could not be fetched: {ex.Message}", url, ex);
        }
        catch (IOException ex)
        {
            throw new DossierException(DossierErrorCode.FetchFailed, $"the connection failed while reading: {ex.Message}", url, ex);
        }
    }

    private byte[] ReadCapped(Stream stream, string url, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.ReadAsync(chunk, cancellationToken).AsTask().GetAwaiter().GetResult()) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _options.MaxBytes)
            {
                throw new DossierException(DossierErrorCode.InputTooLarge, $"the response is over the limit of {_options.MaxBytes:N0} bytes", url);
            }
        }

        return buffer.ToArray();
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();
}
