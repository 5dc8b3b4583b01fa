using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace SoapGen.Interop.Tests;

/// <summary>Finds the repository root (the directory holding Generator.sln).</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() => Find(ThisFile()));

    public static string Root => LazyRoot.Value;

    public static string InterServerWsdl => Path.Combine(Root, "wsdl", "interserver.wsdl");

    public static string InterServerScript => Path.Combine(Root, "tests", "servers", "interserver", "server.php");

    public static string NuSoapScript => Path.Combine(Root, "tests", "servers", "interserver", "nusoap-server.php");

    /// <summary>Where Debian's libnusoap-php installs nusoap.</summary>
    public const string NuSoapLibrary = "/usr/share/php/nusoap/nusoap.php";

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static string Find(string sourceFile)
    {
        foreach (string? start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (string? dir = start; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "Generator.sln")))
                {
                    return dir;
                }
            }
        }

        throw new InvalidOperationException(
            "Cannot find the repository root (a directory with Generator.sln) above " + sourceFile + " or " + AppContext.BaseDirectory);
    }
}
