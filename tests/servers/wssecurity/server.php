<?php
// WS-Security UsernameToken verifier for wsdl/wssecurity.wsdl, written from the OASIS Username Token Profile 1.0,
// independently of the client: it reads the raw request with DOM, checks the token and answers WhoAmIResponse.
// Run:  php -S 127.0.0.1:PORT tests/servers/wssecurity/server.php     (see README.md)
//   PasswordDigest: Password == Base64(SHA-1(Base64Decode(Nonce) . Created . password)), Nonce used once, Created fresh.
//   PasswordText:   Password == password, Created (if sent) fresh.
//   Timestamp (optional): Created not in the future, Expires not in the past (300 s of clock skew allowed).
// Failures are SOAP 1.1 faults with the profile's codes (wsse:FailedAuthentication, wsse:InvalidSecurity,
// wsse:MessageExpired) and HTTP 500. State (nonces seen) lives in SOAPGEN_WSSECURITY_STATE.
declare(strict_types=1);

ini_set('display_errors', '0');
error_reporting(E_ALL);

const ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const PROFILE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';
const APP_NS = 'urn:soapgen:wssecurity';
const SKEW = 300;

$users = ['alice' => 'Wonderland-42', 'bob' => 'Bu1lder&<pw>'];

$method = $_SERVER['REQUEST_METHOD'] ?? 'GET';
if ($method === 'GET') {
    $wsdl = __DIR__ . '/../../../wsdl/wssecurity.wsdl';
    header('Content-Type: text/xml; charset=UTF-8');
    readfile($wsdl);
    return true;
}

final class SecurityFault extends Exception
{
    public function __construct(public readonly string $faultCode, string $text) { parent::__construct($text); }
}

function fault(string $code, string $text): void
{
    http_response_code(500);
    header('Content-Type: text/xml; charset=UTF-8');
    echo '<?xml version="1.0" encoding="UTF-8"?>'
        . '<soap:Envelope xmlns:soap="' . ENV_NS . '" xmlns:wsse="' . WSSE_NS . '"><soap:Body><soap:Fault>'
        . '<faultcode>wsse:' . $code . '</faultcode><faultstring>' . htmlspecialchars($text, ENT_XML1) . '</faultstring>'
        . '</soap:Fault></soap:Body></soap:Envelope>';
}

/** xsd:dateTime in UTC (ends in Z) → Unix time; anything else is rejected, as the profile wants UTC. */
function utc(string $text): float
{
    if (!preg_match('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/', $text)) {
        throw new SecurityFault('InvalidSecurity', "Created/Expires must be an xsd:dateTime in UTC: $text");
    }
    try {
        return (float)(new DateTimeImmutable($text))->format('U.u');
    } catch (Exception) {
        throw new SecurityFault('InvalidSecurity', "unreadable time $text");
    }
}

function child(DOMElement $parent, string $ns, string $name): ?DOMElement
{
    foreach ($parent->childNodes as $c) {
        if ($c instanceof DOMElement && $c->namespaceURI === $ns && $c->localName === $name) return $c;
    }
    return null;
}

/** Records the nonce; false if it was seen before (a replay). */
function first_use(string $nonce): bool
{
    $dir = getenv('SOAPGEN_WSSECURITY_STATE') ?: sys_get_temp_dir();
    $h = fopen($dir . '/nonces.txt', 'c+');
    flock($h, LOCK_EX);
    $seen = explode("\n", stream_get_contents($h));
    $new = !in_array($nonce, $seen, true);
    if ($new) { fseek($h, 0, SEEK_END); fwrite($h, $nonce . "\n"); }
    flock($h, LOCK_UN);
    fclose($h);
    return $new;
}

