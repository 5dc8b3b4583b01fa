using System;
using System.Xml.Serialization;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>
/// XmlSerializers for one rpc/encoded operation as WCF's <c>XmlSerializerFormat(Style = Rpc, Use = Encoded)</c> builds
/// them: members mappings from <see cref="SoapReflectionImporter"/>, one for the request wrapper and one for the
/// response wrapper, generated together and once.
/// </summary>
internal static class EncodedSerializers
{
    public static (XmlSerializer Request, XmlSerializer Reply) Create(
        string ns, string request, (string Name, Type Type) requestPart, string reply, (string Name, Type Type) replyPart)
    {
        var importer = new SoapReflectionImporter();
        XmlMembersMapping requestMapping = importer.ImportMembersMapping(request, ns,
            [new XmlReflectionMember { MemberName = requestPart.Name, MemberType = requestPart.Type }], hasWrapperElement: true, writeAccessors: true);
        XmlMembersMapping replyMapping = importer.ImportMembersMapping(reply, ns,
            [new XmlReflectionMember { MemberName = replyPart.Name, MemberType = replyPart.Type }], hasWrapperElement: true, writeAccessors: true);
        XmlSerializer?[] serializers = XmlSerializer.FromMappings([requestMapping, replyMapping]);
        return (serializers[0]!, serializers[1]!);
    }
}
