<?php
// Test double of the InterServer SOAP API (https://my.interserver.net/api.php) on PHP's ext/soap.
// Run:  php -S 127.0.0.1:PORT tests/servers/interserver/server.php     (see README.md)
declare(strict_types=1);

ini_set('soap.wsdl_cache_enabled', '0');
ini_set('display_errors', '0');
error_reporting(E_ALL);

$wsdlPath = getenv('SOAPGEN_WSDL') ?: __DIR__ . '/../../../wsdl/interserver.wsdl';
if (!is_file($wsdlPath)) {
    http_response_code(500);
    header('Content-Type: text/plain');
    echo "WSDL not found: $wsdlPath\n";
    return true;
}
$wsdlPath = realpath($wsdlPath);

$port = (int)($_SERVER['SERVER_PORT'] ?? 0);
define('STORE_FILE', sys_get_temp_dir() . "/soapgen-interserver-$port.json");
define('SESSION_TTL', (int)(getenv('SOAPGEN_SESSION_TTL') ?: 3600));

// ---------------------------------------------------------------- file-backed state (flock)
function store_update(callable $f): mixed
{
    $h = fopen(STORE_FILE, 'c+');
    flock($h, LOCK_EX);
    $raw = stream_get_contents($h);
    $s = $raw ? json_decode($raw, true) : null;
    if (!is_array($s)) $s = ['sessions' => [], 'logins' => 0, 'calls' => 0, 'reply' => null];
    $result = $f($s);
    ftruncate($h, 0);
    rewind($h);
    fwrite($h, json_encode($s));
    fflush($h);
    flock($h, LOCK_UN);
    fclose($h);
    return $result;
}

// ---------------------------------------------------------------- routing
$uri = $_SERVER['REQUEST_URI'] ?? '/';
$path = parse_url($uri, PHP_URL_PATH) ?: '/';
$method = $_SERVER['REQUEST_METHOD'] ?? 'GET';

if (str_starts_with($path, '/__control/')) {
    header('Content-Type: application/json');
    $cmd = substr($path, strlen('/__control/'));
    switch ($cmd) {
        case 'expire':
            $n = store_update(function (&$s) { $n = count($s['sessions']); $s['sessions'] = []; return $n; });
            echo json_encode(['expired' => $n]);
            break;
        case 'stats':
            echo json_encode(store_update(fn(&$s) => ['logins' => $s['logins'], 'calls' => $s['calls'], 'sessions' => count($s['sessions'])]));
            break;
        case 'reset':
            store_update(function (&$s) { $s = ['sessions' => [], 'logins' => 0, 'calls' => 0, 'reply' => null]; });
            echo json_encode(['reset' => true]);
            break;
        case 'reply':
            $mode = $_GET['mode'] ?? '';
            if (!in_array($mode, ['html', 'empty', 'truncated', 'fault12'], true)) {
                http_response_code(400);
                echo json_encode(['error' => 'mode must be html|empty|truncated|fault12']);
                break;
            }
            store_update(function (&$s) use ($mode) { $s['reply'] = $mode; });
            echo json_encode(['next_reply' => $mode]);
            break;
        default:
            http_response_code(404);
            echo json_encode(['error' => "unknown control endpoint $cmd"]);
    }
    return true;
}

if ($method === 'GET' || $method === 'HEAD') {
    if (isset($_GET['wsdl']) || isset($_GET['WSDL']) || stripos($uri, '?wsdl') !== false) {
        header('Content-Type: text/xml; charset=ISO-8859-1');
        readfile($wsdlPath);
        return true;
    }
    http_response_code(405);
    header('Content-Type: text/plain');
    echo "POST a SOAP request, or GET ?wsdl\n";
    return true;
}

// ---------------------------------------------------------------- SOAP
$reply = store_update(function (&$s) { $s['calls']++; $r = $s['reply']; $s['reply'] = null; return $r; });

