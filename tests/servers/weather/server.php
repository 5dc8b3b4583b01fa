<?php
// Document/literal test service for wsdl/weather.wsdl on PHP's ext/soap SoapServer (WSDL mode).
// Run:  php -S 127.0.0.1:PORT tests/servers/weather/server.php     (from the repo root; see README.md)
declare(strict_types=1);

ini_set('soap.wsdl_cache_enabled', '0');
ini_set('display_errors', '0');
error_reporting(E_ALL);

const WEATHER_NS = 'urn:soapgen:weather';
const WEATHER_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

$wsdlPath = getenv('SOAPGEN_WSDL') ?: __DIR__ . '/../../../wsdl/weather.wsdl';
if (!is_file($wsdlPath)) {
    http_response_code(500);
    header('Content-Type: text/plain');
    echo "WSDL not found: $wsdlPath (set SOAPGEN_WSDL)\n";
    return true;
}

$method = $_SERVER['REQUEST_METHOD'] ?? 'GET';
if ($method === 'GET') {
    if (isset($_GET['wsdl']) || isset($_GET['WSDL'])) {
        header('Content-Type: text/xml; charset=UTF-8');
        readfile($wsdlPath);
    } else {
        header('Content-Type: text/plain');
        echo "SoapGen weather test service: POST SOAP 1.1 (document/literal) here, GET ?wsdl for the WSDL\n";
    }
    return true;
}
if ($method !== 'POST') {
    http_response_code(405);
    header('Allow: GET, POST');
    return true;
}

/**
 * The three operations. ext/soap unwraps nothing by itself: a wrapped operation's handler gets ONE stdClass shaped like
 * the request wrapper element and returns an array shaped like the response wrapper element; a bare operation's handler
 * gets the body element's value (here a Forecast stdClass) and returns the response element's value (a string).
 */
final class WeatherHandler
{
    /** GetForecast(city, days?, tag*) -> GetForecastResponse { GetForecastResult: Forecast } */
    public function GetForecast(stdClass $request): array
    {
        $city = (string)($request->city ?? '');
        if ($city === 'Atlantis') {
            return ['GetForecastResult' => null]; // nillable: <GetForecastResult xsi:nil="true"/>
        }
        $daysSent = isset($request->days);
        $days = $daysSent ? (int)$request->days : 3; // the WSDL: days defaults to 3
        $tags = self::listOf($request->tag ?? null);

        // unit and station are attributes of Forecast; wind is a value with an attribute (simpleContent: "_" is the value).
        $forecast = ['city' => $city, 'high' => 21.5, 'unit' => 'C', 'station' => 42];
        if ($daysSent) {
            $forecast['low'] = 8.5; // low present only when days arrived; omitted (minOccurs=0) otherwise
        }
        // nillable: a null value is written as <summary xsi:nil="true"/>
        $forecast['summary'] = $tags === [] ? null : sprintf('days=%d tags=%s', $days, implode(',', $tags));
        $rows = [];
        for ($i = 0; $i < max(0, $days); $i++) {
            $rows[] = ['name' => WEATHER_DAYS[$i % 7], 'rain' => $i % 2 === 1];
        }
        if ($rows !== []) {
            $forecast['day'] = $rows;
        }
        $forecast['wind'] = ['_' => 12.5, 'direction' => 'NW'];

        return ['GetForecastResult' => $forecast];
    }

    /** ListStations(country) -> ListStationsResponse { station*, total, updated } */
    public function ListStations(stdClass $request): array
    {
        $stations = ($request->country ?? '') === 'CH' ? ['Basel', 'Bern', 'Zürich'] : [];
        $response = [];
        if ($stations !== []) {
            $response['station'] = $stations; // none: the element is omitted (minOccurs=0)
        }
        $response['total'] = count($stations);
        $response['updated'] = '2026-11-25T12:00:00Z';
        return $response;
    }

    /** SubmitReport (bare): Report (a Forecast) -> ReportReceipt (xsd:string) */
    public function SubmitReport(stdClass $report): string
    {
        $days = self::listOf($report->day ?? null);
        $receipt = sprintf('received %s %s %d days', (string)($report->city ?? ''), self::number($report->high ?? null), count($days));
        if (isset($report->unit)) $receipt .= ' unit=' . $report->unit;
        if (isset($report->station)) $receipt .= ' station=' . $report->station;
        if (isset($report->wind)) $receipt .= ' wind=' . self::number($report->wind->_ ?? null) . ' ' . ($report->wind->direction ?? '-');
        return $receipt;
    }

    /** SOAP_SINGLE_ELEMENT_ARRAYS makes repeated elements arrays; still accept a scalar (one) or null (none). */
    private static function listOf(mixed $value): array
    {
        if ($value === null) return [];
        return is_array($value) ? array_values($value) : [$value];
    }

    private static function number(mixed $value): string
    {
        if ($value === null) return 'null';
        $s = (string)(float)$value; // 21.5 -> "21.5", 20.0 -> "20"
        return $s;
    }
}

// A stricter reader than ext/soap (which matches member names and ignores their namespace): the body content must be
// qualified in urn:soapgen:weather (elementFormDefault="qualified") and carry no xsi:type (literal). Otherwise: Client fault.
$raw = (string)file_get_contents('php://input');
$problem = weather_check_literal($raw);
$server = new SoapServer($wsdlPath, [
    'cache_wsdl' => WSDL_CACHE_NONE,
    'soap_version' => SOAP_1_1,
    'features' => SOAP_SINGLE_ELEMENT_ARRAYS,
]);
if ($problem !== null) {
    $server->fault('Client', 'Not document/literal qualified: ' . $problem);
    return true;
}
$server->setObject(new WeatherHandler());
$server->handle($raw);
return true;

/** Null when every element inside Body is in WEATHER_NS and none has xsi:type; else what is wrong. */
function weather_check_literal(string $xml): ?string
{
    $dom = new DOMDocument();
    if ($xml === '' || !@$dom->loadXML($xml)) return null; // let SoapServer report the parse error itself
    $xpath = new DOMXPath($dom);
    $xpath->registerNamespace('e', 'http://schemas.xmlsoap.org/soap/envelope/');
    foreach ($xpath->query('/e:Envelope/e:Body//*') as $el) {
        /** @var DOMElement $el */
        if ($el->namespaceURI !== WEATHER_NS) {
            return sprintf('element <%s> is in namespace "%s"', $el->localName, (string)$el->namespaceURI);
        }
        if ($el->hasAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')) {
            return sprintf('element <%s> has xsi:type', $el->localName);
        }
    }
    return null;
}