try {
    $dom = new DOMDocument();
    if (!@$dom->loadXML((string)file_get_contents('php://input'), LIBXML_NONET) || $dom->doctype !== null) {
        throw new SecurityFault('InvalidSecurity', 'not a SOAP envelope');
    }
    $env = $dom->documentElement;
    $header = child($env, ENV_NS, 'Header');
    $security = $header ? child($header, WSSE_NS, 'Security') : null;
    if ($security === null) throw new SecurityFault('InvalidSecurity', 'no wsse:Security header');
    if ($security->getAttributeNS(ENV_NS, 'mustUnderstand') !== '1') throw new SecurityFault('InvalidSecurity', 'wsse:Security must be mustUnderstand="1"');
    $now = microtime(true);

    $timestamp = child($security, WSU_NS, 'Timestamp');
    if ($timestamp !== null) {
        $tc = child($timestamp, WSU_NS, 'Created');
        $te = child($timestamp, WSU_NS, 'Expires');
        if ($tc === null) throw new SecurityFault('InvalidSecurity', 'Timestamp without Created');
        if (utc($tc->textContent) > $now + SKEW) throw new SecurityFault('MessageExpired', 'Timestamp created in the future');
        if ($te !== null && utc($te->textContent) < $now - SKEW) throw new SecurityFault('MessageExpired', 'Timestamp expired');
    }

    $token = child($security, WSSE_NS, 'UsernameToken');
    if ($token === null) throw new SecurityFault('InvalidSecurity', 'no UsernameToken');
    $user = child($token, WSSE_NS, 'Username')?->textContent ?? '';
    $passwordEl = child($token, WSSE_NS, 'Password');
    $nonceEl = child($token, WSSE_NS, 'Nonce');
    $createdEl = child($token, WSU_NS, 'Created');
    if ($passwordEl === null) throw new SecurityFault('InvalidSecurity', 'no Password');
    $type = $passwordEl->getAttribute('Type') ?: PROFILE . '#PasswordText';
    if ($createdEl !== null && abs(utc($createdEl->textContent) - $now) > SKEW) {
        throw new SecurityFault('MessageExpired', 'UsernameToken Created is not within ' . SKEW . ' s of now');
    }
    $expected = $users[$user] ?? null;

    if ($type === PROFILE . '#PasswordDigest') {
        if ($nonceEl === null || $createdEl === null) throw new SecurityFault('InvalidSecurity', 'a digest needs Nonce and Created');
        $nonce = base64_decode($nonceEl->textContent, true);
        if ($nonce === false || $nonce === '') throw new SecurityFault('InvalidSecurity', 'Nonce is not Base64');
        $digest = base64_encode(sha1($nonce . $createdEl->textContent . ($expected ?? ''), true));
        if ($expected === null || !hash_equals($digest, $passwordEl->textContent)) {
            throw new SecurityFault('FailedAuthentication', 'The security token could not be authenticated or authorized');
        }
        if (!first_use($nonceEl->textContent)) throw new SecurityFault('FailedAuthentication', 'Nonce already used');
        $kind = 'PasswordDigest';
    } elseif ($type === PROFILE . '#PasswordText') {
        if ($expected === null || !hash_equals($expected, $passwordEl->textContent)) {
            throw new SecurityFault('FailedAuthentication', 'The security token could not be authenticated or authorized');
        }
        $kind = 'PasswordText';
    } else {
        throw new SecurityFault('InvalidSecurity', 'unknown Password Type');
    }

    $body = child($env, ENV_NS, 'Body');
    $call = $body ? child($body, APP_NS, 'WhoAmI') : null;
    if ($call === null) throw new SecurityFault('InvalidSecurity', 'no WhoAmI in the Body');
    $note = child($call, APP_NS, 'note')?->textContent ?? '';

    header('Content-Type: text/xml; charset=UTF-8');
    echo '<?xml version="1.0" encoding="UTF-8"?>'
        . '<soap:Envelope xmlns:soap="' . ENV_NS . '"><soap:Body><WhoAmIResponse xmlns="' . APP_NS . '">'
        . '<user>' . htmlspecialchars($user, ENT_XML1) . '</user><passwordType>' . $kind . '</passwordType>'
        . '<timestamp>' . ($timestamp !== null ? 'true' : 'false') . '</timestamp>'
        . '<note>' . htmlspecialchars($note, ENT_XML1) . '</note>'
        . '</WhoAmIResponse></soap:Body></soap:Envelope>';
} catch (SecurityFault $f) {
    fault($f->faultCode, $f->getMessage());
}
return true;
