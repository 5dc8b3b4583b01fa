<?php
// Typed-fault test service for wsdl/faults.wsdl on PHP's ext/soap SoapServer (WSDL mode), both ports of the WSDL:
//   POST /faults11  SOAP 1.1 (port FaultsSoap11)      POST /faults12  SOAP 1.2 (port FaultsSoap12)
// Run:  php -S 127.0.0.1:PORT tests/servers/faults/server.php     (from the repo root; see README.md)
declare(strict_types=1);

ini_set('soap.wsdl_cache_enabled', '0');
ini_set('display_errors', '0');
error_reporting(E_ALL);

const FAULTS_NS = 'urn:soapgen:faults';
const FAULTS_LIMIT = 1000000;

$wsdlPath = getenv('SOAPGEN_FAULTS_WSDL') ?: __DIR__ . '/../../../wsdl/faults.wsdl';
if (!is_file($wsdlPath)) {
    http_response_code(500);
    header('Content-Type: text/plain');
    echo "WSDL not found: $wsdlPath (set SOAPGEN_FAULTS_WSDL)\n";
    return true;
}

$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/';
$versions = ['/faults11' => SOAP_1_1, '/faults12' => SOAP_1_2];
$version = $versions[rtrim($path, '/')] ?? null;

$method = $_SERVER['REQUEST_METHOD'] ?? 'GET';
if ($method === 'GET') {
    if (isset($_GET['wsdl']) || isset($_GET['WSDL'])) {
        header('Content-Type: text/xml; charset=UTF-8');
        readfile($wsdlPath);
    } else {
        header('Content-Type: text/plain');
        echo "SoapGen typed-fault test service: POST SOAP 1.1 to /faults11, SOAP 1.2 to /faults12, GET ?wsdl for the WSDL\n";
    }
    return true;
}
if ($method !== 'POST') {
    http_response_code(405);
    header('Allow: GET, POST');
    return true;
}
if ($version === null) {
    http_response_code(404);
    header('Content-Type: text/plain');
    echo "No SOAP port at $path: POST SOAP 1.1 to /faults11, SOAP 1.2 to /faults12\n";
    return true;
}

/**
 * Wrapped operations: each handler gets the request wrapper as ONE stdClass and returns the response wrapper as an array.
 * A declared fault is a SoapFault whose 5th argument is the wsdl:fault NAME ("DivideByZero", "Overflow"): ext/soap then
 * writes the detail as that fault's part element (tns:DivideByZeroFault, tns:OverflowFault) from the detail array. With
 * any other name (e.g. the element name "DivideByZeroFault") it writes the array as an untyped <item><key/><value/> map.
 * Codes: "Client"/"Server" are SOAP 1.1 names; in SOAP 1.2 mode ext/soap writes them as env:Sender/env:Receiver.
 */
final class FaultsHandler
{
    /** Divide(a, b) -> DivideResponse { DivideResult } */
    public function Divide(stdClass $request): array
    {
        $a = (int)$request->a;
        $b = (int)$request->b;
        if ($b === 0) {
            throw new SoapFault('Client', 'Division by zero', null,
                ['dividend' => $a, 'message' => sprintf('cannot divide %d by zero', $a)], 'DivideByZero');
        }
        $result = intdiv($a, $b); // PHP ints are 64-bit: int.MinValue / -1 does not overflow here
        if (abs($result) > FAULTS_LIMIT) {
            throw new SoapFault('Server', sprintf('Result overflow: |%d / %d| exceeds %d', $a, $b, FAULTS_LIMIT), null,
                ['limit' => FAULTS_LIMIT], 'Overflow');
        }
        return ['DivideResult' => $result];
    }

    /** Check(value) -> CheckResponse { CheckResult }; declares no fault. */
    public function Check(stdClass $request): array
    {
        $value = (string)($request->value ?? '');
        if ($value === 'undeclared') {
            // An object whose member is raw XML: ext/soap writes <detail>/<env:Detail> around it (a bare SoapVar
            // would land directly under Fault, without the detail element).
            $why = new SoapVar('<tns:Unexpected xmlns:tns="' . FAULTS_NS . '"><why>the value was "undeclared"</why></tns:Unexpected>', XSD_ANYXML);
            throw new SoapFault('Server', 'Undeclared failure', null, (object)['Unexpected' => $why]);
        }
        if ($value === 'plain') {
            throw new SoapFault('Server', 'Plain failure'); // no detail element at all
        }
        return ['CheckResult' => $value];
    }
}

// Stricter than ext/soap, which answers whatever envelope version arrives on either port: the envelope and the
// Content-Type must be the port's SOAP version. A wrong Content-Type: HTTP 415 (as WCF and most stacks answer);
// a wrong envelope: a VersionMismatch fault in the request's own version (so its sender can read it).
$raw = (string)file_get_contents('php://input');
$contentType = strtolower(trim(explode(';', (string)($_SERVER['CONTENT_TYPE'] ?? ''))[0]));
$expectedType = $version === SOAP_1_1 ? 'text/xml' : 'application/soap+xml';
if ($contentType !== $expectedType) {
    http_response_code(415);
    header('Content-Type: text/plain');
    echo sprintf("Unsupported Content-Type '%s' at %s: SOAP %s requests are %s\n", $contentType, $path, $version === SOAP_1_1 ? '1.1' : '1.2', $expectedType);
    return true;
}
$requestVersion = faults_envelope_version($raw);
if ($requestVersion !== null && $requestVersion !== $version) {
    $server = new SoapServer($wsdlPath, ['cache_wsdl' => WSDL_CACHE_NONE, 'soap_version' => $requestVersion]);
    $server->fault('VersionMismatch', sprintf('%s is the SOAP %s port; the request is a SOAP %s envelope', $path,
        $version === SOAP_1_1 ? '1.1' : '1.2', $requestVersion === SOAP_1_1 ? '1.1' : '1.2'));
    return true;
}

$server = new SoapServer($wsdlPath, [
    'cache_wsdl' => WSDL_CACHE_NONE,
    'soap_version' => $version,
]);
$server->setObject(new FaultsHandler());
$server->handle($raw);
return true;

/** SOAP_1_1 / SOAP_1_2 from the root element's namespace; null when it is neither (SoapServer reports that itself). */
function faults_envelope_version(string $xml): ?int
{
    $dom = new DOMDocument();
    if ($xml === '' || !@$dom->loadXML($xml, LIBXML_NONET)) return null;
    return match ($dom->documentElement?->namespaceURI) {
        'http://schemas.xmlsoap.org/soap/envelope/' => SOAP_1_1,
        'http://www.w3.org/2003/05/soap-envelope' => SOAP_1_2,
        default => null,
    };
}
