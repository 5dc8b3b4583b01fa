using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// Members that carry credentials or session tokens, recognised by name or listed in SoapGenSensitiveMembers, print as ***
/// in the ToString of generated records (and of records derived from them); other members print as usual.
/// </summary>
public class SensitiveMemberTests
{
    private const string Types = """
        <xsd:complexType name="Account">
          <xsd:sequence>
            <xsd:element name="username" type="xsd:string"/>
            <xsd:element name="password" type="xsd:string"/>
            <xsd:element name="api_key" type="xsd:string"/>
            <xsd:element name="APIKey" type="xsd:string"/>
            <xsd:element name="sessionId" type="xsd:string"/>
            <xsd:element name="authToken" type="xsd:string"/>
            <xsd:element name="pin" type="xsd:int"/>
            <xsd:element name="side" type="xsd:string"/>
            <xsd:element name="keyword" type="xsd:string"/>
          </xsd:sequence>
        </xsd:complexType>
        <xsd:complexType name="Reseller">
          <xsd:complexContent><xsd:extension base="tns:Account"><xsd:sequence>
            <xsd:element name="company" type="xsd:string"/><xsd:element name="clientSecret" type="xsd:string"/>
          </xsd:sequence></xsd:extension></xsd:complexContent>
        </xsd:complexType>
        <xsd:complexType name="Plain"><xsd:sequence><xsd:element name="reseller" type="tns:Reseller"/><xsd:element name="sid" type="xsd:string"/></xsd:sequence></xsd:complexType>
        """;

    private static Assembly Compile(string wsdl, Dictionary<string, string> metadata, string path = "accounts.wsdl")
    {
        var result = GeneratorHarness.Run(path, wsdl, metadata);
        Assert.Empty(result.CompileErrors);
        var compilation = CSharpCompilation.Create(
            "Sensitive",
            result.Run.GeneratedTrees,
            Basic.Reference.Assemblies.Net100.References.All.Concat(new[] { MetadataReference.CreateFromFile(typeof(SoapGen.Runtime.SoapTransport).Assembly.Location) }),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
        return Assembly.Load(image.ToArray());
    }

    private static object Create(Assembly assembly, string typeName, params (string Property, object? Value)[] values)
    {
        var instance = Activator.CreateInstance(assembly.GetType(typeName, throwOnError: true)!)!;
        foreach (var (property, value) in values)
        {
            instance.GetType().GetProperty(property)!.SetValue(instance, value);
        }

        return instance;
    }

    [Fact]
    public void CredentialsAndTokensPrintAsStarsAndTheRestAsUsual()
    {
        var assembly = Compile(TestWsdl.Service(Types, "tns:Plain", "tns:Account"), new() { ["SoapGenNamespace"] = "Accounts", ["SoapGenSensitiveMembers"] = "pin; Keyword" });

        var account = Create(assembly, "Accounts.Account",
            ("Username", "alice"), ("Password", "hunter2"), ("ApiKey", "k-123"), ("APIKey", "K-456"), ("SessionId", "s-789"), ("AuthToken", "t-000"), ("Pin", 4242), ("Side", "left"), ("Keyword", "kw-1"));
        var printed = account.ToString()!;

        Assert.Equal("Account { Username = alice, Password = ***, ApiKey = ***, APIKey = ***, SessionId = ***, AuthToken = ***, Pin = ***, Side = left, Keyword = *** }", printed);
    }

    [Fact]
    public void ADerivedRecordKeepsItsBasesMaskAndMasksItsOwn()
    {
        var assembly = Compile(TestWsdl.Service(Types, "tns:Plain", "tns:Account"), new() { ["SoapGenNamespace"] = "Accounts" });

        var reseller = Create(assembly, "Accounts.Reseller", ("Username", "bob"), ("Password", "hunter2"), ("Company", "Acme"), ("ClientSecret", "cs-1"), ("Pin", 7));
        var plain = Create(assembly, "Accounts.Plain", ("Reseller", reseller), ("Sid", "abc-session"));
        var printed = plain.ToString()!;

        Assert.DoesNotContain("hunter2", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("cs-1", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("abc-session", printed, StringComparison.Ordinal);
        Assert.Contains("Username = bob, Password = ***", printed, StringComparison.Ordinal);
        Assert.Contains("Company = Acme, ClientSecret = ***", printed, StringComparison.Ordinal);
        Assert.Contains("Pin = 7", printed, StringComparison.Ordinal);
        Assert.EndsWith("Sid = *** }", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void AMultiPartResponseMasksItsTokenPartAndANullSecretPrintsAsNull()
    {
        var wsdl = TestWsdl.Service(string.Empty).Replace(
            "<part name=\"return\" type=\"xsd:string\"/>",
            "<part name=\"status\" type=\"xsd:string\"/><part name=\"sessionToken\" type=\"xsd:string\"/><part name=\"password\" type=\"xsd:string\"/>");
        var assembly = Compile(wsdl, new() { ["SoapGenNamespace"] = "Parts" });

        var result = Create(assembly, "Parts.OpResult", ("Status", "ok"), ("SessionToken", "tok-1"), ("Password", null));

        Assert.Equal("OpResult { Status = ok, SessionToken = ***, Password =  }", result.ToString());
    }

    [Fact]
    public void ASessionPrintsNeitherThePasswordNorTheToken()
    {
        var assembly = Compile(GeneratorHarness.InterServerWsdl(), new() { ["SoapGenNamespace"] = "InterServer" }, "interserver.wsdl");
        var client = Activator.CreateInstance(assembly.GetType("InterServer.MyapiClient")!, new System.Net.Http.HttpClient(), null)!;  // (httpClient, options = null)

        var session = client.GetType().GetMethod("CreateSession")!.Invoke(client, new object?[] { "alice", "hunter2-password", null })!;

        Assert.DoesNotContain("hunter2", session.ToString()!, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", session.ToString()!, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", client.ToString()!, StringComparison.Ordinal);
    }
}
