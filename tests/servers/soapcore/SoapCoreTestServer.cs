using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SoapCore;

namespace SoapGen.SoapCoreServer;

/// <summary>
/// Hosts <see cref="EchoService"/> with SoapCore (XmlSerializer) on Kestrel, once per endpoint:
/// <c>/soap11.asmx</c> (SOAP 1.1) and <c>/soap12.asmx</c> (SOAP 1.2, no WS-Addressing). <c>?wsdl</c> on either gives its WSDL.
/// </summary>
public static class SoapCoreTestServer
{
    public const string Soap11Path = "/soap11.asmx";
    public const string Soap12Path = "/soap12.asmx";

    /// <summary>The base address the saved WSDLs carry instead of the running server's (its port is random).</summary>
    public static readonly Uri StableBase = new("http://localhost/");

    /// <summary>Starts the server on 127.0.0.1; port 0 picks a free one (see <see cref="SoapCoreHost.BaseUri"/>).</summary>
    public static Task<SoapCoreHost> StartAsync(int port = 0, CancellationToken cancellationToken = default) =>
        StartAsync(["--urls", $"http://127.0.0.1:{port}"], handleConsoleSignals: false, cancellationToken);

    /// <summary>Starts the server with ASP.NET Core command-line arguments (<c>--urls</c> and the like).</summary>
    /// <param name="args">Command-line arguments for the host.</param>
    /// <param name="handleConsoleSignals">
    /// Whether Ctrl+C and SIGTERM stop the server (standalone). Off in-process, where those signals are the test host's.
    /// </param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<SoapCoreHost> StartAsync(string[] args, bool handleConsoleSignals = false, CancellationToken cancellationToken = default)
    {
        WebApplication app = Build(args, handleConsoleSignals);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SoapCoreHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static WebApplication Build(string[] args, bool handleConsoleSignals)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
        if (!handleConsoleSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, InProcessLifetime>();
        }

        // In-process in a test host: no console chatter per request, warnings only.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSoapCore();
        builder.Services.AddSingleton<EchoService>();

        WebApplication app = builder.Build();
        // The IApplicationBuilder overload (middleware); WebApplication is also an IEndpointRouteBuilder.
        IApplicationBuilder pipeline = app;
        // SOAP 1.2 faults carry xml:lang of the current culture: fixed so replies do not depend on the host's locale.
        pipeline.Use(async (context, next) =>
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            await next(context).ConfigureAwait(false);
        });
        pipeline.UseSoapEndpoint<EchoService>(o => Configure(o, Soap11Path, MessageVersion.Soap11));
        pipeline.UseSoapEndpoint<EchoService>(o => Configure(o, Soap12Path, MessageVersion.CreateVersion(EnvelopeVersion.Soap12, AddressingVersion.None)));
        return app;
    }

    private static void Configure(SoapCoreOptions options, string path, MessageVersion version)
    {
        options.Path = path;
        options.SoapSerializer = SoapSerializer.XmlSerializer;
        options.EncoderOptions = [new SoapEncoderOptions { MessageVersion = version }];
        // Indented, so a change of the contract shows as a readable diff of the saved WSDLs.
        options.IndentWsdl = true;
    }

    /// <summary>The WSDL as saved under wsdl/soapcore: the live address replaced by <see cref="StableBase"/>, LF line ends, one final newline.</summary>
    public static string NormalizeWsdl(string wsdl, Uri liveBase)
    {
        string live = liveBase.GetLeftPart(UriPartial.Authority) + "/";
        return wsdl.Replace(live, StableBase.ToString(), StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
    }

    /// <summary>GET <c>{path}?wsdl</c> of a running server, normalized.</summary>
    public static async Task<string> FetchWsdlAsync(Uri baseUri, string path, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        string wsdl = await http.GetStringAsync(new Uri(baseUri, path.TrimStart('/') + "?wsdl"), cancellationToken).ConfigureAwait(false);
        return NormalizeWsdl(wsdl, baseUri);
    }
}

/// <summary>A host lifetime that leaves the process's signals alone: the owner stops the server by disposing it.</summary>
internal sealed class InProcessLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A running server; disposing stops it.</summary>
public sealed class SoapCoreHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal SoapCoreHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri { get; }

    public Uri Soap11Endpoint => new(BaseUri, SoapCoreTestServer.Soap11Path.TrimStart('/'));

    public Uri Soap12Endpoint => new(BaseUri, SoapCoreTestServer.Soap12Path.TrimStart('/'));

    /// <summary>Completes when the host is told to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
