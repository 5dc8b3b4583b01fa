<?php
// Smoke test: a PHP SoapClient built from the real bronto.wsdl, location overridden to the local server, logs in,
// sends sessionHeader as a SOAP header to readLogins/addLogins, and checks the refusals (bad token, no/expired session,
// sessionHeader inside Body, a qualified sessionId) and the control endpoints. Prints the wire shapes it saw.
// Usage: php tests/servers/bronto/smoke.php http://127.0.0.1:PORT
declare(strict_types=1);
ini_set('soap.wsdl_cache_enabled', '0');
set_error_handler(function (int $no, string $msg, string $file, int $line): never { throw new ErrorException($msg, 0, $no, $file, $line); });

$base = rtrim($argv[1] ?? 'http://127.0.0.1:18095', '/');
$wsdl = getenv('SOAPGEN_BRONTO_WSDL') ?: __DIR__ . '/../../../../shared/wsdl-corpus/savon/spec/fixtures/wsdl/bronto.wsdl';
const NS = 'http://api.bronto.com/v4';
const ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

$endpoint = "$base/v4";
$client = new SoapClient($wsdl, ['location' => $endpoint, 'trace' => true, 'exceptions' => true, 'cache_wsdl' => WSDL_CACHE_NONE,
    'features' => SOAP_SINGLE_ELEMENT_ARRAYS]);
$get = fn(string $p) => json_decode((string)file_get_contents("$base$p"), true);
$text = fn(string $p) => (string)file_get_contents("$base$p");
$fail = 0;
$check = function (bool $ok, string $what) use (&$fail) { if (!$ok) { $fail++; echo "FAIL: $what\n"; } };
$show = function (string $title, string $xml) { echo "--- $title\n$xml\n"; };

/** A Bronto fault on the wire: SOAP-ENV:Server, "CODE: message", detail <tns:ApiException><errorCode>CODE</errorCode>. */
$checkFault = function (string $xml, int $code, string $messageStart) use ($check) {
    $doc = new DOMDocument();
    $doc->loadXML($xml);
    $xp = new DOMXPath($doc);
    $xp->registerNamespace('e', ENV);
    $xp->registerNamespace('b', NS);
    $fc = $xp->query('/e:Envelope/e:Body/e:Fault/faultcode')->item(0);
    $check($fc !== null && str_ends_with($fc->textContent, ':Server') && $fc->lookupNamespaceURI(explode(':', $fc->textContent)[0]) === ENV, 'faultcode Server: ' . $fc?->textContent);
    $fs = $xp->evaluate('string(/e:Envelope/e:Body/e:Fault/faultstring)');
    $check(str_starts_with($fs, "$code: $messageStart"), "faultstring '$code: {$messageStart}…': $fs");
    $check($xp->evaluate('string(/e:Envelope/e:Body/e:Fault/detail/b:ApiException/errorCode)') === (string)$code, "detail ApiException/errorCode (unqualified) $code");
};

/** POSTs a hand-written envelope; returns [HTTP status, body]. */
$post = function (string $header, string $body) use ($endpoint): array {
    $xml = '<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="' . ENV . '" xmlns:ns1="' . NS . '">'
        . ($header === '' ? '' : "<SOAP-ENV:Header>$header</SOAP-ENV:Header>") . "<SOAP-ENV:Body>$body</SOAP-ENV:Body></SOAP-ENV:Envelope>";
    $ctx = stream_context_create(['http' => ['method' => 'POST', 'ignore_errors' => true,
        'header' => "Content-Type: text/xml; charset=utf-8\r\nSOAPAction: \"\"\r\n", 'content' => $xml]]);
    $reply = (string)file_get_contents($endpoint, false, $ctx);
    $status = preg_match('~^HTTP/\S+ (\d+)~', $http_response_header[0] ?? '', $m) ? (int)$m[1] : 0;
    return [$status, $reply];
};

$check(str_contains($text('/v4?wsdl'), 'BrontoSoapApiImplService'), '?wsdl serves bronto.wsdl');
$get('/__control/reset');

