using System;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// xsi:nil and xsi:type as the transport reads them: through the quota-checking reader (SoapReaderTests read over a
/// plain XmlReader, the other path), which finds xsi:nil from what the parser atomised and xsi:type on demand. Each
/// test runs twice: with short names, and with a name longer than half of MaxNameLength in the reply, which makes the
/// reader also walk every element's attributes to check their names.
/// </summary>
public class CheckedReaderTests
{
    private bool _longNames;

    private Task<T> CallAsync<T>(string returnElements, Func<SoapReader, T> read)
    {
        string longName = _longNames ? " " + new string('n', 600) + "=\"1\"" : string.Empty;
        string reply = Soap.Envelope11("<ns1:echoResponse xmlns:ns1=\"urn:myapi\"" + longName + ">" + returnElements + "</ns1:echoResponse>");
        return Soap.Transport(FakeHandler.Always(() => FakeHandler.Reply(reply))).InvokeAsync("echo", "a", Soap.WriteEcho, read, CancellationToken.None);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Nil_is_found_under_any_prefix_after_other_attributes(bool longNames)
    {
        _longNames = longNames;
        // A string, where nil (null) and empty ("") differ.
        string nil = "<return xmlns:i=\"" + Soap.Xsi + "\" a=\"1\" i:type=\"xsd:string\" i:nil=\"1\"/>";
        Assert.Null(await CallAsync(nil, r => r.ReadSinglePart(p => p.ReadString())));
        Assert.Equal(string.Empty, await CallAsync("<return xsi:type=\"xsd:string\"/>", r => r.ReadSinglePart(p => p.ReadString())));
        Assert.Equal(7, await CallAsync("<return xsi:type=\"xsd:int\">7</return>", r => r.ReadSinglePart(p => p.ReadInt32())));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_nil_attribute_in_another_namespace_is_not_xsi_nil(bool longNames)
    {
        _longNames = longNames;
        Assert.Equal(5, await CallAsync("<return nil=\"true\" xmlns:o=\"urn:other\" o:nil=\"true\">5</return>", r => r.ReadSinglePart(p => p.ReadInt32())));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Nil_belongs_to_its_own_element_only(bool longNames)
    {
        _longNames = longNames;
        // A nil item, then items without attributes and a struct: what the reader noted for one element must not stick.
        string items = "<return><item xsi:nil=\"true\"/><item>2</item><item xsi:type=\"xsd:int\">3</item><item xsi:nil=\"false\">4</item></return>";
        Assert.Equal(new int?[] { null, 2, 3, 4 }, await CallAsync(items, r => r.ReadSinglePart(p => p.ReadArray(i => i.ReadInt32()))));

        bool?[]? present = await CallAsync("<return><item xsi:nil=\"true\"/><item><a>1</a></item></return>", r => r.ReadSinglePart(p => p.ReadArray<bool?>(i =>
        {
            bool started = i.ReadStartStruct();
            while (started && i.ReadNextChild())
            {
                i.Skip();
            }

            return started;
        })));
        Assert.Equal(new bool?[] { false, true }, present);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Xsi_type_resolves_its_prefix_where_it_is_written(bool longNames)
    {
        _longNames = longNames;
        string typed = "<return xmlns:t=\"urn:types\" xsi:type=\"t:Derived\"><x>1</x></return><other>2</other>";
        (string Local, string Ns, bool Found) type = await CallAsync(typed, r =>
        {
            r.ReadStartStruct();
            r.ReadNextChild();
            bool found = r.TryGetXsiType(out string local, out string ns);
            return (local, ns, found);
        });
        Assert.Equal(("Derived", "urn:types", true), type);

        bool untyped = await CallAsync("<return><x>1</x></return>", r =>
        {
            r.ReadStartStruct();
            r.ReadNextChild();
            return r.TryGetXsiType(out _, out _);
        });
        Assert.False(untyped);
    }
}
