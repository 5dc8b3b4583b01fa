namespace SoapGen.Runtime;

/// <summary>
/// The names under which SoapGen clients report what they do, for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>
/// (or any <c>ActivityListener</c>/<c>MeterListener</c>): one client span per SOAP call and a few instruments.
/// Nothing is recorded, and almost nothing costs, while nobody listens.
/// </summary>
public static class SoapDiagnostics
{
    /// <summary>The <c>ActivitySource</c> of the per-call spans: <c>SoapGen</c>.</summary>
    public const string ActivitySourceName = "SoapGen";

    /// <summary>The <c>Meter</c> of the call counters and histograms: <c>SoapGen</c>.</summary>
    public const string MeterName = "SoapGen";
}
