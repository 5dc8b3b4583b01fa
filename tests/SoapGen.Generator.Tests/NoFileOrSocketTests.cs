using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// The generator opens no file and no socket: its assembly references no API that could (read from its metadata, so the
/// proof covers every code path, not just the ones a test runs). The same scan finds such APIs in this test assembly,
/// which uses them, so it is not a scan that always passes.
/// </summary>
public class NoFileOrSocketTests
{
    // Types whose use means files, processes or the network.
    private static readonly string[] BannedTypes =
    {
        "System.IO.File", "System.IO.FileInfo", "System.IO.FileStream", "System.IO.Directory", "System.IO.DirectoryInfo",
        "System.IO.FileSystemInfo", "System.IO.DriveInfo", "System.IO.FileSystemWatcher", "System.IO.RandomAccess",
        "System.Xml.XmlUrlResolver", "System.Xml.XmlSecureResolver", "System.Xml.XmlXapResolver", "System.Diagnostics.Process",
    };

    // Namespaces none of whose types the generator may use.
    private static readonly string[] BannedNamespaces = { "System.Net", "System.IO.MemoryMappedFiles", "System.IO.Pipes" };

    // Members that open what a string names (a path or a URI) when their first parameter is that string.
    private static readonly string[] OpensItsStringArgument =
    {
        "System.Xml.XmlReader.Create", "System.Xml.XmlWriter.Create", "System.Xml.Linq.XDocument.Load", "System.Xml.Linq.XElement.Load",
        "System.Xml.XmlDocument.Load", "System.Xml.XmlTextReader..ctor", "System.IO.StreamReader..ctor", "System.IO.StreamWriter..ctor",
        "System.Reflection.Assembly.LoadFrom", "System.Reflection.Assembly.LoadFile", "System.Reflection.Assembly.UnsafeLoadFrom",
    };

    [Fact]
    public void TheGeneratorAssemblyReferencesNoFileNetworkOrResolverApi()
    {
        var violations = Scan(typeof(SoapGenerator).Assembly.Location);

        Assert.True(violations.Count == 0, "the generator references: " + string.Join(", ", violations));
    }

    [Fact]
    public void TheScanFindsTheFileAndSocketApisThisTestAssemblyUses()
    {
        var violations = Scan(typeof(NoFileOrSocketTests).Assembly.Location);

        Assert.Contains("System.IO.File", violations);
        Assert.Contains("System.Net.Sockets.TcpListener", violations);
    }

    private static List<string> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            var name = FullName(metadata, handle);
            var ns = metadata.GetString(metadata.GetTypeReference(handle).Namespace);
            if (BannedTypes.Contains(name) || BannedNamespaces.Any(b => ns == b || ns.StartsWith(b + ".", StringComparison.Ordinal)))
            {
                violations.Add(name);
            }
        }

        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference || member.GetKind() != MemberReferenceKind.Method)
            {
                continue;
            }

            var name = FullName(metadata, (TypeReferenceHandle)member.Parent) + "." + metadata.GetString(member.Name);
            if (OpensItsStringArgument.Contains(name))
            {
                var signature = member.DecodeMethodSignature(new TypeNames(metadata), null);
                if (signature.ParameterTypes.Length > 0 && signature.ParameterTypes[0] == "System.String")
                {
                    violations.Add(name + "(string, ...)");
                }
            }
        }

        return violations.ToList();
    }

    private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? FullName(metadata, (TypeReferenceHandle)type.ResolutionScope) + "+" + name
            : metadata.GetString(type.Namespace) + "." + name;
    }

    /// <summary>Decodes a signature's types to their full names, which is all the scan compares.</summary>
    private sealed class TypeNames(MetadataReader metadata) : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.String ? "System.String" : typeCode.ToString();

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => FullName(metadata, handle);

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => "spec";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
    }
}
