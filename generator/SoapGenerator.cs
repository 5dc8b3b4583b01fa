using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;
using SoapGen.Generator.Emit;
using SoapGen.Generator.Model;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator;

/// <summary>
/// The incremental pipeline: AdditionalText (*.wsdl) → description → service model → C# source.
/// The compilation is never an input, so typing in a .cs file never re-reads a WSDL.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SoapGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class StepNames
    {
        /// <summary>The WSDL text and its configuration.</summary>
        public const string Input = "SoapGen.Input";

        /// <summary>Each WSDL and XSD document imports may name, scanned for its own imports.</summary>
        public const string Documents = "SoapGen.Documents";

        /// <summary>A WSDL with the documents it reaches through its imports.</summary>
        public const string Imports = "SoapGen.Imports";

        /// <summary>Each imported schema document a WSDL reaches, read once (per namespace it is read in) however many reach it.</summary>
        public const string Schemas = "SoapGen.Schemas";

        /// <summary>The description read from the WSDL.</summary>
        public const string Description = "SoapGen.Description";

        /// <summary>The C# service model.</summary>
        public const string Model = "SoapGen.Model";

        /// <summary>Each client of a namespace's services, emitted apart from the namespace's types and serializer.</summary>
        public const string Clients = "SoapGen.Clients";

        /// <summary>Whether the compilation references SoapGen.Runtime.</summary>
        public const string Runtime = "SoapGen.Runtime";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Each importable file (WSDL, XSD, XML) is scanned once: as a document imports may name and, for a WSDL, as its input.
        var files = context.AdditionalTextsProvider
            .Select(static (file, cancellationToken) => new ScannedFile(file, IsImportable(file.Path)
                ? SourceDocument.Scan(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty)
                : null));

        var inputs = files
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => CreateInput(pair.Left, pair.Right.GetOptions(pair.Left.File), cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(StepNames.Input);

        // The documents a WSDL may import (wsdl:import, xsd:import/include) resolve among the AdditionalFiles only. Each
        // WSDL is read against only the documents its imports reach, so editing any other file leaves it cached: finding
        // them re-runs for every WSDL on every such edit, but uses the scanned imports and parses nothing.
        var documents = files
            .Where(static file => file.Document is not null)
            .Select(static (file, _) => file.Document!)
            .WithTrackingName(StepNames.Documents)
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray());

        var imported = inputs
            .Combine(documents)
            .Select(static (pair, _) =>
            {
                var reachable = new ImportResolver(pair.Right).Reachable(pair.Left.Document);
                return new ImportedDocuments(pair.Left, reachable, ReachedSchemas.Of(pair.Left.Document, new ImportResolver(reachable)));
            })
            .WithTrackingName(StepNames.Imports);

        // Every imported schema document a WSDL reaches is read once, on its own (the whole SoftLayer API: 370 WSDLs
        // include one 1.5 MB schema), against the documents its own imports reach: editing a WSDL leaves it cached. The
        // readings are found from the documents, not from each WSDL's step: Roslyn records a WSDL's step tree when
        // tracking (tests, benchmarks), and one that held every WSDL's would hold 370 x 370 steps.
        var schemas = documents
            .SelectMany(static (all, _) => ReachedSchemas.InAny(all))
            .Combine(documents)
            .Select(static (pair, _) => SchemaInput.For(pair.Left, pair.Right))
            .Where(static input => input is not null)
            .Select(static (input, _) => GuardSchema(input!))
            .WithTrackingName(StepNames.Schemas);

        // Each WSDL is read with the shared descriptions of the schemas it reaches (compared by reference first).
        var descriptions = imported
            .Combine(schemas.Collect())
            .Select(static (pair, _) => (Wsdl: pair.Left, Shared: Pick(pair.Left.Schemas, pair.Right)))
            .Select(static (pair, _) => (
                Read: Guard(pair.Wsdl.Input.Path, () => WsdlReader.Read(pair.Wsdl.Input.Path, pair.Wsdl.Input.Document.Text, new ImportResolver(pair.Wsdl.Reachable), new SharedSchemas(pair.Shared), pair.Wsdl.Input.Document.Shallow)),
                pair.Wsdl.Input.Options))
            .WithTrackingName(StepNames.Description);

        // Schema types are generated once per C# namespace, whichever of its WSDLs use them: the WSDLs of one namespace
        // are modelled together (each namespace's model is still cached on its own).
        var models = descriptions
            .Select(static (pair, _) => new DescribedWsdl(pair.Read, pair.Options))
            .Collect()
            .SelectMany(static (all, _) => NamespaceModelBuilder.Group(all))
            .Select(static (group, _) => GuardModel(group.Wsdls[0].Read.Description?.FilePath ?? group.Namespace, () => NamespaceModelBuilder.Build(group)))
            .WithTrackingName(StepNames.Model);

        // Without the runtime every generated file would fail with CS0246/CS0400 and no hint why: say so once per WSDL
        // instead, and generate nothing. Only this bool depends on the compilation; it stays cached while it is equal.
        var runtimeReferenced = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(RuntimeMarkerType) is not null)
            .WithTrackingName(StepNames.Runtime);

        // The types and the serializer depend on every service of the namespace; each client's files on its service only,
        // so editing one of a namespace's WSDLs re-emits the namespace's files and that WSDL's clients, not every client.
        var clients = models
            .SelectMany(static (result, _) => result.Model is { } model
                ? model.Services.SelectMany(service => service.Clients.Select(client => (Service: service, Client: client))).ToImmutableArray()
                : ImmutableArray<(ServiceModel Service, ClientModel Client)>.Empty)
            .WithTrackingName(StepNames.Clients);

        context.RegisterSourceOutput(models.Combine(runtimeReferenced), static (spc, pair) => EmitNamespace(spc, pair.Left, pair.Right));
        context.RegisterSourceOutput(clients.Combine(runtimeReferenced), static (spc, pair) =>
        {
            if (pair.Right)
            {
                EmitClient(spc, pair.Left.Service, pair.Left.Client);
            }
        });
        context.RegisterSourceOutput(inputs.Select(static (input, _) => input.Path).Combine(runtimeReferenced), static (spc, pair) =>
        {
            if (!pair.Right)
            {
                spc.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.RuntimeNotReferenced, pair.Left, new SourcePosition(1, 1), Path.GetFileName(pair.Left)).ToDiagnostic());
            }
        });
    }

    // A runtime type every generated client uses: if it resolves, SoapGen.Runtime is referenced.
    private const string RuntimeMarkerType = "SoapGen.Runtime.SoapTransport";

    private static WsdlInput? CreateInput(ScannedFile scanned, AnalyzerConfigOptions options, System.Threading.CancellationToken cancellationToken)
    {
        var file = scanned.File;
        options.TryGetValue("build_metadata.AdditionalFiles.SoapGen", out var enabled);
        var isWsdl = file.Path.EndsWith(".wsdl", StringComparison.OrdinalIgnoreCase);
        if (string.Equals(enabled, "false", StringComparison.OrdinalIgnoreCase) || (!isWsdl && !string.Equals(enabled, "true", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var document = scanned.Document ?? SourceDocument.Scan(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty);
        return new WsdlInput(document, new GeneratorOptions(
            Metadata(options, "SoapGenNamespace"),
            Metadata(options, "SoapGenClientName"),
            Metadata(options, "SoapGenAccessibility"),
            Metadata(options, "SoapGenSessionLogin"),
            Metadata(options, "SoapGenSessionToken"),
            Metadata(options, "SoapGenSessionExpired"),
            Metadata(options, "SoapGenAmbientHeaders"),
            Metadata(options, "SoapGenPerCallHeaders"),
            Metadata(options, "SoapGenSessionHeader"),
            Metadata(options, TypeOverrides.MetadataName),
            Metadata(options, "SoapGenCollections"),
            Metadata(options, "SoapGenSensitiveMembers")));
    }

    private static bool IsImportable(string path) =>
        path.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".wsdl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    private static string? Metadata(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue("build_metadata.AdditionalFiles." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static void EmitNamespace(SourceProductionContext context, ModelResult result, bool runtimeReferenced)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (runtimeReferenced && result.Model is { } model)
        {
            GuardEmit(context, model.Namespace, () =>
            {
                context.AddSource(model.Namespace + ".Types.g.cs", SourceText.From(TypesEmitter.Emit(model), System.Text.Encoding.UTF8));
                context.AddSource(model.Namespace + ".Serializer.g.cs", SourceText.From(SerializerEmitter.Emit(model), System.Text.Encoding.UTF8));
            });
        }
    }

    private static void EmitClient(SourceProductionContext context, ServiceModel service, ClientModel client) =>
        GuardEmit(context, service.Namespace, () =>
        {
            var hint = service.HintName + "." + client.ClientName;
            context.AddSource(hint + ".g.cs", SourceText.From(ClientEmitter.Emit(service, client), System.Text.Encoding.UTF8));
            context.AddSource(hint + ".Operations.g.cs", SourceText.From(OperationsEmitter.Emit(service, client), System.Text.Encoding.UTF8));
            if (client.Session is { Header: null } session)
            {
                context.AddSource(service.HintName + "." + session.ClassName + ".g.cs", SourceText.From(SessionEmitter.Emit(service, client, session), System.Text.Encoding.UTF8));
            }
        });

    private static void GuardEmit(SourceProductionContext context, string ns, Action emit)
    {
        try
        {
            emit();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, ns, SourcePosition.Unknown, ns, ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
        }
    }

    // A generator exception becomes CS8785 and silently drops the client: turn it into our own diagnostic instead.
    private static WsdlReadResult Guard(string path, Func<WsdlReadResult> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new WsdlReadResult(null, new[] { InternalError(path, ex) }.ToEquatableArray());
        }
    }

    // The shared descriptions of the schemas one WSDL reaches, in the order it reaches them.
    private static EquatableArray<SchemaDescription> Pick(EquatableArray<SchemaKey> keys, ImmutableArray<SchemaDescription> all)
    {
        if (keys.Count == 0)
        {
            return EquatableArray<SchemaDescription>.Empty;
        }

        var byKey = new SharedSchemas(all);
        return keys.Select(key => byKey.Find(key.Path, key.Namespace)).Where(schema => schema is not null).Select(schema => schema!).ToEquatableArray();
    }

    private static SchemaDescription GuardSchema(SchemaInput input)
    {
        try
        {
            return SchemaDocumentReader.Read(input.Document, input.Namespace, new ImportResolver(input.Reachable));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SchemaDescription(input.Document.Path, input.Namespace, SchemaDeclarations.Empty, EquatableArray<SchemaImport>.Empty, false,
                new[] { InternalError(input.Document.Path, ex) }.ToEquatableArray());
        }
    }

    private static ModelResult GuardModel(string path, Func<ModelResult> build)
    {
        try
        {
            return build();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ModelResult(null, new[] { InternalError(path, ex) }.ToEquatableArray());
        }
    }

    private static DiagnosticInfo InternalError(string path, Exception ex) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, path, SourcePosition.Unknown, Path.GetFileName(path), ex.GetType().Name + ": " + ex.Message);
}

