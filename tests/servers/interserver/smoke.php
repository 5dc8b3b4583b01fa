<?php
// Smoke test: a PHP SoapClient built from wsdl/interserver.wsdl, location overridden to the local server,
// calls all 101 operations. Usage: php tests/servers/interserver/smoke.php http://127.0.0.1:PORT
declare(strict_types=1);
ini_set('soap.wsdl_cache_enabled', '0');

$base = rtrim($argv[1] ?? 'http://127.0.0.1:18091', '/');
$wsdl = getenv('SOAPGEN_WSDL') ?: __DIR__ . '/../../../wsdl/interserver.wsdl';
$client = new SoapClient($wsdl, ['location' => "$base/api.php", 'trace' => true, 'exceptions' => true, 'cache_wsdl' => WSDL_CACHE_NONE]);
$get = fn(string $p) => json_decode((string)file_get_contents("$base$p"), true);
$fail = 0;
$check = function (bool $ok, string $what) use (&$fail) { if (!$ok) { $fail++; echo "FAIL: $what\n"; } };

$get('/__control/reset');
$check($client->api_login('test@example.com', 'wrong') === '', 'bad login returns ""');
$sid = $client->api_login('test@example.com', 'secret');
$check((bool)preg_match('/^[0-9a-f]{32}$/', $sid), 'login returns 32 hex');

// Parts per operation, from the WSDL.
$doc = new DOMDocument(); $doc->load($wsdl);
$xp = new DOMXPath($doc); $xp->registerNamespace('w', 'http://schemas.xmlsoap.org/wsdl/');
$parts = [];
foreach ($xp->query('/w:definitions/w:message') as $m)
    foreach ($xp->query('w:part', $m) as $p) $parts[$m->getAttribute('name')][] = [$p->getAttribute('name'), $p->getAttribute('type')];
$ops = [];
foreach ($xp->query('/w:definitions/w:portType/w:operation') as $o)
    $ops[$o->getAttribute('name')] = $parts[substr($xp->query('w:input', $o)->item(0)->getAttribute('message'), 4)] ?? [];

$ok = 0;
foreach ($ops as $name => $in) {
    $args = [];
    foreach ($in as [$p, $t]) {
        $args[] = match (true) {
            $p === 'sid' => $sid,
            $name === 'api_login' && $p === 'username' => 'test@example.com',
            $name === 'api_login' && $p === 'password' => 'secret',
            $t === 'xsd:int' => 10682,
            $t === 'xsd:float' => 34.95,
            $t === 'xsd:boolean' => false,
            $p === 'ip' => '1.2.3.4',
            default => "$p Zürich <&>",
        };
    }
    try {
        $r = $client->__soapCall($name, $args);
        $ok++;
        if ($name === 'api_cancel_license_ip') {
            $check(str_contains($r->status_text, '1.2.3.4') && str_contains($r->status_text, '10682'), 'cancel_license_ip echoes ip+type: ' . $r->status_text);
        }
        if ($name === 'api_get_license_types') {
            $check($r[1]->services_name === 'cPanel Zürich café a <b> & "c" \'d\'' && $r[1]->services_cost == 34.95 && $r[2]->services_id === 0 && $r[2]->services_name === '', 'license types fixture');
        }
    } catch (SoapFault $f) {
        echo "FAIL: $name: {$f->faultcode} {$f->faultstring}\n";
        $fail++;
    }
}
echo "operations called successfully: $ok of " . count($ops) . "\n";

// Invalid / expired session.
try { $client->api_get_ima('0123456789abcdef0123456789abcdef'); $check(false, 'unknown sid must fault'); }
catch (SoapFault $f) { $check($f->faultcode === 'SOAP-ENV:Client' && $f->faultstring === 'Invalid Session ID', "unknown sid fault {$f->faultcode} {$f->faultstring}"); }
$get('/__control/expire');
try { $client->api_get_ima($sid); $check(false, 'expired sid must fault'); }
catch (SoapFault $f) { $check($f->faultstring === 'Invalid Session ID', 'expired sid fault'); }
$stats = $get('/__control/stats');
$check($stats['logins'] === 3 && $stats['calls'] === count($ops) + 4, 'stats ' . json_encode($stats));

// Garbage replies.
foreach (['html', 'empty', 'truncated', 'fault12'] as $mode) {
    $get("/__control/reply?mode=$mode");
    try { $r = $client->api_login("test@example.com", "secret"); $check($mode === "empty" && $r === null, "reply mode $mode must fail the client"); if ($mode === "empty") echo "reply mode empty -> SoapClient returns null (no exception)\n"; }
    catch (SoapFault $f) { echo "reply mode $mode -> SoapClient: {$f->faultcode}: " . substr($f->faultstring, 0, 60) . "\n"; }
}
$check(is_string($client->api_login('test@example.com', 'secret')), 'next request is normal again');

echo $fail === 0 ? "SMOKE OK: $ok operations\n" : "SMOKE FAILED: $fail failure(s)\n";
exit($fail === 0 ? 0 : 1);