// ---- login
try {
    $client->login(['apiToken' => 'not-the-token']);
    $check(false, 'bad token: no fault');
} catch (SoapFault $f) {
    $show('login with a wrong apiToken (HTTP 500)', (string)$client->__getLastResponse());
    $check(str_contains((string)$client->__getLastResponseHeaders(), ' 500 '), 'bad token: HTTP 500');
    $checkFault((string)$client->__getLastResponse(), 102, 'Authentication failed for token');
    $check(isset($f->detail->ApiException) && (int)$f->detail->ApiException->errorCode === 102, 'SoapClient reads the ApiException detail');
}
$sid = $client->login(['apiToken' => 'bronto-test-token'])->return;
$show('login request', (string)$client->__getLastRequest());
$check((bool)preg_match('/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $sid), "session id is a UUID: $sid");

// ---- readLogins / addLogins with the sessionHeader SOAP header
$client->__setSoapHeaders([new SoapHeader(NS, 'sessionHeader', ['sessionId' => $sid])]);
$rows = $client->readLogins(['pageNumber' => 1])->return ?? [];
$request = (string)$client->__getLastRequest();
$show('readLogins request', $request);
$show('readLogins response', (string)$client->__getLastResponse());
$doc = new DOMDocument();
$doc->loadXML($request);
$xp = new DOMXPath($doc);
$xp->registerNamespace('e', ENV);
$xp->registerNamespace('b', NS);
$check($xp->evaluate('string(/e:Envelope/e:Header/b:sessionHeader/sessionId)') === $sid, 'SoapClient: sessionHeader in Header, sessionId unqualified');
$check($xp->query('/e:Envelope/e:Body//*[local-name()="sessionHeader"]')->length === 0 && $xp->query('/e:Envelope/e:Body/*')->length === 1,
    'SoapClient: Body has only readLogins (soap:body parts="parameters")');
$check(count($rows) === 2 && $rows[0]->username === 'api-user' && $rows[1]->username === 'marketing'
    && $rows[0]->contactInformation->email === 'ada@example.com' && $rows[0]->permissionApi === true, 'readLogins page 1: the two fixture logins');
$check(!isset($client->readLogins(['pageNumber' => 2])->return), 'readLogins page 2: empty');

$w = $client->addLogins(['accounts' => [
    ['username' => 'new-user', 'password' => 's3cret', 'contactInformation' => ['email' => 'new@example.com', 'firstName' => 'New'], 'permissionApi' => true],
    ['username' => 'api-user'],
    ['password' => 'no-name'],
]])->return;
$show('addLogins response', (string)$client->__getLastResponse());
$check(($w->errors ?? null) === [1, 2], 'addLogins errors: the indexes 1 and 2');
$check(count($w->results) === 3 && $w->results[0]->isNew === true && $w->results[0]->isError === false && strlen($w->results[0]->id) === 36
    && $w->results[1]->errorCode === 106 && $w->results[2]->errorCode === 110, 'addLogins results');
$found = $client->readLogins(['filter' => ['type' => 'AND', 'username' => [['operator' => 'StartsWith', 'value' => 'new']]], 'pageNumber' => 1])->return ?? [];
$check(count($found) === 1 && $found[0]->username === 'new-user' && $found[0]->contactInformation->firstName === 'New' && !isset($found[0]->password),
    'readLogins filter finds the added login (without its password)');

// ---- refusals
$client->__setSoapHeaders([]);
try {
    $client->readLogins(['pageNumber' => 1]);
    $check(false, 'no sessionHeader: no fault');
} catch (SoapFault $f) {
    $show('readLogins without sessionHeader', (string)$client->__getLastResponse());
    $checkFault((string)$client->__getLastResponse(), 103, 'Your session is invalid. Please log in again.');
}
$hdr = fn(string $id) => '<ns1:sessionHeader><sessionId>' . htmlspecialchars($id, ENT_XML1) . '</sessionId></ns1:sessionHeader>';
$cases = [
    'sessionHeader as a second Body child' => ['', '<ns1:readLogins><pageNumber>1</pageNumber></ns1:readLogins>' . $hdr($sid), 107],
    'sessionHeader inside the body wrapper' => ['', '<ns1:readLogins><pageNumber>1</pageNumber>' . $hdr($sid) . '</ns1:readLogins>', 107],
    'sessionHeader in both Header and Body' => [$hdr($sid), '<ns1:addLogins><accounts><username>x</username></accounts>' . $hdr($sid) . '</ns1:addLogins>', 107],
    'qualified sessionId' => ['<ns1:sessionHeader><ns1:sessionId>' . $sid . '</ns1:sessionId></ns1:sessionHeader>', '<ns1:readLogins><pageNumber>1</pageNumber></ns1:readLogins>', 103],
    'sessionHeader in another namespace' => ['<x:sessionHeader xmlns:x="urn:wrong"><sessionId>' . $sid . '</sessionId></x:sessionHeader>', '<ns1:readLogins><pageNumber>1</pageNumber></ns1:readLogins>', 103],
    'hand-written valid request' => [$hdr($sid), '<ns1:readLogins><pageNumber>2</pageNumber></ns1:readLogins>', 0],
];
foreach ($cases as $what => [$header, $body, $code]) {
    [$status, $reply] = $post($header, $body);
    if ($code === 0) {
        $check($status === 200 && str_contains($reply, 'readLoginsResponse'), "$what: HTTP $status");
        continue;
    }
    if ($what === 'sessionHeader as a second Body child') $show("readLogins with $what (HTTP $status)", $reply);
    $check($status === 500, "$what: HTTP 500");
    $checkFault($reply, $code, $code === 107 ? 'There was an error in your soap request' : 'Your session is invalid');
}

// ---- expire, then log in again
$client->__setSoapHeaders([new SoapHeader(NS, 'sessionHeader', ['sessionId' => $sid])]);
$check(($get('/__control/expire')['expired'] ?? null) === 1, '/__control/expire drops the one session');
try {
    $client->readLogins(['pageNumber' => 1]);
    $check(false, 'expired session: no fault');
} catch (SoapFault $f) {
    $check(str_starts_with($f->faultstring, '103: '), "expired session: $f->faultstring");
}
$client->__setSoapHeaders([]);
$sid2 = $client->login(['apiToken' => 'bronto-test-token'])->return;
$check($sid2 !== $sid, 'a fresh session id per login');
$client->__setSoapHeaders([new SoapHeader(NS, 'sessionHeader', ['sessionId' => $sid2])]);
$check(count($client->readLogins(['pageNumber' => 1])->return) === 3, 'readLogins after re-login (3 logins now)');
$check($text('/__control/last-request') === $client->__getLastRequest(), '/__control/last-request is the raw request');

// ---- stats
$statsText = $text('/__control/stats');
$stats = json_decode($statsText, true);
$check($stats['logins'] === 2 && $stats['failedLogins'] === 1 && $stats['sessions'] === 1 && $stats['accounts'] === 3, 'stats counters');
$read = $stats['calls']['readLogins'];
$check($read[0]['path'] === '/v4' && $read[0]['sessionHeader'] === true && $read[0]['bodySessionHeader'] === false && $read[0]['outcome'] === 'ok', 'stats: first readLogins');
$check(in_array('ApiException 107', array_column($read, 'outcome'), true) && in_array(true, array_column($read, 'bodySessionHeader'), true), 'stats: the Body sessionHeader calls');
$check(count(array_filter($read, fn($c) => str_contains($c['headerNote'] ?? '', 'unqualified'))) === 1, 'stats: headerNote for the qualified sessionId');
foreach ([$sid, $sid2, 'bronto-test-token', 'not-the-token', 's3cret'] as $secret) {
    $check(!str_contains($statsText, $secret), 'stats never show a session id, token or password');
}
$get('/__control/reset');
$check($get('/__control/stats')['logins'] === 0, 'reset clears the counters');

if ($fail > 0) {
    echo "SMOKE FAILED: $fail check(s)\n";
    exit(1);
}
echo "SMOKE OK: Bronto login, sessionHeader as a SOAP header, readLogins/addLogins, ApiException faults, control endpoints\n";
