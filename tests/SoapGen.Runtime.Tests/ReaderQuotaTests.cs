using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime.Tests;

/// <summary>SoapClientOptions.ReaderQuotas: each limit holds at its value, one past it fails naming it, and each is configurable.</summary>
public class ReaderQuotaTests
{
    private static string Wrapper(string inner) => Soap.Envelope11("<ns1:echoResponse xmlns:ns1=\"urn:myapi\">" + inner + "</ns1:echoResponse>");

    private static Task<T> CallAsync<T>(string reply, Action<SoapReaderQuotas> configure, Func<SoapReader, T> read)
    {
        var options = new SoapClientOptions();
        configure(options.ReaderQuotas);
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply));
        var transport = new SoapTransport(new HttpClient(handler), Soap.Endpoint, SoapVersion.Soap11, options);
        return transport.InvokeAsync("echo", "a", Soap.WriteEcho, read, CancellationToken.None);
    }

    private static async Task ExceedsAsync<T>(string reply, Action<SoapReaderQuotas> configure, Func<SoapReader, T> read, string quota)
    {
        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() => CallAsync(reply, configure, read));
        Assert.Contains("SoapClientOptions.ReaderQuotas." + quota, ex.Message);
        Assert.NotNull(ex.HttpStatusCode);
    }

    private static string Nested(int levels) =>
        string.Concat(Enumerable.Repeat("<a>", levels)) + string.Concat(Enumerable.Repeat("</a>", levels));

    private static string Items(int count) => string.Concat(Enumerable.Repeat("<item>1</item>", count));

    [Fact]
    public async Task MaxDepth_counts_from_the_envelope()
    {
        // Envelope 0, Body 1, wrapper 2, return 3: its children start at depth 4.
        static object? Read(SoapReader r) => r.ReadSinglePart(p => p.ReadXElement());
        Assert.NotNull(await CallAsync(Wrapper("<return>" + Nested(6) + "</return>"), q => q.MaxDepth = 9, Read));
        await ExceedsAsync(Wrapper("<return>" + Nested(7) + "</return>"), q => q.MaxDepth = 9, Read, "MaxDepth");
    }

    [Fact]
    public async Task MaxStringLength_applies_to_text_and_attribute_values()
    {
        static string? Read(SoapReader r) => Soap.ReadReturnString(r);
        Assert.Equal(1000, (await CallAsync(Wrapper("<return>" + new string('s', 1000) + "</return>"), q => q.MaxStringLength = 1000, Read))!.Length);
        await ExceedsAsync(Wrapper("<return>" + new string('s', 1001) + "</return>"), q => q.MaxStringLength = 1000, Read, "MaxStringLength");
        await ExceedsAsync(Wrapper("<return note=\"" + new string('s', 1001) + "\">x</return>"), q => q.MaxStringLength = 1000, Read, "MaxStringLength");
    }

    [Fact]
    public async Task MaxArrayLength_counts_items()
    {
        static int?[]? Read(SoapReader r) => r.ReadSinglePart(p => p.ReadArray(i => i.ReadInt32()));
        Assert.Equal(3, (await CallAsync(Wrapper("<return>" + Items(3) + "</return>"), q => q.MaxArrayLength = 3, Read))!.Length);
        await ExceedsAsync(Wrapper("<return>" + Items(4) + "</return>"), q => q.MaxArrayLength = 3, Read, "MaxArrayLength");
    }

    [Fact]
    public async Task MaxNameLength_applies_to_element_and_attribute_names()
    {
        static string? Read(SoapReader r) => Soap.ReadReturnString(r);
        string name = new('n', 41);
        await ExceedsAsync(Wrapper("<return><" + name + "/></return>"), q => q.MaxNameLength = 40, Read, "MaxNameLength");
        await ExceedsAsync(Wrapper("<return " + name + "=\"1\">x</return>"), q => q.MaxNameLength = 40, Read, "MaxNameLength");
    }

    [Fact]
    public async Task MaxNameLength_counts_the_prefix()
    {
        // 100 + 1 + 100 characters: each part is well within 200, the name is not; one shorter it holds. (Longer than the
        // envelope's namespace URIs, which the parser atomises as it does names.)
        static string? Read(SoapReader r) => Soap.ReadReturnString(r);
        string prefix = new('p', 100);
        string local = new('l', 100);
        string declared = " xmlns:" + prefix + "=\"urn:p\"";
        await ExceedsAsync(Wrapper("<return" + declared + "><" + prefix + ":" + local + "/></return>"), q => q.MaxNameLength = 200, Read, "MaxNameLength");
        await ExceedsAsync(Wrapper("<return" + declared + " " + prefix + ":" + local + "=\"1\">x</return>"), q => q.MaxNameLength = 200, Read, "MaxNameLength");
        Assert.Equal("x", await CallAsync(Wrapper("<return" + declared + " " + prefix + ":" + local[1..] + "=\"1\">x</return>"), q => q.MaxNameLength = 200, Read));
    }

    [Fact]
    public async Task MaxElementCount_bounds_the_reply_and_multi_ref_expansion()
    {
        static string? Read(SoapReader r) => Soap.ReadReturnString(r);
        await ExceedsAsync(Wrapper("<return>x</return>" + Items(20)), q => q.MaxElementCount = 20, Read, "MaxElementCount");

        // Ten levels of ten references each: 10^10 elements if expanded; the count stops it at once.
        var laughs = new StringBuilder("<ns1:echoResponse xmlns:ns1=\"urn:myapi\"><return href=\"#l0\"/></ns1:echoResponse>");
        for (int level = 0; level < 10; level++)
        {
            laughs.Append("<m id=\"l").Append(level).Append("\">");
            for (int i = 0; i < 10; i++)
            {
                laughs.Append(level == 9 ? "<x>lol</x>" : "<x href=\"#l" + (level + 1) + "\"/>");
            }

            laughs.Append("</m>");
        }

        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() =>
            CallAsync(Soap.Envelope11(laughs.ToString()), _ => { }, r => r.ReadSinglePart(p => p.ReadXElement())));
        Assert.Contains("MaxElementCount", ex.Message);
    }

    [Fact]
    public void Quotas_must_be_positive()
    {
        var quotas = new SoapReaderQuotas();
        Assert.Throws<ArgumentOutOfRangeException>(() => quotas.MaxDepth = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => quotas.MaxStringLength = -1);
        Assert.Equal(128, quotas.MaxDepth);
        Assert.Equal(1024, quotas.MaxNameLength);
        Assert.Equal(16 * 1024 * 1024, quotas.MaxStringLength);
        Assert.Equal(100_000, quotas.MaxArrayLength);
        Assert.Equal(1_000_000, quotas.MaxElementCount);
    }
}
