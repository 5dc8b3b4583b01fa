using System;
using System.IO;

namespace SoapGen.Interop.Tests;

/// <summary>Where the SOAPBuilders interop WSDLs are: php-src's interop folder in ../shared/wsdl-corpus, or a copy an environment variable names.</summary>
internal static class SoapBuildersCorpus
{
    /// <summary>php-src's interop WSDL folder inside ../shared/wsdl-corpus.</summary>
    public static string Interop => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "wsdl-corpus", "php-src-soap", "ext", "soap", "tests", "interop"));

    /// <summary>The WSDL <paramref name="variable"/> names, else <paramref name="corpusPath"/> under <see cref="Interop"/>; fails with where to find it.</summary>
    public static string WsdlPath(string variable, string corpusPath)
    {
        string path = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Interop, corpusPath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The SOAPBuilders echo server needs {path} (the read-only corpus beside the repository: " +
                $"../shared/wsdl-corpus/php-src-soap/ext/soap/tests/interop/{corpusPath}); set {variable} to use another copy.");
        }

        return path;
    }
}
