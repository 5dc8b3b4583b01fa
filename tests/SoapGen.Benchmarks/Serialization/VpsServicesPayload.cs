using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Serialization;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>
/// (a) InterServer <c>api_vps_get_services</c>: rpc/encoded, a SOAP-ENC array of 100 <c>sql_row_vps</c> (27 members
/// each), inline as PHP ext/soap writes it (tests/servers/interserver, CannedReplies): <c>xsi:type</c> on every value.
/// </summary>
public sealed class VpsServicesPayload : SerializationPayload
{
    public const int Rows = 100;
    private const string Ns = "urn:myapi";
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly sql_row_vps[] _rows = Enumerable.Range(0, Rows).Select(Row).ToArray();
    private readonly XmlSerializer _request;
    private readonly XmlSerializer _reply;
    private InterServer.MyapiClient? _client;

    public VpsServicesPayload()
    {
        Reply = Utf8.GetBytes(BuildReply(_rows));

        (_request, _reply) = EncodedSerializers.Create(
            Ns, "api_vps_get_services", ("sid", typeof(string)), "api_vps_get_servicesResponse", ("return", typeof(sql_row_vps[])));
    }

    public override byte[] Reply { get; }

    public override void UseGeneratedClient(HttpClient http) => _client = new InterServer.MyapiClient(http, new Uri("http://127.0.0.1/api.php"));

    public override async Task<object?> GeneratedAsync() => await _client!.ApiVpsGetServicesAsync(CannedReplies.SessionId).ConfigureAwait(false);

    public override object? XmlSerializer(MemoryStream request)
    {
        using (XmlWriter writer = XmlWriter.Create(request, SafeXml.WriterSettings))
        {
            SafeXml.WriteEnvelopeStart(writer);
            _request.Serialize(writer, new object[] { CannedReplies.SessionId }, null, SafeXml.Encoding);
            SafeXml.WriteEnvelopeEnd(writer);
        }

        using XmlReader reader = SafeXml.CreateReader(Reply);
        SafeXml.MoveToBodyContent(reader);
        var parts = (object[])_reply.Deserialize(reader, SafeXml.Encoding)!;
        return parts[0];
    }

    public override object? HandWritten(MemoryStream request)
    {
        using (XmlWriter writer = XmlWriter.Create(request, SafeXml.WriterSettings))
        {
            SafeXml.WriteEnvelopeStart(writer);
            writer.WriteStartElement("ns1", "api_vps_get_services", Ns);
            writer.WriteAttributeString("SOAP-ENV", "encodingStyle", SafeXml.Envelope, SafeXml.Encoding);
            HandWrittenXml.WriteEncoded(writer, "sid", "string", CannedReplies.SessionId);
            writer.WriteEndElement();
            SafeXml.WriteEnvelopeEnd(writer);
        }

        return HandWrittenXml.ReadReturnedArray(Reply, "api_vps_get_servicesResponse", Ns, ReadRow);
    }

    private static sql_row_vps ReadRow(XmlReader reader) => HandWrittenXml.ReadStruct(reader, new sql_row_vps(), ReadRowMember);

