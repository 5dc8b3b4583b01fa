using System;
using System.Net.Http;
using SoapGen.Runtime;
using SoftLayer;

/// <summary>
/// The clients the flows use, made the way the seed's <c>SoftLayer.create_client_from_env()</c> does: credentials
/// from <c>SL_USERNAME</c> and <c>SL_API_KEY</c>, the endpoint from <c>SL_ENDPOINT_URL</c> (default SoftLayer's own).
/// </summary>
internal sealed class SoftLayerApi
{
    public const string DefaultEndpoint = "https://api.softlayer.com/soap/v3.1/";

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly Authenticate _credentials;

    private SoftLayerApi(HttpClient http, Uri endpoint, Authenticate credentials)
    {
        _http = http;
        _endpoint = endpoint;
        _credentials = credentials;
    }

    public static SoftLayerApi FromEnvironment(HttpClient http)
    {
        string username = Environment.GetEnvironmentVariable("SL_USERNAME") ?? throw new InvalidOperationException("Set SL_USERNAME to your SoftLayer user name.");
        string apiKey = Environment.GetEnvironmentVariable("SL_API_KEY") ?? throw new InvalidOperationException("Set SL_API_KEY to your SoftLayer API key.");
        string endpoint = Environment.GetEnvironmentVariable("SL_ENDPOINT_URL") is { Length: > 0 } url ? url : DefaultEndpoint;
        return new SoftLayerApi(http, new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/"), new Authenticate { Username = username, ApiKey = apiKey });
    }

    public SoftLayerAccountClient Account => new(_http, Options("SoftLayer_Account"));

    public SoftLayerBillingItemClient BillingItem => new(_http, Options("SoftLayer_Billing_Item"));

    public SoftLayerBillingItemCancellationRequestClient CancellationRequest => new(_http, Options("SoftLayer_Billing_Item_Cancellation_Request"));

    public SoftLayerVirtualGuestClient VirtualGuest => new(_http, Options("SoftLayer_Virtual_Guest"));

    public SoftLayerNetworkApplicationDeliveryControllerLoadBalancerVirtualIpAddressClient LoadBalancer =>
        new(_http, Options("SoftLayer_Network_Application_Delivery_Controller_LoadBalancer_VirtualIpAddress"));

    public SoftLayerNetworkSubnetClient Subnet => new(_http, Options("SoftLayer_Network_Subnet"));

    public SoftLayerNetworkStorageClient Storage => new(_http, Options("SoftLayer_Network_Storage"));

    public SoftLayerNetworkVlanClient Vlan => new(_http, Options("SoftLayer_Network_Vlan"));

    // Every service's authenticate header is the same element: any client's descriptor names it.
    private SoapClientOptions Options(string service) =>
        new SoapClientOptions { Endpoint = new Uri(_endpoint, service) }
            .UseHeaderCredentials(SoftLayerAccountClient.Headers.Authenticate, _credentials);
}
