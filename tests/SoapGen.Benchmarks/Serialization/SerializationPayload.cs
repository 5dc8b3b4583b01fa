using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>
/// One message pair measured three ways: the generated client, XmlSerializer over svcutil-shaped types, and hand-written
/// XmlReader/XmlWriter code. Every contender writes the same request and reads the same <see cref="Reply"/> bytes.
/// </summary>
public abstract class SerializationPayload
{
    /// <summary>The reply envelope every contender reads.</summary>
    public abstract byte[] Reply { get; }

    /// <summary>Creates the generated client over <paramref name="http"/> (an in-memory handler answering <see cref="Reply"/>).</summary>
    public abstract void UseGeneratedClient(HttpClient http);

    /// <summary>The generated client: writes the request, "sends" it, reads <see cref="Reply"/>.</summary>
    public abstract Task<object?> GeneratedAsync();

    /// <summary>XmlSerializer (the WCF XmlSerializerFormat path): writes the request into <paramref name="request"/>, reads <see cref="Reply"/>.</summary>
    public abstract object? XmlSerializer(MemoryStream request);

    /// <summary>Hand-written XmlWriter/XmlReader code: writes the request into <paramref name="request"/>, reads <see cref="Reply"/>.</summary>
    public abstract object? HandWritten(MemoryStream request);

    /// <summary>The values the reply carries, one line per value, as the data it was built from says.</summary>
    public abstract IReadOnlyList<string> Expected();

    /// <summary>The values a generated result holds, in the same lines as <see cref="Expected"/>.</summary>
    public abstract IReadOnlyList<string> DescribeGenerated(object? result);

    /// <summary>The values a result in svcutil's types holds (XmlSerializer and hand-written contenders).</summary>
    public abstract IReadOnlyList<string> DescribeSvcutil(object? result);
}
