using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using SoapGen.Runtime;
using SoftLayer;

namespace SoapGen.Interop.Tests;

/// <summary>
/// The generated SoftLayer clients (wsdl/softlayer, eight services, one shared schema) against the SoftLayer test
/// server on PHP SoapServer (tests/servers/softlayer): every header SoftLayer's API carries, on the wire and in effect —
/// credentials, init parameters, object masks, object filters, result limits and the totalItems reply header — and
/// SoftLayer's faults.
/// </summary>
public sealed class SoftLayerInteropTests : IClassFixture<SoftLayerPhpServer>
{
    private const string Tns = "http://api.service.softlayer.com/soap/v3.1/";
    private static readonly XNamespace SoapEnv = "http://schemas.xmlsoap.org/soap/envelope/";

    private readonly SoftLayerPhpServer _server;
    private readonly RecordingHandler _wire = new();
    private readonly HttpClient _http;

    public SoftLayerInteropTests(SoftLayerPhpServer server)
    {
        _server = server;
        _server.Reset();
        _http = new HttpClient(_wire) { Timeout = TimeSpan.FromSeconds(60) };
    }

    private SoapClientOptions Options(string service, string apiKey = SoftLayerPhpServer.ApiKey) =>
        new SoapClientOptions { Endpoint = _server.EndpointFor(service) }
            .UseHeaderCredentials(SoftLayerAccountClient.Headers.Authenticate, new Authenticate { Username = SoftLayerPhpServer.Username, ApiKey = apiKey });

    private SoftLayerVirtualGuestClient Guests(string apiKey = SoftLayerPhpServer.ApiKey) => new(_http, Options("SoftLayer_Virtual_Guest", apiKey));

    private SoftLayerBillingItemClient BillingItems() => new(_http, Options("SoftLayer_Billing_Item"));

    private SoftLayerAccountClient Account() => new(_http, Options("SoftLayer_Account"));

    [Fact]
    public async Task HeadersTravelInTheEnvelopeHeaderAndTheBodyHoldsOnlyTheCall()
    {
        var item = await Guests().GetBillingItemAsync(mask: "mask[id]", id: 12345678);

        Assert.NotNull(item?.Id);
        XElement envelope = XElement.Parse(_wire.Last.RequestBody);
        XElement header = envelope.Element(SoapEnv + "Header")!;
        XElement authenticate = header.Element(XName.Get("authenticate", Tns))!;
        Assert.Equal(SoftLayerPhpServer.Username, authenticate.Element("username")?.Value);
        Assert.Equal("12345678", header.Element(XName.Get("SoftLayer_Virtual_GuestInitParameters", Tns))?.Element("id")?.Value);
        Assert.Equal("mask[id]", header.Element(XName.Get("SoftLayer_ObjectMask", Tns))?.Element("mask")?.Value);
        Assert.Equal(3, header.Elements().Count());
        XElement call = Assert.Single(envelope.Element(SoapEnv + "Body")!.Elements());
        Assert.Equal(XName.Get("getBillingItem", Tns), call.Name);
        Assert.Empty(call.Elements());
    }

