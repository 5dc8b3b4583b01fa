<?php
// SOAPBuilders interop echo services (SOAP 1.1) on PHP's ext/soap SoapServer in WSDL mode, over the php-src test WSDLs
// read from ../shared (third-party files, never copied here):
//   POST /round2/base     round2_base.wsdl   (echoString … echoBoolean)
//   POST /round2/groupB   round2_groupB.wsdl (echoStructAsSimpleTypes … echoNestedArray)
//   POST /round3/<name>   Round 3 groups D, E, F (see SB_SERVICES; echoes)
//   POST /round4/<name>   Round 4 group H (every operation throws its declared fault) and group I (xsd echoes; xsd12: SOAP 1.2)
//   POST /arrays          SoapGen's own wsdl/arrays.wsdl (a three-dimensional array)
// Run:  php -S 127.0.0.1:PORT tests/servers/soapbuilders/server.php     (from the repo root; see README.md)
declare(strict_types=1);

ini_set('soap.wsdl_cache_enabled', '0');
ini_set('display_errors', '0');
error_reporting(E_ALL);

const SB_CORPUS = __DIR__ . '/../../../../shared/wsdl-corpus/php-src-soap/ext/soap/tests/interop/Round2/';
const SB_R3 = __DIR__ . '/../../../../shared/wsdl-corpus/php-src-soap/ext/soap/tests/interop/Round3/';
const SB_R4 = __DIR__ . '/../../../../shared/wsdl-corpus/php-src-soap/ext/soap/tests/interop/Round4/';