/// <summary>One WSDL to generate from: its path, its text, what it imports, and the user's options.</summary>
internal sealed record WsdlInput(SourceDocument Document, GeneratorOptions Options)
{
    public string Path => Document.Path;
}

/// <summary>A WSDL with the documents its imports reach, and the imported schema documents (in their namespaces) among them.</summary>
internal sealed record ImportedDocuments(WsdlInput Input, EquatableArray<SourceDocument> Reachable, EquatableArray<SchemaKey> Schemas);

/// <summary>One imported schema document to read on its own: in which namespace, and the documents its imports reach.</summary>
internal sealed record SchemaInput(SourceDocument Document, string Namespace, EquatableArray<SourceDocument> Reachable)
{
    /// <summary>The input for <paramref name="key"/>; null when no document has its path (it was found among them, so never).</summary>
    public static SchemaInput? For(SchemaKey key, EquatableArray<SourceDocument> documents)
    {
        var all = new ImportResolver(documents);
        return all.FindByPath(key.Path) is { } document ? new SchemaInput(document, key.Namespace, all.Reachable(document)) : null;
    }
}

/// <summary>An AdditionalFiles file, scanned when imports may name it (<see cref="SoapGenerator"/> scans each such file once).</summary>
internal sealed record ScannedFile(AdditionalText File, SourceDocument? Document);
