<?php
// Test double of the InterServer SOAP API on nusoap (Debian's libnusoap-php 0.9.5): the SOAP library family the live
// https://my.interserver.net/api.php runs. Same operations, data, credentials, sessions and /__control endpoints as
// server.php (all in operations.php); only the SOAP stack differs, and nusoap writes its replies its own way
// (ISO-8859-1, SOAP-ENV/ns1 prefixes, xsi:type everywhere, xsi:nil, gzip, faultactor before faultstring: README.md).
// Like the live server, the operations and types are registered with configureWSDL/addComplexType/register (here
// from wsdl/interserver.wsdl), and GET ?wsdl returns the WSDL nusoap generates from that registration.
// Run:  php -S 127.0.0.1:PORT tests/servers/interserver/nusoap-server.php
ini_set('display_errors', '0');

require_once __DIR__ . '/operations.php';
require_once __DIR__ . '/nusoap-loader.php';

$wsdlPath = interserver_wsdl_path();
try {
    load_nusoap();
} catch (RuntimeException $e) {
    http_response_code(500);
    header('Content-Type: text/plain');
    echo $e->getMessage(), "\n";
    return true;
}

$ops = interserver_ops($wsdlPath);
$model = $ops->model();

// ---------------------------------------------------------------- registration, as the live api.php does it
$server = new soap_server();
$server->configureWSDL('myapi', 'urn:myapi');
$server->wsdl->endpoint = 'http://' . ($_SERVER['HTTP_HOST'] ?? '127.0.0.1') . '/api.php';
foreach ($model['types'] as $name => $t) {
    if ($t['kind'] === 'array') {
        $server->wsdl->addComplexType($name, 'complexType', 'array', '', 'SOAP-ENC:Array', [],
            [['ref' => 'SOAP-ENC:arrayType', 'wsdl:arrayType' => $t['item'] . '[]']], $t['item']);
    } else {
        $el = [];
        foreach ($t['members'] as [$m, $mt]) $el[$m] = ['name' => $m, 'type' => $mt];
        $server->wsdl->addComplexType($name, 'complexType', 'struct', 'all', '', $el);
    }
}
foreach ($model['ops'] as $name => $op) {
    $in = [];
    foreach ($op['in'] as [$p, $pt]) $in[$p] = $pt;
    $server->register($name, $in, [$op['outName'] => $op['out']], 'urn:myapi', false, 'rpc', 'encoded', $op['doc']);
    // nusoap calls a global function named like the operation with the parts in request order.
    if (!function_exists($name)) {
        eval("function $name(...\$a) { return nusoap_invoke('$name', \$a); }");
    }
}

/**
 * nusoap (decode_utf8 = true, soap_defencoding = ISO-8859-1, its defaults) hands the operation Latin-1 strings and
 * writes the strings it gets back unchanged into its ISO-8859-1 envelope: so the operations (UTF-8) are wrapped the
 * way a Latin-1 PHP application would be. Characters outside Latin-1 in a request have already become '?'
 * (nusoap's utf8_decode) before they get here; that loss is nusoap's, on the way in.
 */
function nusoap_invoke(string $name, array $args): mixed
{
    global $ops;
    try {
        return nusoap_latin1($ops->call($name, array_map('nusoap_utf8', $args)));
    } catch (InterServerFault $f) {
        // nusoap's own fault codes are SOAP-ENV-qualified ("SOAP-ENV:Client"); faultactor stays ''.
        return new nusoap_fault('SOAP-ENV:' . $f->faultCode, '', nusoap_latin1($f->getMessage()));
    }
}

function nusoap_utf8(mixed $v): mixed
{
    if (is_string($v)) {
        return (string)preg_replace_callback('/[\x80-\xFF]/', fn($m) => chr(0xC0 | (ord($m[0]) >> 6)) . chr(0x80 | (ord($m[0]) & 0x3F)), $v);
    }
    if (is_array($v)) return array_map('nusoap_utf8', $v);
    return $v;
}

function nusoap_latin1(mixed $v): mixed
{
    if (is_string($v)) {
        // like utf8_decode (deprecated in PHP 8.2): a character outside Latin-1 becomes '?'
        return (string)preg_replace_callback('/[\x{80}-\x{10FFFF}]/u', function ($m) {
            $cp = strlen($m[0]) === 2 ? ((ord($m[0][0]) & 0x1F) << 6) | (ord($m[0][1]) & 0x3F) : 0x100;
            return $cp <= 0xFF ? chr($cp) : '?';
        }, $v);
    }
    if (is_array($v)) {
        $out = [];
        foreach ($v as $k => $x) $out[$k] = nusoap_latin1($x);
        return $out;
    }
    return $v;
}

$reply = interserver_front(function () use ($server) {
    // nusoap's own ?wsdl: its serialization of the registration above.
    $server->service('');
});
if ($reply === false) return true;

// ---------------------------------------------------------------- SOAP
$request = (string)file_get_contents('php://input');
if ($reply !== 'truncated') {
    $server->service($request);
    return true;
}

// Reply mode 'truncated': nusoap answers normally, then only the first half of the (decompressed) envelope is sent.
ob_start();
$server->service($request);
$body = (string)ob_get_clean();
foreach (headers_list() as $h) {
    if (stripos($h, 'Content-Encoding: gzip') === 0) $body = (string)gzdecode($body);
    if (stripos($h, 'Content-Encoding: deflate') === 0) $body = (string)gzinflate($body);
}
header_remove('Content-Encoding');
header_remove('Content-Length');
echo interserver_truncate($body);
return true;
