<?php
// Test double of the Bronto SOAP API v4 (document/literal, SOAP 1.1, an Apache CXF service) on PHP's ext/soap SoapServer
// in WSDL mode over the real bronto.wsdl. Run:  php -S 127.0.0.1:PORT tests/servers/bronto/server.php  (from the repo
// root; see README.md). login(apiToken) returns a session id; readLogins/addLogins need it in the sessionHeader SOAP
// header (the WSDL's messages put that part beside the body part, and soap:body parts="parameters" keeps it out of Body).
declare(strict_types=1);

ini_set('soap.wsdl_cache_enabled', '0');
ini_set('display_errors', '0');
error_reporting(E_ALL);

require_once __DIR__ . '/../common/session-server.php';

const BR_NS = 'http://api.bronto.com/v4';
const BR_API_TOKEN = 'bronto-test-token';
// Bronto's API error codes and messages (faultstring "CODE: message", detail ApiException/errorCode = CODE).
const BR_INVALID_TOKEN = 102;
const BR_INVALID_SESSION = 103;
const BR_INVALID_ACCESS = 104;
const BR_INVALID_REQUEST = 107;
const BR_REQUIRED_FIELDS = 110;
const BR_MESSAGES = [
    BR_INVALID_TOKEN => 'Authentication failed for token.',
    BR_INVALID_SESSION => 'Your session is invalid. Please log in again.',
    BR_INVALID_ACCESS => 'You do not have valid access for this method.',
    BR_INVALID_REQUEST => 'There was an error in your soap request. Please examine the request and try again.',
];
/** writeResult item errors of addLogins (per item, not a fault). */
const BR_ITEM_MISSING_USERNAME = 110;
const BR_ITEM_DUPLICATE_USERNAME = 106;

// ---------------------------------------------------------------------------------------------------------- paths

function br_wsdl_path(): string
{
    return ss_wsdl_path('SOAPGEN_BRONTO_WSDL', __DIR__ . '/../../../../shared/wsdl-corpus/savon/spec/fixtures/wsdl/bronto.wsdl', 'Bronto WSDL');
}

/** The state file: SOAPGEN_BRONTO_STATE is a directory (default the system temp dir) or a *.json file path. */
function br_state_file(): string
{
    return ss_state_file('SOAPGEN_BRONTO_STATE', 'bronto');
}

// ---------------------------------------------------------------------------------------------------------- state

/** The two accounts readLogins returns after a reset (addLogins appends). */
function br_fixture_logins(): array
{
    return [
        [
            'id' => br_login_id(1),
            'username' => 'api-user',
            'contactInformation' => ['organization' => 'SoapGen Test Org', 'firstName' => 'Ada', 'lastName' => 'Lovelace', 'email' => 'ada@example.com'],
            'permissionAdmin' => true,
            'permissionApi' => true,
        ],
        [
            'id' => br_login_id(2),
            'username' => 'marketing',
            'contactInformation' => ['organization' => 'SoapGen Test Org', 'firstName' => 'Grace', 'lastName' => 'Hopper', 'email' => 'grace@example.com'],
            'permissionAdmin' => false,
            'permissionApi' => false,
        ],
    ];
}

/** Bronto ids are 36 characters of hex. */
function br_login_id(int $n): string
{
    return sprintf('0bbe03ec%028x', $n);
}

function br_fresh_state(): array
{
    return [
        'sessions' => [],      // session id => true (never shown by /__control/stats)
        'accounts' => br_fixture_logins(),
        'nextId' => 3,
        'logins' => 0,
        'failedLogins' => 0,
        'calls' => [],         // operation => [{path, sessionHeader, headers, bodySessionHeader, outcome}]
        'faults' => [],        // errorCode (or fault code) => count
        'lastRequest' => '',
        'lastResponse' => '',
    ];
}

/** Runs $f(&$state) with the state file locked (php -S may run several workers); saves what $f leaves. */
function br_with_state(callable $f): mixed
{
    return ss_with_state(br_state_file(), 'br_fresh_state', $f);
}

/** The stats view: counters and per-call facts, never a session id or the API token. */
function br_stats(array $state): array
{
    return [
        'logins' => $state['logins'],
        'failedLogins' => $state['failedLogins'],
        'sessions' => count($state['sessions']),
        'accounts' => count($state['accounts']),
        'calls' => (object)$state['calls'],
        'faults' => (object)$state['faults'],
    ];
}

// ---------------------------------------------------------------------------------------------------------- request

/**
 * What the raw request says, read with DOM (SoapServer's own header dispatch is not relied on):
 * operation = local name of the first Body child; headers = local names of the Header children; sessionHeader = whether
 * a sessionHeader in http://api.bronto.com/v4 came; sessionId = its UNQUALIFIED sessionId child (the schema is
 * elementFormDefault="unqualified"); bodySessionHeader = whether a sessionHeader element sits anywhere inside Body;
 * body = the request with those Body sessionHeader elements removed (what SoapServer gets); headerNote = what was wrong.
 */
