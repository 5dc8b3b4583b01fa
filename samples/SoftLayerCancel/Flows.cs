using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using SoftLayer;

/// <summary>The flows of the seed "Cancel an item or service", one method each, in the seed's order.</summary>
internal static class Flows
{
    /// <summary>Cancel Virtual Guest Service: the guest's billing item, then cancelService on it.</summary>
    public static async Task<int> CancelVirtualGuestAsync(SoftLayerApi client, int guestId, CancellationToken ct)
    {
        var billingItem = await client.VirtualGuest.GetBillingItemAsync(mask: "mask[id]", id: guestId, cancellationToken: ct);
        if (billingItem?.Id is not { } billingId)
        {
            // As the seed says: no billing item means the guest has already been cancelled.
            Console.WriteLine($"Virtual guest {guestId} has no billing item: it is already cancelled.");
            return 0;
        }

        bool? cancelled = await client.BillingItem.CancelServiceAsync(id: billingId, cancellationToken: ct);
        Console.WriteLine($"cancelService({billingId}): {cancelled}");
        return 0;
    }

    /// <summary>Cancel server by private IP: the account's hardware with billing items, cancelItem for each matching server.</summary>
    public static async Task<int> CancelServersByIpAsync(SoftLayerApi client, string[] ipsToCancel, CancellationToken ct)
    {
        // A SOAP-ENC array's items may be nil (SoftLayerHardware?[]): OfType walks the ones that are there.
        SoftLayerHardware?[] servers = await client.Account.GetHardwareAsync(mask: "mask[billingItem]", cancellationToken: ct) ?? [];
        foreach (SoftLayerHardware server in servers.OfType<SoftLayerHardware>())
        {
            if (server.PrimaryBackendIpAddress is { } ip && ipsToCancel.Contains(ip) && server.BillingItem?.Id is { } billingId)
            {
                try
                {
                    bool? result = await client.BillingItem.CancelItemAsync(false, false, null, null, id: billingId, cancellationToken: ct);
                    Console.WriteLine($"{ip}: cancelItem({billingId}) = {result}");
                }
                catch (SoapGen.Runtime.SoapFaultException e)
                {
                    Console.WriteLine($"Unable to cancel the server:  \nfaultCode= {e.Code}, \nfaultString= {e.Reason}");
                }
            }
        }

        Console.WriteLine("Done");
        return 0;
    }

    /// <summary>Cancel Load Balancer: the VIP's (dedicated) billing item in a cancellation request.</summary>
    public static async Task<int> CancelLoadBalancerAsync(SoftLayerApi client, int loadBalancerId, bool immediate, CancellationToken ct)
    {
        try
        {
            var loadBalancer = await client.LoadBalancer.GetObjectAsync(
                mask: "mask[accountId, dedicatedFlag, dedicatedBillingItem[id], billingItem[id]]", id: loadBalancerId, cancellationToken: ct);
            int? billingItemId = loadBalancer?.DedicatedFlag == true ? loadBalancer.DedicatedBillingItem?.Id : loadBalancer?.BillingItem?.Id;
            var result = await client.CancellationRequest.CreateObjectAsync(CancelTemplate(loadBalancer?.AccountId, billingItemId, immediate), cancellationToken: ct);
            Print(result);
            return 0;
        }
        catch (SoapGen.Runtime.SoapFaultException e)
        {
            Console.WriteLine($"Unable to cancel the load balancer. faultCode={e.Code}, faultString={e.Reason}");
            return 1;
        }
    }

    /// <summary>Cancel Global IP: the global IP record's billing item, cancelled with a reason and a note.</summary>
    public static async Task<int> CancelGlobalIpAsync(SoftLayerApi client, int globalIpId, CancellationToken ct)
    {
        var record = await client.Subnet.GetGlobalIpRecordAsync(mask: "mask[id,billingItem[id]]", id: globalIpId, cancellationToken: ct);
        if (record?.BillingItem?.Id is not { } billingItemId)
        {
            return NoBillingItem($"Global IP {globalIpId}");
        }

        try
        {
            await client.BillingItem.CancelItemAsync(false, false, "No longer needed", "Api test", id: billingItemId, cancellationToken: ct);
            Console.WriteLine($"cancelItem({billingItemId}): requested");
        }
        catch (SoapGen.Runtime.SoapFaultException e)
        {
            Console.WriteLine($"Unable to get billing item information faultCode={e.Code}, faultString={e.Reason}");
        }

        return 0;
    }