    private static void ReadRowMember(XmlReader reader, sql_row_vps row)
    {
        switch (reader.LocalName)
        {
            case "vps_id": row.vps_id = reader.ReadElementContentAsInt(); break;
            case "vps_custid": row.vps_custid = reader.ReadElementContentAsInt(); break;
            case "vps_server": row.vps_server = reader.ReadElementContentAsInt(); break;
            case "vps_ip": row.vps_ip = reader.ReadElementContentAsString(); break;
            case "vps_ipv6": row.vps_ipv6 = reader.ReadElementContentAsString(); break;
            case "vps_vzid": row.vps_vzid = reader.ReadElementContentAsString(); break;
            case "vps_currency": row.vps_currency = reader.ReadElementContentAsString(); break;
            case "vps_type": row.vps_type = reader.ReadElementContentAsInt(); break;
            case "vps_order_date": row.vps_order_date = reader.ReadElementContentAsString(); break;
            case "vps_status": row.vps_status = reader.ReadElementContentAsString(); break;
            case "vps_invoice": row.vps_invoice = reader.ReadElementContentAsInt(); break;
            case "vps_coupon": row.vps_coupon = reader.ReadElementContentAsInt(); break;
            case "vps_extra": row.vps_extra = reader.ReadElementContentAsString(); break;
            case "vps_hostname": row.vps_hostname = reader.ReadElementContentAsString(); break;
            case "vps_server_status": row.vps_server_status = reader.ReadElementContentAsString(); break;
            case "vps_comment": row.vps_comment = reader.ReadElementContentAsString(); break;
            case "vps_slices": row.vps_slices = reader.ReadElementContentAsInt(); break;
            case "vps_vnc": row.vps_vnc = reader.ReadElementContentAsString(); break;
            case "vps_vnc_port": row.vps_vnc_port = reader.ReadElementContentAsInt(); break;
            case "vps_rootpass": row.vps_rootpass = reader.ReadElementContentAsString(); break;
            case "vps_mac": row.vps_mac = reader.ReadElementContentAsString(); break;
            case "vps_os": row.vps_os = reader.ReadElementContentAsString(); break;
            case "vps_version": row.vps_version = reader.ReadElementContentAsString(); break;
            case "vps_location": row.vps_location = reader.ReadElementContentAsInt(); break;
            case "vps_platform": row.vps_platform = reader.ReadElementContentAsString(); break;
            case "vps_diskused": row.vps_diskused = reader.ReadElementContentAsInt(); break;
            case "vps_diskmax": row.vps_diskmax = reader.ReadElementContentAsInt(); break;
            default: reader.Skip(); break;
        }
    }

    public override IReadOnlyList<string> Expected() => DescribeSvcutil(_rows);

    public override IReadOnlyList<string> DescribeGenerated(object? result) =>
        ((InterServer.SqlRowVps[]?)result ?? throw new InvalidOperationException("generated: no array")).Select(r => Values.Line(
            r.VpsId, r.VpsCustid, r.VpsServer, r.VpsIp, r.VpsIpv6, r.VpsVzid, r.VpsCurrency, r.VpsType, r.VpsOrderDate, r.VpsStatus,
            r.VpsInvoice, r.VpsCoupon, r.VpsExtra, r.VpsHostname, r.VpsServerStatus, r.VpsComment, r.VpsSlices, r.VpsVnc, r.VpsVncPort,
            r.VpsRootpass, r.VpsMac, r.VpsOs, r.VpsVersion, r.VpsLocation, r.VpsPlatform, r.VpsDiskused, r.VpsDiskmax)).ToList();

    public override IReadOnlyList<string> DescribeSvcutil(object? result) =>
        ((sql_row_vps[]?)result ?? throw new InvalidOperationException("svcutil: no array")).Select(r => Values.Line(
            r.vps_id, r.vps_custid, r.vps_server, r.vps_ip, r.vps_ipv6, r.vps_vzid, r.vps_currency, r.vps_type, r.vps_order_date, r.vps_status,
            r.vps_invoice, r.vps_coupon, r.vps_extra, r.vps_hostname, r.vps_server_status, r.vps_comment, r.vps_slices, r.vps_vnc, r.vps_vnc_port,
            r.vps_rootpass, r.vps_mac, r.vps_os, r.vps_version, r.vps_location, r.vps_platform, r.vps_diskused, r.vps_diskmax)).ToList();