function br_read_request(string $raw): array
{
    $out = ss_read_request($raw, 'sessionHeader', BR_NS, tokenQualified: false) + ['bodySessionHeader' => false, 'body' => $raw];
    if ($out['xpath'] === null) return $out;
    $inBody = [];
    foreach ($out['xpath']->query('/e:Envelope/e:Body//*[local-name()="sessionHeader"]') as $el) $inBody[] = $el;
    if ($inBody !== []) {
        $out['bodySessionHeader'] = true;
        foreach ($inBody as $el) $el->parentNode?->removeChild($el);
        $out['body'] = (string)$out['document']->saveXML();
    }
    return $out;
}

// ---------------------------------------------------------------------------------------------------------- operations

/**
 * Wrapped operations: a handler gets the request wrapper as ONE stdClass and returns the response wrapper as an array
 * (members unqualified: elementFormDefault="unqualified"). Faults are thrown here so ext/soap writes the declared detail
 * <ns1:ApiException><errorCode>N</errorCode></ns1:ApiException>: SoapFault's 5th argument is the wsdl:fault name.
 */
final class BrontoHandler
{
    public function __construct(private array $request)
    {
    }

    /** login(apiToken) -> loginResponse { return: session id }. */
    public function login(stdClass $request): array
    {
        $this->refuseBodyHeader();
        $token = (string)($request->apiToken ?? '');
        if (!hash_equals(BR_API_TOKEN, $token)) {
            br_with_state(function (array &$s): void { $s['failedLogins']++; });
            throw self::fault(BR_INVALID_TOKEN);
        }
        $b = random_bytes(16);
        $b[6] = chr((ord($b[6]) & 0x0f) | 0x40);
        $b[8] = chr((ord($b[8]) & 0x3f) | 0x80);
        $sessionId = vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($b), 4));
        br_with_state(function (array &$s) use ($sessionId): void {
            $s['logins']++;
            $s['sessions'][$sessionId] = true;
        });
        return ['return' => $sessionId];
    }

    /** readLogins(filter?, pageNumber) -> readLoginsResponse { return*: loginObject }; page 1 has every match, later pages none. */
    public function readLogins(stdClass $request): array
    {
        $this->requireSession();
        $page = (int)($request->pageNumber ?? 1);
        $accounts = br_with_state(fn(array &$s): array => $s['accounts']);
        $accounts = array_values(array_filter($accounts, fn(array $a): bool => self::matches($a, $request->filter ?? null)));
        $rows = [];
        if ($page === 1) {
            foreach ($accounts as $a) {
                unset($a['id']); // loginObject has no id; the password is never read back
                $rows[] = $a;
            }
        }
        return $rows === [] ? [] : ['return' => $rows];
    }

    /** addLogins(accounts*) -> addLoginsResponse { return: writeResult { errors*: index, results*: resultItem } }. */
    public function addLogins(stdClass $request): array
    {
        $this->requireSession();
        $items = self::listOf($request->accounts ?? null);
        if ($items === []) {
            throw self::fault(105, 'You must specify at least one item in the input array.');
        }
        return br_with_state(function (array &$s) use ($items): array {
            $errors = [];
            $results = [];
            $known = array_column($s['accounts'], 'username');
            foreach ($items as $i => $item) {
                $username = isset($item->username) ? (string)$item->username : '';
                if ($username === '') {
                    $errors[] = $i;
                    $results[] = ['isNew' => false, 'isError' => true, 'errorCode' => BR_ITEM_MISSING_USERNAME, 'errorString' => 'Required fields are missing: username'];
                    continue;
                }
                if (in_array($username, $known, true)) {
                    $errors[] = $i;
                    $results[] = ['isNew' => false, 'isError' => true, 'errorCode' => BR_ITEM_DUPLICATE_USERNAME, 'errorString' => "Unable to verify parameter: username '$username' already exists"];
                    continue;
                }
                $id = br_login_id($s['nextId']++);
                $known[] = $username;
                $account = ['id' => $id, 'username' => $username];
                if (isset($item->contactInformation)) $account['contactInformation'] = (array)$item->contactInformation;
                foreach ((array)$item as $k => $v) {
                    if (str_starts_with((string)$k, 'permission')) $account[$k] = (bool)$v;
                }
                $s['accounts'][] = $account;
                $results[] = ['id' => $id, 'isNew' => true, 'isError' => false, 'errorCode' => 0];
            }
            $write = [];
            if ($errors !== []) $write['errors'] = $errors;
            if ($results !== []) $write['results'] = $results;
            return ['return' => $write];
        });
    }

    /** A request header (SoapServer calls a method named after it; ignored) or another operation (104 after the session check). */
    public function __call(string $name, array $args): mixed
    {
        if (in_array($name, $this->request['headers'], true)) {
            return null;
        }
        $this->requireSession();
        throw self::fault(BR_INVALID_ACCESS, "You do not have valid access for this method: the SoapGen test server does not implement $name.");
    }

    private function refuseBodyHeader(): void
    {
        if ($this->request['bodySessionHeader']) {
            throw self::fault(BR_INVALID_REQUEST, BR_MESSAGES[BR_INVALID_REQUEST]
                . ' (sessionHeader is a SOAP header: it belongs in SOAP-ENV:Header, not in the Body)');
        }
    }

    private function requireSession(): void
    {
        $this->refuseBodyHeader();
        $sid = $this->request['sessionId'];
        $valid = $sid !== null && $sid !== '' && br_with_state(fn(array &$s): bool => isset($s['sessions'][$sid]));
        if (!$valid) {
            throw self::fault(BR_INVALID_SESSION);
        }
    }

    /** CXF writes a declared service exception as a Server fault: faultstring "CODE: message", detail ApiException. */
    private static function fault(int $code, ?string $message = null): SoapFault
    {
        $message ??= BR_MESSAGES[$code];
        return new SoapFault('Server', "$code: $message", null, ['errorCode' => $code], 'ApiException');
    }

    /** loginFilter: username stringValue* (EqualTo, NotEqualTo, StartsWith, EndsWith, Contains), type AND (default) or OR. */
    private static function matches(array $account, mixed $filter): bool
    {
        if (!$filter instanceof stdClass) return true;
        $conditions = self::listOf($filter->username ?? null);
        if ($conditions === []) return true;
        $hits = [];
        foreach ($conditions as $c) {
            $value = (string)($c->value ?? '');
            $u = (string)$account['username'];
            $hits[] = match ((string)($c->operator ?? 'EqualTo')) {
                'NotEqualTo' => $u !== $value,
                'StartsWith' => str_starts_with($u, $value),
                'EndsWith' => str_ends_with($u, $value),
                'Contains' => str_contains($u, $value),
                'DoesNotContain' => !str_contains($u, $value),
                default => $u === $value,
            };
        }
        return ($filter->type ?? 'AND') === 'OR' ? in_array(true, $hits, true) : !in_array(false, $hits, true);
    }

    /** SOAP_SINGLE_ELEMENT_ARRAYS makes repeated elements arrays; still accept a scalar (one) or null (none). */
    private static function listOf(mixed $value): array
    {
        if ($value === null) return [];
        return is_array($value) ? array_values($value) : [$value];
    }
}

