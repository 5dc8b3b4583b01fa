<?php
// Shared by both flavours of the InterServer test server: server.php (PHP ext/soap SoapServer) and
// nusoap-server.php (Debian's nusoap 0.9.5, the SOAP library family the live api.php runs).
// Holds everything that is not SOAP-stack specific: the session/counter store, the /__control endpoints,
// the reply modes that replace a whole reply, the WSDL model and the 101 operation implementations.
// All strings in here are UTF-8; a server front converts at its boundary if its stack wants another charset.
declare(strict_types=1);

/** A SOAP 1.1 fault raised by an operation; each front turns it into its stack's own fault. */
final class InterServerFault extends Exception
{
    /** @param string $faultCode unqualified SOAP 1.1 code: Client or Server */
    public function __construct(public readonly string $faultCode, string $faultString)
    {
        parent::__construct($faultString);
    }
}

function interserver_wsdl_path(): string
{
    $wsdlPath = getenv('SOAPGEN_WSDL') ?: __DIR__ . '/../../../wsdl/interserver.wsdl';
    if (!is_file($wsdlPath)) {
        http_response_code(500);
        header('Content-Type: text/plain');
        echo "WSDL not found: $wsdlPath\n";
        exit;
    }
    return realpath($wsdlPath);
}

function interserver_init_store(): void
{
    if (defined('STORE_FILE')) return;
    $port = (int)($_SERVER['SERVER_PORT'] ?? 0);
    define('STORE_FILE', sys_get_temp_dir() . "/soapgen-interserver-$port.json");
    define('SESSION_TTL', (int)(getenv('SOAPGEN_SESSION_TTL') ?: 3600));
}

// ---------------------------------------------------------------- file-backed state (flock)
function store_update(callable $f): mixed
{
    $h = fopen(STORE_FILE, 'c+');
    flock($h, LOCK_EX);
    $raw = stream_get_contents($h);
    $s = $raw ? json_decode($raw, true) : null;
    if (!is_array($s)) $s = ['sessions' => [], 'logins' => 0, 'calls' => 0, 'reply' => null, 'executed' => []];
    $result = $f($s);
    ftruncate($h, 0);
    rewind($h);
    fwrite($h, json_encode($s));
    fflush($h);
    flock($h, LOCK_UN);
    fclose($h);
    return $result;
}

/**
 * Everything both fronts do before their SOAP stack sees a request: /__control/*, GET (?wsdl via $serveWsdl),
 * counting the call and the reply modes that replace the whole reply (html, empty, fault12).
 * Returns false when the request has been answered, else the pending reply mode (null or 'truncated').
 */
function interserver_front(callable $serveWsdl): string|null|false
{
    interserver_init_store();
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
            case 'executed':
                // Each session call that passed the session check, with how many times it ran: {"op(args)": n}.
                echo json_encode((object)store_update(fn(&$s) => $s['executed'] ?? []));
                break;
            case 'reset':
                store_update(function (&$s) { $s = ['sessions' => [], 'logins' => 0, 'calls' => 0, 'reply' => null, 'executed' => []]; });
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
        return false;
    }

    if ($method === 'GET' || $method === 'HEAD') {
        if (isset($_GET['wsdl']) || isset($_GET['WSDL']) || stripos($uri, '?wsdl') !== false) {
            $serveWsdl();
            return false;
        }
        http_response_code(405);
        header('Content-Type: text/plain');
        echo "POST a SOAP request, or GET ?wsdl\n";
        return false;
    }

    $reply = store_update(function (&$s) { $s['calls']++; $r = $s['reply']; $s['reply'] = null; return $r; });

    if ($reply === 'html') {
        http_response_code(502);
        header('Content-Type: text/html; charset=UTF-8');
        echo "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return false;
    }
    if ($reply === 'empty') {
        http_response_code(200);
        header('Content-Type: text/xml; charset=ISO-8859-1');
        return false;
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
        return false;
    }
    return $reply;
}

/** The first half of a finished reply (reply mode 'truncated'); sent as HTTP 200 without Content-Length. */
function interserver_truncate(string $body): string
{
    return substr($body, 0, intdiv(strlen($body), 2));
}

// ---------------------------------------------------------------- the 101 operations

final class InterServerOps
{
    public function __construct(private array $model, private array $fixtures) {}

    public function model(): array
    {
        return $this->model;
    }

    /** Runs operation $name with its parts in WSDL order; throws InterServerFault. */
    public function call(string $name, array $args): mixed
    {
        $op = $this->model['ops'][$name] ?? null;
        if ($op === null) throw new InterServerFault('Client', "Unknown operation $name");
        $named = [];
        foreach ($op['in'] as $i => [$pname, $ptype]) $named[$pname] = $args[$i] ?? null;

        if ($name === 'api_login') return $this->login((string)($named['username'] ?? ''), (string)($named['password'] ?? ''));

        $hasSid = array_key_exists('sid', $named);
        $sid = (string)($named['sid'] ?? '');
        unset($named['sid']);
        $echo = $name . '(' . implode(', ', array_map(
            fn($k, $v) => $k . '=' . (is_bool($v) ? ($v ? 'true' : 'false') : (is_null($v) ? 'null' : (string)$v)),
            array_keys($named), $named)) . ')';

        if ($hasSid) {
            // Checked and counted under one lock: /__control/executed says how often each call really ran.
            $valid = store_update(function (&$s) use ($sid, $echo) {
                $now = time();
                foreach ($s['sessions'] as $k => $exp) if ($exp < $now) unset($s['sessions'][$k]);
                $ok = $sid !== '' && isset($s['sessions'][$sid]);
                if ($ok) $s['executed'][$echo] = ($s['executed'][$echo] ?? 0) + 1;
                return $ok;
            });
            if (!$valid) throw new InterServerFault('Client', 'Invalid Session ID');
        }

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

function interserver_ops(string $wsdlPath): InterServerOps
{
    return new InterServerOps(load_model($wsdlPath), require __DIR__ . '/fixtures.php');
}

/**
 * The WSDL as data: types (struct members / array item type, in schema order) and operations (input parts in order,
 * output part name and type, documentation).
 */
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
        $docEl = $xp->query('w:documentation', $o)->item(0);
        $ops[$o->getAttribute('name')] = [
            'in' => $messages[$in],
            'out' => $messages[$out][0][1] ?? 'xsd:string',
            'outName' => $messages[$out][0][0] ?? 'return',
            'doc' => $docEl ? trim($docEl->textContent) : '',
        ];
    }
    return ['types' => $types, 'ops' => $ops];
}
