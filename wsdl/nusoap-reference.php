<?php
// Reference check only (not used by the build): registers the InterServer metadata with Debian's
// nusoap 0.9.5 (libnusoap-php) exactly as a nusoap server would, and prints nusoap's own ?wsdl output.
// Usage: php wsdl/nusoap-reference.php [metadata-dir] > /tmp/nusoap.wsdl
// Needs: apt-get install -y libnusoap-php php-xml
$dir = $argv[1] ?? __DIR__ . '/../../shared/vendor-api-metadata/interserver/SOAP-API/data/api_info';
$dir = is_dir("$dir/api_info") ? "$dir/api_info" : (is_dir("$dir/SOAP-API/data/api_info") ? "$dir/SOAP-API/data/api_info" : $dir);

// nusoap 0.9.5 uses PHP 4 constructors, which PHP 8 no longer calls: load a patched copy in memory
// (the system file is not edited) that adds a __construct forwarding to the PHP 4 constructor.
function load_nusoap(): void {
    $src = file_get_contents('/usr/share/php/nusoap/nusoap.php');
    $src = preg_replace_callback('/^class\s+(\w+)([^{]*)\{/m', function ($m) use ($src) {
        $cls = $m[1];
        if (!preg_match('/function\s+' . preg_quote($cls) . '\s*\(/', $src)) return $m[0];
        return $m[0] . "\n function __construct(...\$a) { \$this->$cls(...\$a); }\n";
    }, $src);
    $src = preg_replace('/^<\?php/', '', $src);
    error_reporting(E_ALL & ~E_DEPRECATED & ~E_WARNING & ~E_NOTICE);
    eval($src);
}
load_nusoap();

$_SERVER['SERVER_NAME'] = 'my.interserver.net';
$_SERVER['SERVER_PORT'] = '443';
$_SERVER['SCRIPT_NAME'] = '/api.php';
$_SERVER['HTTPS'] = 'on';

$messages = json_decode(file_get_contents("$dir/messages.json"), true);
$operations = json_decode(file_get_contents("$dir/operations.json"), true);
$complex = json_decode(file_get_contents("$dir/complextypes.json"), true);

$server = new soap_server();
$server->configureWSDL('myapi', 'urn:myapi');
$server->wsdl->endpoint = 'https://my.interserver.net/api.php';
$xsd = fn($t) => str_contains($t, ':') ? $t : "xsd:$t";
foreach ($complex as $name => $def) {
    if (is_string($def)) {
        $item = substr($def, 0, -2);
        $server->wsdl->addComplexType($name, 'complexType', 'array', '', 'SOAP-ENC:Array', [],
            [['ref' => 'SOAP-ENC:arrayType', 'wsdl:arrayType' => $def]], $item);
    } else {
        $el = [];
        foreach ($def as $f) $el[$f['name']] = ['name' => $f['name'], 'type' => $xsd($f['type'])];
        $server->wsdl->addComplexType($name, 'complexType', 'struct', 'all', '', $el);
    }
}
$parts = [];
foreach ($messages as $m) {
    $p = $m['part'] ?? [];
    if (isset($p['attr'])) $p = [$p];
    $parts[$m['attr']['name']] = [];
    foreach ($p as $q) $parts[$m['attr']['name']][$q['attr']['name']] = $q['attr']['type'];
}
foreach ($operations as $op) {
    $in = $parts[substr($op['input']['attr']['message'], 4)];
    $out = $parts[substr($op['output']['attr']['message'], 4)];
    $server->register($op['attr']['name'], $in, $out, 'urn:myapi', false, 'rpc', 'encoded', $op['documentation']['value'] ?? '');
}
echo $server->wsdl->serialize();
