namespace SoapGen.Generator.Emit;

/// <summary>Fully qualified names of the runtime types generated code uses, written once.</summary>
internal static class EmitNames
{
    public const string Runtime = "global::SoapGen.Runtime.";
    public const string Writer = Runtime + "SoapWriter";
    public const string Reader = Runtime + "SoapReader";
    public const string Transport = Runtime + "SoapTransport";
    public const string Options = Runtime + "SoapClientOptions";
    public const string CallOptions = Runtime + "SoapCallOptions";
    public const string HeaderCollection = Runtime + "SoapHeaderCollection";
    public const string HeaderDescriptor = Runtime + "SoapHeaderDescriptor";
    public const string Operation = Runtime + "SoapOperation";
    public const string Bodies = Runtime + "SoapBodies";
    public const string FaultDescriptor = Runtime + "SoapFaultDescriptor";
    public const string Session = Runtime + "SoapSession";
    public const string SessionOptions = Runtime + "SoapSessionOptions";
    public const string StatusResult = Runtime + "ISoapStatusResult";
    public const string XsdConvert = Runtime + "XsdConvert";
    public const string ValueWriters = Runtime + "SoapValueWriters";
    public const string ScalarReaders = Runtime + "SoapScalarReaders";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string HttpClient = "global::System.Net.Http.HttpClient";
    public const string Uri = "global::System.Uri";
    // The package version (VersionPrefix in Directory.Build.props), so a generated file says which SoapGen wrote it.
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"SoapGen\", \"" + BuildInfo.Version + "\")]";
}
