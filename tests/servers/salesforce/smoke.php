<?php
// Smoke test: a PHP SoapClient built from the real partner.wsdl, location overridden to the local server, logs in,
// follows serverUrl, calls getUserInfo/getServerTimestamp with a SessionHeader, and checks every refusal (bad login,
// login endpoint, no/foreign/expired SessionHeader) and the control endpoints. Prints the wire shapes it saw.
// Usage: php tests/servers/salesforce/smoke.php http://127.0.0.1:PORT
declare(strict_types=1);
ini_set('soap.wsdl_cache_enabled', '0');
set_error_handler(function (int $no, string $msg, string $file, int $line): never { throw new ErrorException($msg, 0, $no, $file, $line); });

$base = rtrim($argv[1] ?? 'http://127.0.0.1:18094', '/');
$wsdl = getenv('SOAPGEN_PARTNER_WSDL') ?: __DIR__ . '/../../../../shared/wsdl-corpus/salesforce-go-soapforce/partner.wsdl';
const NS = 'urn:partner.soap.sforce.com';
const FAULT_NS = 'urn:fault.partner.soap.sforce.com';

$loginUrl = "$base/services/Soap/u/login";
$client = new SoapClient($wsdl, ['location' => $loginUrl, 'trace' => true, 'exceptions' => true, 'cache_wsdl' => WSDL_CACHE_NONE]);
$get = fn(string $p) => json_decode((string)file_get_contents("$base$p"), true);
$text = fn(string $p) => (string)file_get_contents("$base$p");
$fail = 0;
$check = function (bool $ok, string $what) use (&$fail) { if (!$ok) { $fail++; echo "FAIL: $what\n"; } };
$show = function (string $title, string $xml) { echo "--- $title\n$xml\n"; };

/** Checks a Salesforce fault on the wire: sf:CODE in the fault namespace, "CODE: message", <sf:Detail> with both fields. */
$checkFault = function (string $xml, string $code, string $message, string $detail) use ($check) {
    $doc = new DOMDocument();
    $doc->loadXML($xml);
    $xp = new DOMXPath($doc);
    $xp->registerNamespace('e', 'http://schemas.xmlsoap.org/soap/envelope/');
    $xp->registerNamespace('sf', FAULT_NS);
    $fc = $xp->query('/e:Envelope/e:Body/e:Fault/faultcode')->item(0);
    $check($fc !== null && $fc->textContent === "sf:$code" && $fc->lookupNamespaceURI('sf') === FAULT_NS, "faultcode sf:$code in " . FAULT_NS . ': ' . $fc?->textContent);
    $check($xp->evaluate('string(/e:Envelope/e:Body/e:Fault/faultstring)') === "$code: $message", "faultstring '$code: $message'");
    $check($xp->evaluate("string(/e:Envelope/e:Body/e:Fault/detail/sf:$detail/sf:exceptionCode)") === $code, "detail sf:$detail/sf:exceptionCode $code");
    $check($xp->evaluate("string(/e:Envelope/e:Body/e:Fault/detail/sf:$detail/sf:exceptionMessage)") === $message, "detail sf:$detail/sf:exceptionMessage");
};

$check(str_contains($text('/services/Soap/u/login?wsdl'), 'name="SforceService"'), '?wsdl serves partner.wsdl');
$get('/__control/reset');

// ---- bad login
try {
    $client->login(['username' => 'sf-user@example.com', 'password' => 'not-the-password']);
    $check(false, 'bad login: no fault');
} catch (SoapFault $f) {
    $show('login with a wrong password (HTTP 500)', (string)$client->__getLastResponse());
    $check(str_contains((string)$client->__getLastResponseHeaders(), ' 500 '), 'bad login: HTTP 500');
    $checkFault((string)$client->__getLastResponse(), 'INVALID_LOGIN', 'Invalid username, password, security token; or user locked out.', 'LoginFault');
    $check(isset($f->detail->LoginFault) && $f->detail->LoginFault->exceptionCode === 'INVALID_LOGIN', 'SoapClient reads the LoginFault detail');
}

// ---- good login
$r = $client->login(['username' => 'sf-user@example.com', 'password' => 'sf-pass+token'])->result;
$show('login request', (string)$client->__getLastRequest());
$check($r->serverUrl === "$base/services/Soap/u/instance/1", "serverUrl is the instance endpoint: $r->serverUrl");
$check($r->metadataServerUrl === "$base/services/Soap/m/instance/1", "metadataServerUrl: $r->metadataServerUrl");
$check($r->passwordExpired === false && $r->sandbox === false, 'passwordExpired/sandbox false');
$check($r->userId === '005000000000001AAA' && strlen($r->userId) === 18, 'userId (18 chars)');
$check(is_string($r->sessionId) && strlen($r->sessionId) > 40, 'sessionId');
$check($r->userInfo->userName === 'sf-user@example.com' && $r->userInfo->organizationId === '00D000000000001AAA', 'userInfo');
$session1 = $r->sessionId;

// ---- session operations at the instance endpoint
$client->__setLocation($r->serverUrl);
$client->__setSoapHeaders([new SoapHeader(NS, 'SessionHeader', ['sessionId' => $session1])]);
$u = $client->getUserInfo()->result;
$show('getUserInfo request (instance endpoint)', (string)$client->__getLastRequest());
$show('getUserInfo response', (string)$client->__getLastResponse());
$check($u->userName === 'sf-user@example.com' && $u->userEmail === 'sf-user@example.com' && $u->userId === '005000000000001AAA'
    && $u->organizationId === '00D000000000001AAA' && $u->roleId === null, 'getUserInfo result');