if ($reply === 'html') {
    http_response_code(502);
    header('Content-Type: text/html; charset=UTF-8');
    echo "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    return true;
}
if ($reply === 'empty') {
    http_response_code(200);
    header('Content-Type: text/xml; charset=ISO-8859-1');
    return true;
}
if ($reply === 'fault12') {
    http_response_code(500);
    header('Content-Type: application/soap+xml; charset=utf-8');
    echo '<?xml version="1.0" encoding="UTF-8"?>' . "\n"
        . '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">'
        . '<env:Body><env:Fault>'
        . '<env:Code><env:Value>env:Receiver</env:Value></env:Code>'
        . '<env:Reason><env:Text xml:lang="en">Simulated SOAP 1.2 fault</env:Text></env:Reason>'
        . '<env:Detail><e:info xmlns:e="urn:soapgen:test">injected by /__control/reply?mode=fault12</e:info></env:Detail>'
        . '</env:Fault></env:Body></env:Envelope>';
    return true;
}

$model = load_model($wsdlPath);
$fixtures = require __DIR__ . '/fixtures.php';

final class InterServerHandler
{
    public function __construct(private array $model, private array $fixtures) {}

    public function __call(string $name, array $args): mixed
    {
        $op = $this->model['ops'][$name] ?? null;
        if ($op === null) throw new SoapFault('Client', "Unknown operation $name");
        $named = [];
        foreach ($op['in'] as $i => [$pname, $ptype]) $named[$pname] = $args[$i] ?? null;

        if ($name === 'api_login') return $this->login((string)($named['username'] ?? ''), (string)($named['password'] ?? ''));

        if (array_key_exists('sid', $named)) {
            $sid = (string)$named['sid'];
            $valid = store_update(function (&$s) use ($sid) {
                $now = time();
                foreach ($s['sessions'] as $k => $exp) if ($exp < $now) unset($s['sessions'][$k]);
                return $sid !== '' && isset($s['sessions'][$sid]);
            });
            if (!$valid) throw new SoapFault('Client', 'Invalid Session ID');
            unset($named['sid']);
        }

        $echo = $name . '(' . implode(', ', array_map(
            fn($k, $v) => $k . '=' . (is_bool($v) ? ($v ? 'true' : 'false') : (is_null($v) ? 'null' : (string)$v)),
            array_keys($named), $named)) . ')';

        $fx = $this->fixtures['ops'][$name] ?? null;
        if ($fx !== null) return $fx($named, $echo);
        return $this->make($op['out'], 'return', 0, $echo, 0);
    }

    private function login(string $user, string $password): string
    {
        $u = getenv('SOAPGEN_TEST_USER') ?: 'test@example.com';
        $p = getenv('SOAPGEN_TEST_PASSWORD') ?: 'secret';
        if (!hash_equals($u, $user) || !hash_equals($p, $password)) {
            store_update(function (&$s) { $s['logins']++; });
            return '';
        }
        $sid = bin2hex(random_bytes(16));
        store_update(function (&$s) use ($sid) { $s['logins']++; $s['sessions'][$sid] = time() + SESSION_TTL; });
        return $sid;
    }

    /** Deterministic value of a WSDL type; $i = row index, $depth guards recursion. */
    private function make(string $type, string $field, int $i, string $echo, int $depth): mixed
    {
        [, $local] = array_pad(explode(':', $type, 2), -2, '');
        if (str_starts_with($type, 'xsd:')) return $this->scalar($local, $field, $i, $echo);
        if ($local === 'array') return ['item-' . ($i + 1), 'Zürich café'];   // tns:array: undefined upstream
        $ct = $this->model['types'][$local] ?? null;
        if ($ct === null) return null;
        if ($ct['kind'] === 'array') {
            if ($depth > 2) return [];
            $n = $depth === 0 ? 2 : 1;
            $rows = [];
            for ($r = 0; $r < $n; $r++) $rows[] = $this->make($ct['item'], $field, $r, $echo, $depth + 1);
            return $rows;
        }
        $row = [];
        foreach ($ct['members'] as [$m, $mt]) $row[$m] = $this->make($mt, $m, $i, $echo, $depth + 1);
        if (isset($this->fixtures['rows'][$local])) {
            foreach (($this->fixtures['rows'][$local])($i) as $k => $v) $row[$k] = $v;
        }
        return $row;
    }