    private static sql_row_vps Row(int i) => new()
    {
        vps_id = 200000 + i,
        vps_custid = 1001 + (i % 17),
        vps_server = 40 + (i % 9),
        vps_ip = "192.0.2." + (i % 250).ToString(CultureInfo.InvariantCulture),
        vps_ipv6 = "2001:db8::" + i.ToString("x", CultureInfo.InvariantCulture),
        vps_vzid = "vps" + (200000 + i).ToString(CultureInfo.InvariantCulture),
        vps_currency = "USD",
        vps_type = 31 + (i % 4),
        vps_order_date = new DateTime(2024, 1, 15, 10, 30, 0).AddHours(i * 7).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        vps_status = i % 10 == 0 ? "pending" : "active",
        vps_invoice = i % 5 == 0 ? 0 : 900000 + i,
        vps_coupon = 0,
        vps_extra = i % 3 == 0 ? "" : "a:2:{s:4:\"os\";s:6:\"ubuntu\";s:4:\"note\";s:9:\"<b>&amp;\";}",
        vps_hostname = "vps" + i.ToString(CultureInfo.InvariantCulture) + ".zürich.example",
        vps_server_status = "running",
        vps_comment = i % 2 == 0 ? "" : "Kunde café: \"priority\" & 'backup' <nightly>",
        vps_slices = 1 + (i % 8),
        vps_vnc = "198.51.100." + (i % 250).ToString(CultureInfo.InvariantCulture),
        vps_vnc_port = 5900 + i,
        vps_rootpass = "",
        vps_mac = "00:16:3e:" + (i / 256 % 256).ToString("x2", CultureInfo.InvariantCulture) + ":" + (i % 256).ToString("x2", CultureInfo.InvariantCulture) + ":01",
        vps_os = i % 4 == 0 ? "centos" : "ubuntu",
        vps_version = i % 4 == 0 ? "7" : "22.04",
        vps_location = 1 + (i % 3),
        vps_platform = "kvm",
        vps_diskused = 1000 * i,
        vps_diskmax = 25000 * (1 + (i % 8)),
    };

    private static string BuildReply(sql_row_vps[] rows)
    {
        var sb = new StringBuilder(Rows * 2200);
        sb.Append(PhpEnvelope.Start).Append("<ns1:api_vps_get_servicesResponse>");
        sb.Append("<return SOAP-ENC:arrayType=\"ns1:sql_row_vps[").Append(rows.Length).Append("]\" xsi:type=\"ns1:array_sql_row_vps\">");
        foreach (sql_row_vps r in rows)
        {
            sb.Append("<item xsi:type=\"ns1:sql_row_vps\">");
            PhpEnvelope.Int(sb, "vps_id", r.vps_id);
            PhpEnvelope.Int(sb, "vps_custid", r.vps_custid);
            PhpEnvelope.Int(sb, "vps_server", r.vps_server);
            PhpEnvelope.Str(sb, "vps_ip", r.vps_ip);
            PhpEnvelope.Str(sb, "vps_ipv6", r.vps_ipv6);
            PhpEnvelope.Str(sb, "vps_vzid", r.vps_vzid);
            PhpEnvelope.Str(sb, "vps_currency", r.vps_currency);
            PhpEnvelope.Int(sb, "vps_type", r.vps_type);
            PhpEnvelope.Str(sb, "vps_order_date", r.vps_order_date);
            PhpEnvelope.Str(sb, "vps_status", r.vps_status);
            PhpEnvelope.Int(sb, "vps_invoice", r.vps_invoice);
            PhpEnvelope.Int(sb, "vps_coupon", r.vps_coupon);
            PhpEnvelope.Str(sb, "vps_extra", r.vps_extra);
            PhpEnvelope.Str(sb, "vps_hostname", r.vps_hostname);
            PhpEnvelope.Str(sb, "vps_server_status", r.vps_server_status);
            PhpEnvelope.Str(sb, "vps_comment", r.vps_comment);
            PhpEnvelope.Int(sb, "vps_slices", r.vps_slices);
            PhpEnvelope.Str(sb, "vps_vnc", r.vps_vnc);
            PhpEnvelope.Int(sb, "vps_vnc_port", r.vps_vnc_port);
            PhpEnvelope.Str(sb, "vps_rootpass", r.vps_rootpass);
            PhpEnvelope.Str(sb, "vps_mac", r.vps_mac);
            PhpEnvelope.Str(sb, "vps_os", r.vps_os);
            PhpEnvelope.Str(sb, "vps_version", r.vps_version);
            PhpEnvelope.Int(sb, "vps_location", r.vps_location);
            PhpEnvelope.Str(sb, "vps_platform", r.vps_platform);
            PhpEnvelope.Int(sb, "vps_diskused", r.vps_diskused);
            PhpEnvelope.Int(sb, "vps_diskmax", r.vps_diskmax);
            sb.Append("</item>");
        }

        return sb.Append("</return></ns1:api_vps_get_servicesResponse>").Append(PhpEnvelope.End).ToString();
    }
}