    [Fact]
    public async Task AWrongApiKeyIsASoapAuthenticationExceptionThatDoesNotShowTheKey()
    {
        var rejected = await Assert.ThrowsAsync<SoapAuthenticationException>(() => Guests("not-the-key").GetObjectAsync(id: 12345678));

        var fault = Assert.IsType<SoapFaultException>(rejected.InnerException);
        Assert.True(fault.HasCode("SoftLayer_Exception_InvalidLegacyToken"));
        Assert.Equal("Invalid API token.", fault.Reason);
        Assert.DoesNotContain("not-the-key", rejected.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownIdIsTheObjectNotFoundFaultEasyToFilter()
    {
        try
        {
            await Guests().GetObjectAsync(id: 999);
            Assert.Fail("no fault");
        }
        catch (SoapFaultException ex) when (ex.HasCode("SoftLayer_Exception_ObjectNotFound"))
        {
            Assert.Equal("Unable to find object with id of '999'.", ex.Reason);
        }
    }

    [Fact]
    public async Task RelationalPropertiesComeBackOnlyWhenTheMaskAsksForThem()
    {
        var plain = await Guests().GetObjectAsync(id: 12345678);
        var masked = await Guests().GetObjectAsync(mask: "mask[id,hostname,billingItem[id]]", id: 12345678);

        Assert.Equal(12345678, plain?.Id);
        Assert.Null(plain?.BillingItem);
        Assert.NotNull(plain?.Hostname);
        Assert.Equal(12345678, masked?.Id);
        Assert.NotNull(masked?.BillingItem?.Id);
    }

    [Fact]
    public async Task AResultLimitPagesAndTheTotalComesBackInTheTotalItemsReplyHeader()
    {
        var call = new SoapCallOptions();
        var page = await Account().With(call).GetHardwareAsync(limit: 2, offset: 1);

        Assert.Equal(2, page?.Length);
        int? total = call.Reply?.GetHeader(SoftLayerAccountClient.Headers.TotalItems)?.Amount;
        Assert.Equal(4, total);
        var all = await Account().GetHardwareAsync();
        Assert.Equal(all!.Skip(1).Take(2).Select(h => h!.Id), page!.Select(h => h!.Id));
    }

    [Fact]
    public async Task TheObjectFilterHeaderSelectsWhatTheSeedAsksFor()
    {
        var filter = new XElement("filter", new XElement("cdnAccounts", new XElement("cdnAccountName", new XElement("operation", "14793"))));

        var matching = await Account().GetCdnAccountsAsync(objectFilter: filter, mask: "mask[billingItem]");
        var all = await Account().GetCdnAccountsAsync();

        var cdn = Assert.Single(matching!)!;
        Assert.Equal("14793", cdn.CdnAccountName);
        Assert.NotNull(cdn.BillingItem?.Id);
        Assert.True(all!.Length > 1);
    }

    [Fact]
    public async Task ACancelReallyCancels()
    {
        var guests = Guests();
        int billingId = (await guests.GetBillingItemAsync(mask: "mask[id]", id: 12345678))!.Id!.Value;

        Assert.True(await BillingItems().CancelServiceAsync(id: billingId));
        Assert.Null(await guests.GetBillingItemAsync(mask: "mask[id]", id: 12345678));
        var again = await Assert.ThrowsAsync<SoapFaultException>(() => BillingItems().CancelServiceAsync(id: billingId));
        Assert.True(again.HasCode("SoftLayer_Exception_Public"));
    }

    [Fact]
    public async Task ACancellationRequestTemplateGoesAsAnEncodedStructWithAnArrayOfItems()
    {
        var loadBalancers = new SoftLayerNetworkApplicationDeliveryControllerLoadBalancerVirtualIpAddressClient(
            _http, Options("SoftLayer_Network_Application_Delivery_Controller_LoadBalancer_VirtualIpAddress"));
        var vip = await loadBalancers.GetObjectAsync(mask: "mask[accountId, dedicatedFlag, dedicatedBillingItem[id], billingItem[id]]", id: 109225);
        var requests = new SoftLayerBillingItemCancellationRequestClient(_http, Options("SoftLayer_Billing_Item_Cancellation_Request"));

        var created = await requests.CreateObjectAsync(new SoftLayerBillingItemCancellationRequest
        {
            AccountId = vip!.AccountId,
            Items = [new SoftLayerBillingItemCancellationRequestItem { BillingItemId = vip.BillingItem!.Id, ImmediateCancellationFlag = true }],
        });

        Assert.Equal(SoftLayerPhpServer.AccountId, created?.AccountId);
        var item = Assert.Single(created!.Items!)!;
        Assert.Equal(vip.BillingItem.Id, item.BillingItemId);
        Assert.NotNull(created.Id);
    }
}