    /// <summary>Cancel CDN Storage: the CDN account found by an object filter on its name, in a cancellation request.</summary>
    public static async Task<int> CancelCdnAsync(SoftLayerApi client, string cdnAccountName, bool immediate, CancellationToken ct)
    {
        // The seed's filter {"cdnAccounts": {"cdnAccountName": {"operation": name}}} as the header's XML.
        var filter = new XElement("filter",
            new XElement("cdnAccounts", new XElement("cdnAccountName", new XElement("operation", cdnAccountName))));
        try
        {
            var cdns = await client.Account.GetCdnAccountsAsync(objectFilter: filter, mask: "mask[billingItem]", cancellationToken: ct) ?? [];
            if (cdns.Length == 0)
            {
                Console.WriteLine("The configured CDN: " + cdnAccountName + " does not exist in the account");
                return 1;
            }

            var result = await client.CancellationRequest.CreateObjectAsync(CancelTemplate(cdns[0]?.AccountId, cdns[0]?.BillingItem?.Id, immediate), cancellationToken: ct);
            Print(result);
            return 0;
        }
        catch (SoapGen.Runtime.SoapFaultException e)
        {
            // The seed's handler formats a string without placeholders and crashes; this one says what failed.
            Console.WriteLine($"Unable to create the cancel request faultCode={e.Code}, faultString={e.Reason}");
            return 1;
        }
    }

    /// <summary>Cancel Storage Volume: the storage's billing item, then cancelService.</summary>
    public static async Task<int> CancelStorageAsync(SoftLayerApi client, int storageId, CancellationToken ct)
    {
        var storage = await client.Storage.GetObjectAsync(mask: "mask[billingItem]", id: storageId, cancellationToken: ct);
        if (storage?.BillingItem?.Id is not { } billingId)
        {
            return NoBillingItem($"Storage {storageId}");
        }

        try
        {
            bool? result = await client.BillingItem.CancelServiceAsync(id: billingId, cancellationToken: ct);
            Console.WriteLine("Service cancelled");
            Console.WriteLine(result);
            return 0;
        }
        catch (SoapGen.Runtime.SoapFaultException e)
        {
            Console.WriteLine($"Error cannot cancel the service  faultCode={e.Code}, faultString={e.Reason}");
            return 1;
        }
    }

    /// <summary>Cancel Subnet: the subnet's billing item, cancelled with a reason and a note.</summary>
    public static async Task<int> CancelSubnetAsync(SoftLayerApi client, int subnetId, CancellationToken ct)
    {
        var billingItem = await client.Subnet.GetBillingItemAsync(id: subnetId, cancellationToken: ct);
        if (billingItem?.Id is not { } billingItemId)
        {
            return NoBillingItem($"Subnet {subnetId}");
        }

        try
        {
            bool? result = await client.BillingItem.CancelItemAsync(false, false, "No longer needed", "Api test", id: billingItemId, cancellationToken: ct);
            Console.WriteLine($"cancelItem({billingItemId}): {result}");
        }
        catch (SoapGen.Runtime.SoapFaultException e)
        {
            Console.WriteLine($"Unable to get billing item information faultCode={e.Code}, faultString={e.Reason}");
        }

        return 0;
    }

    /// <summary>Cancel VLAN: the VLAN with its billing item, then cancelService.</summary>
    public static async Task<int> CancelVlanAsync(SoftLayerApi client, int vlanId, CancellationToken ct)
    {
        try
        {
            var vlan = await client.Vlan.GetObjectAsync(mask: "mask[billingItem]", id: vlanId, cancellationToken: ct);
            Console.WriteLine($"VLAN {vlan?.Id} {vlan?.VlanNumber}, billing item {vlan?.BillingItem?.Id}");
            bool? result = await client.BillingItem.CancelServiceAsync(id: vlan?.BillingItem?.Id, cancellationToken: ct);
            Console.WriteLine($"cancelService: {result}");
            return 0;
        }
        catch (SoapGen.Runtime.SoapFaultException e)
        {
            Console.WriteLine($"Unable to cancel the VLAN. faultCode={e.Code}, faultString={e.Reason}");
            return 1;
        }
    }

    // The seeds index billingItem['id'] and crash when it is gone; a cancelled item has no billing item any more.
    private static int NoBillingItem(string what)
    {
        Console.WriteLine(what + " has no billing item: it is already cancelled.");
        return 1;
    }

    private static SoftLayerBillingItemCancellationRequest CancelTemplate(int? accountId, int? billingItemId, bool immediate) => new()
    {
        AccountId = accountId,
        Items = [new SoftLayerBillingItemCancellationRequestItem { BillingItemId = billingItemId, ImmediateCancellationFlag = immediate }],
    };

    private static void Print(SoftLayerBillingItemCancellationRequest? request)
    {
        Console.WriteLine(request is null ? "null" : $"cancellation request {request.Id}: account {request.AccountId}, items [{string.Join(", ", (request.Items ?? []).Select(i => i?.BillingItemId))}]");
    }
}