$lastRequest = $text('/__control/last-request');
$check($lastRequest === $client->__getLastRequest(), '/__control/last-request is the raw request');
$check(str_contains((string)$client->__getLastResponse(), 'LimitInfoHeader'), 'LimitInfoHeader output header');
$ts = $client->getServerTimestamp()->result->timestamp;
$check((bool)preg_match('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/', $ts) && abs(strtotime($ts) - time()) < 60, "getServerTimestamp: $ts");

// ---- the login endpoint refuses session operations
$client->__setLocation($loginUrl);
try {
    $client->getUserInfo();
    $check(false, 'getUserInfo at the login endpoint: no fault');
} catch (SoapFault $f) {
    $show('getUserInfo at the login endpoint', (string)$client->__getLastResponse());
    $checkFault((string)$client->__getLastResponse(), 'UNKNOWN_EXCEPTION',
        'Destination URL not reset. The URL returned from login must be set in the SforceService', 'UnexpectedErrorFault');
}
$client->__setLocation($r->serverUrl);

// ---- no SessionHeader / a SessionHeader in another namespace / a made-up session id
$cases = [
    'no SessionHeader' => [],
    'SessionHeader in no namespace' => [new SoapHeader('urn:wrong', 'SessionHeader', ['sessionId' => $session1])],
    'unknown session id' => [new SoapHeader(NS, 'SessionHeader', ['sessionId' => 'forged'])],
];
foreach ($cases as $what => $headers) {
    $client->__setSoapHeaders($headers);
    try {
        $client->getServerTimestamp();
        $check(false, "$what: no fault");
    } catch (SoapFault $f) {
        if ($what === 'no SessionHeader') $show("getServerTimestamp, $what", (string)$client->__getLastResponse());
        $checkFault((string)$client->__getLastResponse(), 'INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session', 'UnexpectedErrorFault');
    }
}

// ---- expire: the old session id fails; a new login works with a new id and instance URL
$client->__setSoapHeaders([new SoapHeader(NS, 'SessionHeader', ['sessionId' => $session1])]);
$check(($get('/__control/expire')['expired'] ?? null) === 1, '/__control/expire drops the one session');
try {
    $client->getUserInfo();
    $check(false, 'expired session: no fault');
} catch (SoapFault $f) {
    $check($f->faultcode === 'sf:INVALID_SESSION_ID', "expired session: $f->faultcode");
}
$client->__setLocation($loginUrl);
$client->__setSoapHeaders([]);
$r2 = $client->login(['username' => 'sf-user@example.com', 'password' => 'sf-pass+token'])->result;
$check($r2->sessionId !== $session1, 'a fresh session id per login');
$check($r2->serverUrl === "$base/services/Soap/u/instance/2", "second serverUrl: $r2->serverUrl");
$client->__setLocation($r2->serverUrl);
$client->__setSoapHeaders([new SoapHeader(NS, 'SessionHeader', ['sessionId' => $r2->sessionId])]);
$check($client->getUserInfo()->result->userName === 'sf-user@example.com', 'getUserInfo after re-login');

// ---- stats
$statsText = $text('/__control/stats');
$stats = json_decode($statsText, true);
$check($stats['logins'] === 2 && $stats['failedLogins'] === 1 && $stats['sessions'] === 1, 'stats counters: ' . json_encode([$stats['logins'], $stats['failedLogins'], $stats['sessions']]));
$check(count($stats['calls']['login']) === 3 && count($stats['calls']['getUserInfo']) === 4 && count($stats['calls']['getServerTimestamp']) === 4, 'stats call counts');
$first = $stats['calls']['getUserInfo'][0];
$check($first['path'] === '/services/Soap/u/instance/1' && $first['sessionHeader'] === true && $first['outcome'] === 'ok', 'stats: path + sessionHeader per call');
$check($stats['calls']['getUserInfo'][1]['path'] === '/services/Soap/u/login' && $stats['calls']['getUserInfo'][1]['outcome'] === 'sf:UNKNOWN_EXCEPTION', 'stats: the login-endpoint call');
$check($stats['calls']['getServerTimestamp'][1]['sessionHeader'] === false, 'stats: a call without SessionHeader');
$check(str_contains($stats['calls']['getServerTimestamp'][2]['headerNote'] ?? '', 'urn:wrong'), 'stats: headerNote for a foreign SessionHeader');
$check($stats['calls']['getUserInfo'][3]['path'] === '/services/Soap/u/instance/2', 'stats: the second instance path');
foreach ([$session1, $r2->sessionId, 'sf-pass+token', 'not-the-password'] as $secret) {
    $check(!str_contains($statsText, $secret), 'stats never show a session id or password');
}

$get('/__control/reset');
$check($get('/__control/stats')['logins'] === 0, 'reset clears the counters');

if ($fail > 0) {
    echo "SMOKE FAILED: $fail check(s)\n";
    exit(1);
}
echo "SMOKE OK: Salesforce partner login, serverUrl, SessionHeader, faults, control endpoints\n";
