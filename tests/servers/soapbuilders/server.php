<?php
// SOAPBuilders interop Round 2 echo services (rpc/encoded, SOAP 1.1) on PHP's ext/soap SoapServer in WSDL mode, over the
// php-src test WSDLs read from ../shared (third-party files, never copied here):
//   POST /round2/base     round2_base.wsdl   (echoString … echoBoolean)
//   POST /round2/groupB   round2_groupB.wsdl (echoStructAsSimpleTypes … echoNestedArray)
// Run:  php -S 127.0.0.1:PORT tests/servers/soapbuilders/server.php     (from the repo root; see README.md)
declare(strict_types=1);

ini_set('soap.wsdl_cache_enabled', '0');
ini_set('display_errors', '0');
error_reporting(E_ALL);

const SB_CORPUS = __DIR__ . '/../../../../shared/wsdl-corpus/php-src-soap/ext/soap/tests/interop/Round2/';

/** path => [WSDL variable, default WSDL path, handler class] */
const SB_SERVICES = [
    '/round2/base' => ['SOAPGEN_ROUND2_BASE_WSDL', SB_CORPUS . 'Base/round2_base.wsdl', Round2BaseEcho::class],
    '/round2/groupB' => ['SOAPGEN_ROUND2_GROUPB_WSDL', SB_CORPUS . 'GroupB/round2_groupB.wsdl', Round2GroupBEcho::class],
];

/**
 * Round 2 base: every operation returns its argument as SoapServer decoded it, so what comes back is exactly what
 * ext/soap makes of a value on the way in (decoding by xsi:type or the part's type) and out (encoding by the output
 * part's type). No normalisation of our own.
 */
final class Round2BaseEcho
{
    public function echoString($inputString) { return $inputString; }
    public function echoStringArray($inputStringArray) { return $inputStringArray; }
    public function echoInteger($inputInteger) { return $inputInteger; }
    public function echoIntegerArray($inputIntegerArray) { return $inputIntegerArray; }
    public function echoFloat($inputFloat) { return $inputFloat; }
    public function echoFloatArray($inputFloatArray) { return $inputFloatArray; }
    public function echoStruct($inputStruct) { return $inputStruct; }
    public function echoStructArray($inputStructArray) { return $inputStructArray; }
    public function echoVoid(): void { }
    public function echoBase64($inputBase64) { return $inputBase64; }
    public function echoDate($inputDate) { return $inputDate; }
    public function echoHexBinary($inputHexBinary) { return $inputHexBinary; }
    public function echoDecimal($inputDecimal) { return $inputDecimal; }
    public function echoBoolean($inputBoolean) { return $inputBoolean; }
}

/** Round 2 group B: the same, reshaping between a struct and its members where the operation says so. */
final class Round2GroupBEcho
{
    /** Three output parts: SoapServer maps an array keyed by part name onto them. */
    public function echoStructAsSimpleTypes($inputStruct): array
    {
        return [
            'outputString' => $inputStruct->varString ?? null,
            'outputInteger' => $inputStruct->varInt ?? null,
            'outputFloat' => $inputStruct->varFloat ?? null,
        ];
    }

    public function echoSimpleTypesAsStruct($inputString, $inputInteger, $inputFloat): stdClass
    {
        return (object)['varString' => $inputString, 'varInt' => $inputInteger, 'varFloat' => $inputFloat];
    }

    public function echo2DStringArray($input2DStringArray) { return $input2DStringArray; }
    public function echoNestedStruct($inputStruct) { return $inputStruct; }
    public function echoNestedArray($inputStruct) { return $inputStruct; }
}

$path = rtrim(parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/', '/');
$service = SB_SERVICES[$path] ?? null;
$method = $_SERVER['REQUEST_METHOD'] ?? 'GET';
if ($service === null) {
    http_response_code(404);
    header('Content-Type: text/plain');
    echo "No SOAPBuilders service at $path: POST to " . implode(' or ', array_keys(SB_SERVICES)) . ", GET <path>?wsdl for its WSDL\n";
    return true;
}

[$variable, $default, $handler] = $service;
$wsdlPath = getenv($variable) ?: $default;
if (!is_file($wsdlPath)) {
    http_response_code(500);
    header('Content-Type: text/plain');
    echo "WSDL not found: $wsdlPath (set $variable)\n";
    return true;
}

if ($method === 'GET') {
    if (isset($_GET['wsdl']) || isset($_GET['WSDL'])) {
        header('Content-Type: text/xml; charset=UTF-8');
        readfile($wsdlPath); // unchanged: its soap:address is relative (round2_base.inc), clients set the endpoint
    } else {
        header('Content-Type: text/plain');
        echo "SOAPBuilders Round 2 echo service: POST SOAP 1.1 here, GET ?wsdl for the WSDL\n";
    }
    return true;
}
if ($method !== 'POST') {
    http_response_code(405);
    header('Allow: GET, POST');
    return true;
}

$server = new SoapServer($wsdlPath, ['cache_wsdl' => WSDL_CACHE_NONE, 'soap_version' => SOAP_1_1]);
$server->setObject(new $handler());
$server->handle((string)file_get_contents('php://input'));
return true;
