using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SoapGen.Benchmarks.Server;

/// <summary>
/// The end-to-end benchmarks' server, in its own process so that its work and allocations are not measured with the
/// client's: Kestrel on 127.0.0.1 (a port the OS picks), answering by SOAPAction with the canned UTF-8 replies.
/// <c>/api.php</c> has the four operations; <c>/large/api.php</c> answers api_licenses_get_client_invoices with
/// <see cref="CannedReplies.LargeInvoiceRows"/> rows; <c>/latin1/api.php</c> answers the four in ISO-8859-1, as NuSOAP
/// (the live InterServer server) does, for the <c>--smoke</c> findings. Prints <c>listening http://127.0.0.1:PORT/</c> once ready and
/// stops when its standard input closes, so it never outlives the benchmark that started it.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var replies = CannedReplies.Bodies.ToDictionary(
            pair => pair.Key, pair => encoding.GetBytes(CannedReplies.Envelope(pair.Key, Encoding.UTF8)), StringComparer.Ordinal);
        var latin1 = CannedReplies.Bodies.ToDictionary(
            pair => pair.Key, pair => Encoding.Latin1.GetBytes(CannedReplies.Envelope(pair.Key, Encoding.Latin1)), StringComparer.Ordinal);
        byte[] large = encoding.GetBytes(CannedReplies.WithDeclaration(CannedReplies.LargeInvoices, Encoding.UTF8));
        byte[] fault = encoding.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">" +
            "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>Unknown SOAPAction</faultstring>" +
            "</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>");

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            string action = context.Request.Headers["SOAPAction"].ToString().Trim('"');
            string op = action.StartsWith(CannedReplies.ActionPrefix, StringComparison.Ordinal)
                ? action.Substring(CannedReplies.ActionPrefix.Length)
                : action;
            bool isLatin1 = context.Request.Path.StartsWithSegments("/latin1");
            byte[]? body = context.Request.Path.StartsWithSegments("/large")
                ? (op == "api_licenses_get_client_invoices" ? large : null)
                : (isLatin1 ? latin1 : replies).GetValueOrDefault(op);
            context.Response.StatusCode = body is null ? 500 : 200;
            context.Response.ContentType = body is not null && isLatin1 ? "text/xml; charset=ISO-8859-1" : "text/xml; charset=utf-8";
            body ??= fault;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine("listening " + address.TrimEnd('/') + "/");
        Console.Out.Flush();

        // The parent holds our stdin: end of input means it is done (or gone).
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }
}