    private function scalar(string $xsd, string $field, int $i, string $echo): mixed
    {
        $f = strtolower($field);
        switch ($xsd) {
            case 'int':
                return str_ends_with($f, 'id') || str_ends_with($f, '_id') ? 1000 + $i + 1 : 0;
            case 'float':
            case 'double':
                return 34.95;
            case 'boolean':
                return true;
        }
        if ($f === 'status') return 'ok';
        if ($f === 'status_text') return $echo;
        if ($f === 'return') return $echo;
        if (str_contains($f, 'date') || str_contains($f, 'time')) return sprintf('2024-01-%02d 10:30:00', 15 + $i);
        if (str_ends_with($f, '_ip') || $f === 'ip') return '192.0.2.' . (10 + $i);
        if (str_contains($f, 'comment') || str_contains($f, 'extra')) return null;   // xsi:nil on the wire
        if (str_contains($f, 'currency')) return 'USD';
        if (str_contains($f, 'hostname') || str_contains($f, 'name') || str_contains($f, 'subject') || str_contains($f, 'title')) {
            return ['Zürich café ' . ($i + 1), 'a <b> & "c" ' . ($i + 1)][$i % 2];
        }
        if (str_contains($f, 'url') || str_contains($f, 'link')) return 'https://my.interserver.example/x?id=' . ($i + 1) . '&a=b';
        return $i % 2 === 0 ? $field . '-' . ($i + 1) : '';
    }
}

function load_model(string $wsdlPath): array
{
    $doc = new DOMDocument();
    $doc->load($wsdlPath);
    $xp = new DOMXPath($doc);
    $xp->registerNamespace('w', 'http://schemas.xmlsoap.org/wsdl/');
    $xp->registerNamespace('xsd', 'http://www.w3.org/2001/XMLSchema');
    $types = [];
    foreach ($xp->query('//xsd:schema/xsd:complexType') as $ct) {
        $name = $ct->getAttribute('name');
        $attr = $xp->query('.//xsd:attribute', $ct)->item(0);
        if ($attr) {
            $t = $attr->getAttributeNS('http://schemas.xmlsoap.org/wsdl/', 'arrayType');
            $types[$name] = ['kind' => 'array', 'item' => substr($t, 0, -2)];
        } else {
            $members = [];
            foreach ($xp->query('.//xsd:element', $ct) as $el) $members[] = [$el->getAttribute('name'), $el->getAttribute('type')];
            $types[$name] = ['kind' => 'struct', 'members' => $members];
        }
    }
    $messages = [];
    foreach ($xp->query('/w:definitions/w:message') as $m) {
        $parts = [];
        foreach ($xp->query('w:part', $m) as $p) $parts[] = [$p->getAttribute('name'), $p->getAttribute('type')];
        $messages[$m->getAttribute('name')] = $parts;
    }
    $ops = [];
    foreach ($xp->query('/w:definitions/w:portType/w:operation') as $o) {
        $in = substr($xp->query('w:input', $o)->item(0)->getAttribute('message'), 4);
        $out = substr($xp->query('w:output', $o)->item(0)->getAttribute('message'), 4);
        $ops[$o->getAttribute('name')] = ['in' => $messages[$in], 'out' => $messages[$out][0][1] ?? 'xsd:string'];
    }
    return ['types' => $types, 'ops' => $ops];
}

// No 'encoding' option: handler strings stay UTF-8 (ext/soap's 'encoding' only transcodes PHP strings, the
// envelope it writes is always UTF-8). The finished envelope is re-encoded below to ISO-8859-1, like nusoap.
$server = new SoapServer($wsdlPath, [
    'cache_wsdl' => WSDL_CACHE_NONE,
    'soap_version' => SOAP_1_1,
]);
$server->setObject(new InterServerHandler($model, $fixtures));

ob_start();
$server->handle();
$body = to_latin1((string)ob_get_clean());
header_remove('Content-Length');
header('Content-Type: text/xml; charset=ISO-8859-1');
echo $reply === 'truncated' ? substr($body, 0, intdiv(strlen($body), 2)) : $body;
return true;

/** Re-encodes ext/soap's UTF-8 envelope as ISO-8859-1 (chars outside Latin-1 become &#N; references). */
function to_latin1(string $utf8): string
{
    if ($utf8 === '') return $utf8;
    $dom = new DOMDocument();
    if (!@$dom->loadXML($utf8)) return $utf8;
    $dom->encoding = 'ISO-8859-1';
    return $dom->saveXML();
}
