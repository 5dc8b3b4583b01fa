using System;
using System.Threading.Tasks;
using SoapGen.Benchmarks.Baseline;

namespace SoapGen.Benchmarks;

/// <summary>The <c>--smoke</c> path: correctness of both clients, and what WCF does with a NuSOAP-style ISO-8859-1 reply.</summary>
internal static class Smoke
{
    public static async Task<int> RunAsync()
    {
        using var server = new OutOfProcessServer();
        using var http = Clients.CreateHttpClient();
        var soapGen = Clients.CreateSoapGen(http, server.Endpoint);
        var wcf = Clients.CreateWcf(server.Endpoint);
        try
        {
            await Clients.VerifySameValuesAsync(wcf, soapGen);
            Console.WriteLine("smoke: WCF and SoapGen decode the same values for api_login, api_buy_license, " +
                "api_get_license_types and api_licenses_get_client_invoices (UTF-8 replies)");
        }
        catch (Exception e)
        {
            Console.WriteLine("smoke FAILED: " + e);
            return 1;
        }
        finally
        {
            wcf.Abort();
        }

        // Finding: the same replies in ISO-8859-1 (what the live NuSOAP server sends).
        var wcfLatin1 = Clients.CreateWcf(server.Latin1Endpoint);
        try
        {
            string sid = await wcfLatin1.api_loginAsync(Clients.User, Clients.Password);
            Console.WriteLine($"finding: WCF accepted the ISO-8859-1 reply (api_login -> {sid})");
        }
        catch (Exception e)
        {
            Console.WriteLine($"finding: WCF against an ISO-8859-1 reply (api_login): {e.GetType().FullName}: {e.Message}");
            for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
                Console.WriteLine($"  inner: {inner.GetType().FullName}: {inner.Message}");
        }
        finally
        {
            wcfLatin1.Abort();
        }

        // Finding: xsi:nil on an xsd:int member with the contract exactly as svcutil generates it (int, not int?).
        var factory = new System.ServiceModel.ChannelFactory<Baseline.AsGenerated.myapiPortType>(
            myapiPortTypeClient.CreateBinding(), new System.ServiceModel.EndpointAddress(server.Endpoint));
        var asGenerated = factory.CreateChannel();
        try
        {
            var rows = await asGenerated.api_licenses_get_client_invoicesAsync(CannedReplies.SessionId);
            Console.WriteLine($"finding: WCF (svcutil's int member) read xsi:nil invoices_extra as {rows[0].invoices_extra}");
        }
        catch (Exception e)
        {
            Console.WriteLine($"finding: WCF (svcutil's int member) against <invoices_extra xsi:nil=\"true\"/>: {e.GetType().FullName}: {e.Message}");
            for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
                Console.WriteLine($"  inner: {inner.GetType().FullName}: {inner.Message}");
        }
        finally
        {
            factory.Abort();
        }

        var soapGenLatin1 = Clients.CreateSoapGen(http, server.Latin1Endpoint);
        var types = await soapGenLatin1.ApiGetLicenseTypesAsync();
        string? name = types?[1]?.ServicesName;
        bool ok = name == CannedReplies.LicenseType(1).Name;
        Console.WriteLine($"finding: SoapGen against the ISO-8859-1 reply (api_get_license_types[1]): \"{name}\" {(ok ? "(correct)" : "(WRONG)")}");
        Console.WriteLine("smoke OK");
        return ok ? 0 : 1;
    }
}
