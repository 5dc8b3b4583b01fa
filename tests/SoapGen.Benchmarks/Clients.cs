using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.ServiceModel;
using System.Threading.Tasks;
using SoapGen.Benchmarks.Baseline;

namespace SoapGen.Benchmarks;

/// <summary>Creates the two clients under test against one endpoint, and checks that they decode the same values.</summary>
internal static class Clients
{
    public const string User = "test@example.com";
    public const string Password = "secret";
    public const string Ip = "192.0.2.9";
    public const int LicenseType = 10682;
    public const string Coupon = "SPRING";

    public static myapiPortTypeClient CreateWcf(Uri endpoint) =>
        new(myapiPortTypeClient.CreateBinding(), new EndpointAddress(endpoint));

    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler { UseCookies = false });

    public static InterServer.MyapiClient CreateSoapGen(HttpClient http, Uri endpoint) => new(http, endpoint);

    /// <summary>
    /// Calls every benchmarked operation on both clients and throws unless both decode what the server sent,
    /// so a benchmark can never compare a broken client.
    /// </summary>
    public static async Task VerifySameValuesAsync(myapiPortType wcf, InterServer.IMyapiClient soapGen)
    {
        string sidW = await wcf.api_loginAsync(User, Password);
        string? sidS = await soapGen.ApiLoginAsync(User, Password);
        Expect("api_login", CannedReplies.SessionId, sidW, sidS);

        var buyW = await wcf.api_buy_licenseAsync(sidW, Ip, LicenseType, Coupon);
        var buyS = await soapGen.ApiBuyLicenseAsync(sidS, Ip, LicenseType, Coupon) ?? throw Fail("api_buy_license: SoapGen returned null");
        Expect("api_buy_license",
            "ok|Order placed. api_buy_license(ip=192.0.2.9, type=10682, coupon=SPRING)|0|34.95",
            Join(buyW.status, buyW.status_text, buyW.invoice, buyW.cost),
            Join(buyS.Status, buyS.StatusText, buyS.Invoice, buyS.Cost));

        var typesW = await wcf.api_get_license_typesAsync() ?? throw Fail("api_get_license_types: WCF returned null");
        var typesS = await soapGen.ApiGetLicenseTypesAsync() ?? throw Fail("api_get_license_types: SoapGen returned null");
        Expect("api_get_license_types rows", CannedReplies.LicenseTypeRows.ToString(CultureInfo.InvariantCulture),
            typesW.Length.ToString(CultureInfo.InvariantCulture), typesS.Length.ToString(CultureInfo.InvariantCulture));
        for (int i = 0; i < typesS.Length; i++)
        {
            var (id, name, cost) = CannedReplies.LicenseType(i);
            var typeS = typesS[i] ?? throw Fail($"api_get_license_types[{i}]: SoapGen read a nil item");
            Expect($"api_get_license_types[{i}]", Join(id, name, cost),
                Join(typesW[i].services_id, typesW[i].services_name, typesW[i].services_cost),
                Join(typeS.ServicesId, typeS.ServicesName, typeS.ServicesCost));
        }

        await VerifyInvoicesAsync(wcf, soapGen, CannedReplies.InvoiceRows);
    }

    /// <summary>Both clients decode every one of the <paramref name="rows"/> invoice rows the endpoint sends.</summary>
    public static async Task VerifyInvoicesAsync(myapiPortType wcf, InterServer.IMyapiClient soapGen, int rows)
    {
        var invW = await wcf.api_licenses_get_client_invoicesAsync(CannedReplies.SessionId) ?? throw Fail("invoices: WCF returned null");
        var invS = await soapGen.ApiLicensesGetClientInvoicesAsync(CannedReplies.SessionId) ?? throw Fail("invoices: SoapGen returned null");
        Expect("api_licenses_get_client_invoices rows", rows.ToString(CultureInfo.InvariantCulture),
            invW.Length.ToString(CultureInfo.InvariantCulture), invS.Length.ToString(CultureInfo.InvariantCulture));
        for (int i = 0; i < invS.Length; i++)
        {
            var w = invW[i];
            var s = invS[i] ?? throw Fail($"invoices[{i}]: SoapGen read a nil item");
            // invoices_extra is xsi:nil="true" on the wire. SoapGen: null. WCF's svcutil contract has a plain int
            // member (the WSDL does not say nillable), so the best WCF can do is 0 — compared separately below.
            Expect($"invoices[{i}]",
                Join(s.InvoicesId, s.InvoicesDescription, s.InvoicesAmount, s.InvoicesCustid, s.InvoicesType, s.InvoicesDate,
                    s.InvoicesGroup, s.InvoicesPaid, s.InvoicesModule, s.InvoicesDueDate, s.InvoicesService, s.InvoicesDeleted, s.InvoicesCurrency),
                Join(w.invoices_id, w.invoices_description, w.invoices_amount, w.invoices_custid, w.invoices_type, w.invoices_date,
                    w.invoices_group, w.invoices_paid, w.invoices_module, w.invoices_due_date, w.invoices_service, w.invoices_deleted, w.invoices_currency),
                Join(s.InvoicesId, s.InvoicesDescription, s.InvoicesAmount, s.InvoicesCustid, s.InvoicesType, s.InvoicesDate,
                    s.InvoicesGroup, s.InvoicesPaid, s.InvoicesModule, s.InvoicesDueDate, s.InvoicesService, s.InvoicesDeleted, s.InvoicesCurrency));
            if (s.InvoicesExtra is not null) throw Fail($"invoices[{i}].invoices_extra: SoapGen read {s.InvoicesExtra} for xsi:nil");
            if (w.invoices_extra is not null) throw Fail($"invoices[{i}].invoices_extra: WCF read {w.invoices_extra} for xsi:nil");
            if (s.InvoicesId != 90001 + i) throw Fail($"invoices[{i}]: id {s.InvoicesId}, expected {90001 + i}");
        }
        if (invS[0]?.InvoicesDescription != "VPS Zürich café") throw Fail("invoices[0]: non-ASCII text was not decoded");
    }

    private static string Join(params object?[] values) =>
        string.Join("|", values.Select(v => v switch
        {
            null => "(null)",
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));

    private static void Expect(string what, string expected, string? wcf, string? soapGen)
    {
        if (wcf != expected || soapGen != expected)
            throw Fail($"{what}: expected [{expected}], WCF read [{wcf}], SoapGen read [{soapGen}]");
    }

    private static InvalidOperationException Fail(string message) => new("Smoke check failed: " + message);
}