// ---------------------------------------------------------------------------------------------------------- routing

$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/';
$httpMethod = $_SERVER['REQUEST_METHOD'] ?? 'GET';

try {
    $wsdlPath = br_wsdl_path();
} catch (RuntimeException $e) {
    ss_plain(500, $e->getMessage() . "\n");
    return true;
}

if (ss_route($path, $httpMethod, $wsdlPath, br_state_file(), 'br_with_state', 'br_fresh_state', 'br_stats',
    'SoapGen Bronto API v4 test server: POST SOAP 1.1 here (any path, e.g. /v4)')) {
    return true;
}

$raw = (string)file_get_contents('php://input');
$request = br_read_request($raw);

$server = new SoapServer($wsdlPath, [
    'cache_wsdl' => WSDL_CACHE_NONE,
    'soap_version' => SOAP_1_1,
    'features' => SOAP_SINGLE_ELEMENT_ARRAYS,
]);
$server->setObject(new BrontoHandler($request));
ob_start();
$server->handle($request['body']); // without any Body sessionHeader: ext/soap would fail on it before the handler runs
$reply = (string)ob_get_clean();
echo $reply;

$faultCode = preg_match('~<faultcode>([^<]*)</faultcode>~', $reply, $m) ? html_entity_decode($m[1], ENT_XML1) : null;
$errorCode = $faultCode !== null && preg_match('~<errorCode>(\d+)</errorCode>~', $reply, $m) ? (int)$m[1] : null;
$outcome = $faultCode === null ? 'ok' : ($errorCode !== null ? "ApiException $errorCode" : $faultCode);
br_with_state(function (array &$s) use ($raw, $reply, $request, $path, $outcome, $faultCode): void {
    $s['lastRequest'] = $raw;
    $s['lastResponse'] = $reply;
    $entry = [
        'path' => $path,
        'sessionHeader' => $request['sessionHeader'],
        'headers' => $request['headers'],
        'bodySessionHeader' => $request['bodySessionHeader'],
        'outcome' => $outcome,
    ];
    if ($request['headerNote'] !== null) $entry['headerNote'] = $request['headerNote'];
    $s['calls'][$request['operation'] ?? '(unreadable)'][] = $entry;
    if ($faultCode !== null) $s['faults'][$outcome] = ($s['faults'][$outcome] ?? 0) + 1;
});
return true;