/** path => [WSDL variable, default WSDL path, handler class, SOAP version (SOAP 1.1 when left out)] */
const SB_SERVICES = [
    '/round2/base' => ['SOAPGEN_ROUND2_BASE_WSDL', SB_CORPUS . 'Base/round2_base.wsdl', Round2BaseEcho::class],
    '/round2/groupB' => ['SOAPGEN_ROUND2_GROUPB_WSDL', SB_CORPUS . 'GroupB/round2_groupB.wsdl', Round2GroupBEcho::class],
    '/round3/doclit' => ['SOAPGEN_R3_DOCLIT_WSDL', SB_R3 . 'GroupD/round3_groupD_doclit.wsdl', EchoFirstPart::class],
    '/round3/doclitparams' => ['SOAPGEN_R3_DOCLITPARAMS_WSDL', SB_R3 . 'GroupD/round3_groupD_doclitparams.wsdl', Round3DocLitParamsEcho::class],
    '/round3/rpcenc' => ['SOAPGEN_R3_RPCENC_WSDL', SB_R3 . 'GroupD/round3_groupD_rpcenc.wsdl', EchoFirstPart::class],
    '/round3/compound1' => ['SOAPGEN_R3_COMPOUND1_WSDL', SB_R3 . 'GroupD/round3_groupD_compound1.wsdl', EchoFirstPart::class],
    '/round3/compound2' => ['SOAPGEN_R3_COMPOUND2_WSDL', SB_R3 . 'GroupD/round3_groupD_compound2.wsdl', EchoFirstPart::class],
    '/round3/emptysa' => ['SOAPGEN_R3_EMPTYSA_WSDL', SB_R3 . 'GroupD/round3_groupD_emptysa.wsdl', EchoFirstPart::class],
    '/round3/import1' => ['SOAPGEN_R3_IMPORT1_WSDL', SB_R3 . 'GroupD/round3_groupD_import1.wsdl', EchoFirstPart::class],
    '/round3/import2' => ['SOAPGEN_R3_IMPORT2_WSDL', SB_R3 . 'GroupD/round3_groupD_import2.wsdl', EchoFirstPart::class],
    '/round3/import3' => ['SOAPGEN_R3_IMPORT3_WSDL', SB_R3 . 'GroupD/round3_groupD_import3.wsdl', EchoFirstPart::class],
    '/round3/list' => ['SOAPGEN_R3_LIST_WSDL', SB_R3 . 'GroupE/round3_groupE_list.wsdl', EchoFirstPart::class],
    '/round3/ext' => ['SOAPGEN_R3_EXT_WSDL', SB_R3 . 'GroupF/round3_groupF_ext.wsdl', EchoFirstPart::class],
    '/round3/extreq' => ['SOAPGEN_R3_EXTREQ_WSDL', SB_R3 . 'GroupF/round3_groupF_extreq.wsdl', EchoFirstPart::class],
    '/round3/headers' => ['SOAPGEN_R3_HEADERS_WSDL', SB_R3 . 'GroupF/round3_groupF_headers.wsdl', Round3HeadersEcho::class],
    '/round4/complexDoclit' => ['SOAPGEN_R4_COMPLEX_DOCLIT_WSDL', SB_R4 . 'GroupH/round4_groupH_complex_doclit.wsdl', Round4ComplexDocLitFaults::class],
    '/round4/complexRpcenc' => ['SOAPGEN_R4_COMPLEX_RPCENC_WSDL', SB_R4 . 'GroupH/round4_groupH_complex_rpcenc.wsdl', Round4ComplexRpcEncFaults::class],
    '/round4/simpleDoclit' => ['SOAPGEN_R4_SIMPLE_DOCLIT_WSDL', SB_R4 . 'GroupH/round4_groupH_simple_doclit.wsdl', Round4SimpleDocLitFaults::class],
    '/round4/simpleRpcenc' => ['SOAPGEN_R4_SIMPLE_RPCENC_WSDL', SB_R4 . 'GroupH/round4_groupH_simple_rpcenc.wsdl', Round4SimpleRpcEncFaults::class],
    '/round4/soapfault' => ['SOAPGEN_R4_SOAPFAULT_WSDL', SB_R4 . 'GroupH/round4_groupH_soapfault.wsdl', Round4SoapFaultEcho::class],
    '/round4/xsd' => ['SOAPGEN_R4_XSD_WSDL', SB_R4 . 'GroupI/round4_groupI_xsd.wsdl', Round4XsdEcho::class],
    // The same WSDL's SOAP 1.2 port (Round4XSDTestSoap12): SoapServer in SOAP 1.2 mode.
    '/round4/xsd12' => ['SOAPGEN_R4_XSD_WSDL', SB_R4 . 'GroupI/round4_groupI_xsd.wsdl', Round4XsdEcho::class, SOAP_1_2],
    // SoapGen's own: a three-dimensional SOAP-ENC array, echoed.
    '/arrays' => ['SOAPGEN_ARRAYS_WSDL', __DIR__ . '/../../../wsdl/arrays.wsdl', EchoFirstPart::class],
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

/**
 * Round 3 echoes whose request is one part (rpc/encoded, or document/literal bare: doclit, compound1/2, emptysa, import1-3,
 * list, ext, extreq): the part as SoapServer decoded it goes back as the one output part. echoVoid returns nothing.
 */
final class EchoFirstPart
{
    public function __call(string $name, array $args) { return $args[0] ?? null; }
}

/** round3_groupD_doclitparams: document/literal wrapped; the request wrapper's param0 comes back as the response's return. */
final class Round3DocLitParamsEcho
{
    public function __call(string $name, array $args)
    {
        if ($name === 'echoVoid') {
            return null;
        }
        return ['return' => $args[0]->param0 ?? null];
    }
}

/** round3_groupF_headers: echoString echoes; Header1/Header2 (mustUnderstand or not) are accepted and not echoed. */
final class Round3HeadersEcho
{
    public function Header1($header): void { }
    public function Header2($header): void { }
    public function echoString($value) { return $value; }
}

/**
 * Round 4 group H: each operation throws the fault its WSDL declares, with the request's value as the detail (the
 * interop spec). SoapServer finds the fault by name among the operation's wsdl:faults and encodes the detail as that
 * fault message's one part (its element, or for rpc/encoded the part name in the soap:fault namespace, with xsi:type).
 * echoMultipleFaultsN throws fault whichFault (1-based); any other number throws the first, as php-src's own server does.
 */
abstract class GroupHFaults
{
    protected static function fail(string $operation, string $faultName, $detail): never
    {
        throw new SoapFault('Server', "Fault in response to '$operation'.", null, $detail, $faultName);
    }

    /** [fault name, detail] for whichFault; out of range: the first. */
    protected static function pick(int $which, array $faults): array
    {
        return $faults[$which - 1] ?? $faults[0];
    }
}

final class Round4SimpleRpcEncFaults extends GroupHFaults
{
    public function echoEmptyFault() { self::fail('echoEmptyFault', 'SimpleFault', null); }
    public function echoStringFault($param) { self::fail('echoStringFault', 'SimpleFault', $param); }
    public function echoIntArrayFault($param) { self::fail('echoIntArrayFault', 'SimpleFault', $param); }
    public function echoMultipleFaults1($which, $param1, $param2)
    {
        [$name, $detail] = self::pick((int)$which, [['SimpleFault1', null], ['SimpleFault2', $param1], ['SimpleFault3', $param2]]);
        self::fail('echoMultipleFaults1', $name, $detail);
    }
    public function echoMultipleFaults2($which, $param1, $param2, $param3)
    {
        [$name, $detail] = self::pick((int)$which, [['SimpleFault1', $param1], ['SimpleFault2', $param2], ['SimpleFault3', $param3]]);
        self::fail('echoMultipleFaults2', $name, $detail);
    }
    public function echoMultipleFaults3($which, $param1, $param2)
    {
        [$name, $detail] = self::pick((int)$which, [['SimpleFault1', $param1], ['SimpleFault2', $param2]]);
        self::fail('echoMultipleFaults3', $name, $detail);
    }
    public function echoMultipleFaults4($which, $param1, $param2)
    {
        [$name, $detail] = self::pick((int)$which, [['SimpleFault1', $param1], ['SimpleFault2', $param2]]);
        self::fail('echoMultipleFaults4', $name, $detail);
    }
}

/** The same faults, document/literal: one request element each, the multiple-fault ones a struct with whichFault. */
final class Round4SimpleDocLitFaults extends GroupHFaults
{
    public function echoEmptyFault($request = null) { self::fail('echoEmptyFault', 'SimpleFault', null); }
    public function echoStringFault($param) { self::fail('echoStringFault', 'SimpleFault', $param); }
    public function echoIntArrayFault($param) { self::fail('echoIntArrayFault', 'SimpleFault', $param); }
    public function echoMultipleFaults1($r)
    {
        [$name, $detail] = self::pick((int)$r->whichFault, [['SimpleFault1', null], ['SimpleFault2', $r->param1 ?? null], ['SimpleFault3', $r->param2 ?? null]]);
        self::fail('echoMultipleFaults1', $name, $detail);
    }
    public function echoMultipleFaults2($r)
    {
        [$name, $detail] = self::pick((int)$r->whichFault, [['SimpleFault1', $r->param1 ?? null], ['SimpleFault2', $r->param2 ?? null], ['SimpleFault3', $r->param3 ?? null]]);
        self::fail('echoMultipleFaults2', $name, $detail);
    }
    public function echoMultipleFaults3($r)
    {
        [$name, $detail] = self::pick((int)$r->whichFault, [['SimpleFault1', $r->param1 ?? null], ['SimpleFault2', $r->param2 ?? null]]);
        self::fail('echoMultipleFaults3', $name, $detail);
    }
    public function echoMultipleFaults4($r)
    {
        [$name, $detail] = self::pick((int)$r->whichFault, [['SimpleFault1', $r->param1 ?? null], ['SimpleFault2', $r->param2 ?? null]]);
        self::fail('echoMultipleFaults4', $name, $detail);
    }
}

final class Round4ComplexRpcEncFaults extends GroupHFaults
{
    public function echoSOAPStructFault($param) { self::fail('echoSOAPStructFault', 'ComplexFault', $param); }
    public function echoBaseStructFault($param) { self::fail('echoBaseStructFault', 'ComplexFault', $param); }
    public function echoExtendedStructFault($param) { self::fail('echoExtendedStructFault', 'ComplexFault', $param); }
    public function echoMultipleFaults1($which, $param1, $param2)
    {
        // The SOAPStructFault detail wraps the SOAPStruct (its one member soapStruct).
        [$name, $detail] = self::pick((int)$which, [['ComplexFault1', (object)['soapStruct' => $param1]], ['ComplexFault2', $param2]]);
        self::fail('echoMultipleFaults1', $name, $detail);
    }
    public function echoMultipleFaults2($which, $param1, $param2, $param3)
    {
        [$name, $detail] = self::pick((int)$which, [['ComplexFault1', $param1], ['ComplexFault2', $param2], ['ComplexFault3', $param3]]);
        self::fail('echoMultipleFaults2', $name, $detail);
    }
}

final class Round4ComplexDocLitFaults extends GroupHFaults
{
    public function echoSOAPStructFault($param) { self::fail('echoSOAPStructFault', 'ComplexFault', (object)['soapStruct' => $param]); }
    public function echoBaseStructFault($param) { self::fail('echoBaseStructFault', 'ComplexFault', $param); }
    public function echoExtendedStructFault($param) { self::fail('echoExtendedStructFault', 'ComplexFault', $param); }
    public function echoMultipleFaults1($r)
    {
        [$name, $detail] = self::pick((int)$r->whichFault, [['ComplexFault1', (object)['soapStruct' => $r->param1 ?? null]], ['ComplexFault2', $r->param2 ?? null]]);
        self::fail('echoMultipleFaults1', $name, $detail);
    }
    public function echoMultipleFaults2($r)
    {
        [$name, $detail] = self::pick((int)$r->whichFault, [['ComplexFault1', $r->param1 ?? null], ['ComplexFault2', $r->param2 ?? null], ['ComplexFault3', $r->param3 ?? null]]);
        self::fail('echoMultipleFaults2', $name, $detail);
    }
}

/**
 * round4_groupH_soapfault: both operations are void. The faults they are named after are SoapServer's own: a request
 * in another envelope namespace gets VersionMismatch, an unknown header with mustUnderstand="1" gets MustUnderstand.
 */
final class Round4SoapFaultEcho
{
    public function echoVersionMismatchFault(): void { }
    public function echoMustUnderstandFault($param = null): void { }
}

/**
 * round4_groupI_xsd: document/literal wrapped (.NET style): the request wrapper's one member comes back as the
 * response's "return"; arrays of the ArrayOfX wrappers come back as the unbounded "return" items.
 */
final class Round4XsdEcho
{
    private const ITEMS = ['inputIntegerMultiOccurs' => 'int', 'inputFloatMultiOccurs' => 'float', 'inputStringMultiOccurs' => 'string', 'inputComplexTypeMultiOccurs' => 'SOAPComplexType'];

    public function echoVoid() { return null; }
    public function echoVoidSoapHeader() { return null; }
    public function echoMeStringRequest($header): void { }
    public function echoMeComplexTypeRequest($header): void { }

    public function echoComplexTypeAsSimpleTypes($r): array
    {
        $c = $r->inputComplexType ?? null;
        return ['outputString' => $c->varString ?? null, 'outputInteger' => $c->varInt ?? null, 'outputFloat' => $c->varFloat ?? null];
    }

    public function echoSimpleTypesAsComplexType($r): array
    {
        return ['return' => (object)['varInt' => $r->inputInteger ?? null, 'varString' => $r->inputString ?? null, 'varFloat' => $r->inputFloat ?? null]];
    }

    public function __call(string $name, array $args): array
    {
        $members = get_object_vars($args[0] ?? new stdClass());
        if ($members === []) {
            return [];
        }
        $key = array_key_first($members);
        $value = $members[$key];
        if (isset(self::ITEMS[$key])) {
            $value = is_object($value) ? ($value->{self::ITEMS[$key]} ?? null) : null;
        }
        return ['return' => $value];
    }
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
        echo "SOAPBuilders echo service: POST SOAP 1.1 here, GET ?wsdl for the WSDL\n";
    }
    return true;
}
if ($method !== 'POST') {
    http_response_code(405);
    header('Allow: GET, POST');
    return true;
}

$server = new SoapServer($wsdlPath, ['cache_wsdl' => WSDL_CACHE_NONE, 'soap_version' => $service[3] ?? SOAP_1_1]);
$server->setObject(new $handler());
$server->handle((string)file_get_contents('php://input'));
return true;
