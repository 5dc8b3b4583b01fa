<?php
// Test double of the Salesforce partner SOAP API (document/literal, SOAP 1.1) on PHP's ext/soap SoapServer in WSDL mode
// over the real partner.wsdl. Run:  php -S 127.0.0.1:PORT tests/servers/salesforce/server.php  (from the repo root;
// see README.md). login at any path without "/instance/" (e.g. /services/Soap/u/login); the session operations at the
// serverUrl login returns (/services/Soap/u/instance/<n>), with a SessionHeader.
declare(strict_types=1);

ini_set('soap.wsdl_cache_enabled', '0');
ini_set('display_errors', '0');
error_reporting(E_ALL);

require_once __DIR__ . '/../common/session-server.php';

const SF_NS = 'urn:partner.soap.sforce.com';
const SF_FAULT_NS = 'urn:fault.partner.soap.sforce.com';
const SF_USERNAME = 'sf-user@example.com';
const SF_PASSWORD = 'sf-pass+token';   // Salesforce's "password + security token"
const SF_USER_ID = '005000000000001AAA';
const SF_ORG_ID = '00D000000000001AAA';
const SF_PROFILE_ID = '00e000000000001AAA';
const SF_SESSION_SECONDS = 7200;
const SF_API_LIMIT = 15000;
/** Every part of the WSDL's Header message: SoapServer dispatches a request header to a handler method of its name. */
const SF_HEADER_NAMES = [
    'LoginScopeHeader', 'SessionHeader', 'CallOptions', 'QueryOptions', 'AssignmentRuleHeader', 'AllowFieldTruncationHeader',
    'AllOrNoneHeader', 'DuplicateRuleHeader', 'DisableFeedTrackingHeader', 'StreamingEnabledHeader', 'MruHeader', 'EmailHeader',
    'UserTerritoryDeleteHeader', 'DebuggingHeader', 'PackageVersionHeader', 'DebuggingInfo', 'LimitInfoHeader', 'LocaleOptions',
    'OwnerChangeOptions',
];
// Salesforce's own messages.
const SF_INVALID_LOGIN = 'Invalid username, password, security token; or user locked out.';
const SF_INVALID_SESSION = 'Invalid Session ID found in SessionHeader: Illegal Session';
const SF_URL_NOT_RESET = 'Destination URL not reset. The URL returned from login must be set in the SforceService';

// ---------------------------------------------------------------------------------------------------------- paths

function sf_wsdl_path(): string
{
    return ss_wsdl_path('SOAPGEN_PARTNER_WSDL', __DIR__ . '/../../../../shared/wsdl-corpus/salesforce-go-soapforce/partner.wsdl', 'Salesforce partner WSDL');
}

/** The state file: SOAPGEN_SALESFORCE_STATE is a directory (default the system temp dir) or a *.json file path. */
function sf_state_file(): string
{
    return ss_state_file('SOAPGEN_SALESFORCE_STATE', 'salesforce');
}

function sf_base_url(): string
{
    return 'http://127.0.0.1:' . (int)($_SERVER['SERVER_PORT'] ?? 80);
}

// ---------------------------------------------------------------------------------------------------------- state

function sf_fresh_state(): array
{
    return [
        'sessions' => [],        // session id => instance number (never shown by /__control/stats)
        'loginSeq' => 0,         // <n> of the next serverUrl
        'logins' => 0,           // successful logins
        'failedLogins' => 0,
        'calls' => [],           // operation => [{path, endpoint, sessionHeader, headers, outcome}]
        'faults' => [],          // fault code => count
        'lastRequest' => '',
        'lastResponse' => '',
    ];
}

/** Runs $f(&$state) with the state file locked (php -S may run several workers); saves what $f leaves. */
function sf_with_state(callable $f): mixed
{
    return ss_with_state(sf_state_file(), 'sf_fresh_state', $f);
}

/** The stats view: counters and per-call facts, never a session id or a password. */
function sf_stats(array $state): array
{
    $calls = [];
    foreach ($state['calls'] as $op => $list) $calls[$op] = $list;
    return [
        'logins' => $state['logins'],
        'failedLogins' => $state['failedLogins'],
        'sessions' => count($state['sessions']),
        'calls' => (object)$calls,
        'faults' => (object)$state['faults'],
    ];
}

// ---------------------------------------------------------------------------------------------------------- request

/**
 * What the raw request says, read with DOM (SoapServer's own header dispatch is not relied on):
 * operation = local name of the first Body child; headers = local names of the Header children; sessionHeader = whether
 * a SessionHeader in urn:partner.soap.sforce.com came; sessionId = its sessionId child (qualified, like the schema says);
 * headerNote = what was wrong with a SessionHeader that did not count.
 */
function sf_read_request(string $raw): array
{
    return ss_read_request($raw, 'SessionHeader', SF_NS, tokenQualified: true);
}

// ---------------------------------------------------------------------------------------------------------- operations

/**
 * Wrapped operations: a handler gets the request wrapper as ONE stdClass and returns the response wrapper as an array.
 * Faults are thrown here (not before handle()) so ext/soap knows the operation and writes the declared detail element:
 * SoapFault's 5th argument is the wsdl:fault NAME (LoginFault, UnexpectedErrorFault). Its code is a bare Salesforce
 * exception code; ext/soap qualifies it with the detail element's namespace (urn:fault.partner.soap.sforce.com), and
 * sf_sf_prefix() renames ext/soap's generated prefix to Salesforce's "sf".
 */
final class SalesforceHandler
{
    public function __construct(private SoapServer $server, private array $request, private bool $atInstance)
    {
    }

    /** login(username, password) -> loginResponse { result: LoginResult }; any endpoint. */
    public function login(stdClass $request): array
    {
        $user = (string)($request->username ?? '');
        $password = (string)($request->password ?? '');
        if (!hash_equals(SF_USERNAME, $user) || !hash_equals(SF_PASSWORD, $password)) {
            sf_with_state(function (array &$s): void { $s['failedLogins']++; });
            throw self::fault('INVALID_LOGIN', SF_INVALID_LOGIN, 'LoginFault');
        }
        $sessionId = SF_ORG_ID . '!AQ' . strtr(rtrim(base64_encode(random_bytes(48)), '='), '+/', '._');
        $n = sf_with_state(function (array &$s) use ($sessionId): int {
            $s['logins']++;
            $n = ++$s['loginSeq'];
            $s['sessions'][$sessionId] = $n;
            return $n;
        });
        return ['result' => [
            'metadataServerUrl' => sf_base_url() . "/services/Soap/m/instance/$n",
            'passwordExpired' => false,
            'sandbox' => false,
            'serverUrl' => sf_base_url() . "/services/Soap/u/instance/$n",
            'sessionId' => $sessionId,
            'userId' => SF_USER_ID,
            'userInfo' => self::userInfo(),
        ]];
    }

    /** getUserInfo() -> getUserInfoResponse { result: GetUserInfoResult }; instance endpoint + SessionHeader. */
    public function getUserInfo(stdClass $request): array
    {
        $this->requireSession();
        return ['result' => self::userInfo()];
    }

    /** getServerTimestamp() -> getServerTimestampResponse { result: { timestamp } }; instance endpoint + SessionHeader. */
    public function getServerTimestamp(stdClass $request): array
    {
        $this->requireSession();
        return ['result' => ['timestamp' => (new DateTimeImmutable('now', new DateTimeZone('UTC')))->format('Y-m-d\TH:i:s.v\Z')]];
    }

    /**
     * A request header (SoapServer calls a method named after it; ignored: sf_read_request read them all) or one of the
     * partner API's other operations (after the endpoint and session checks: UNKNOWN_EXCEPTION "not implemented").
     */
    public function __call(string $name, array $args): mixed
    {
        if (in_array($name, SF_HEADER_NAMES, true) || in_array($name, $this->request['headers'], true)) {
            return null;
        }
        $this->requireSession();
        throw self::fault('UNKNOWN_EXCEPTION', "The SoapGen test server does not implement $name", 'UnexpectedErrorFault');
    }

    /** Salesforce's order: the login endpoint refuses session calls first, then the session id is checked. */
    private function requireSession(): void
    {
        if (!$this->atInstance) {
            throw self::fault('UNKNOWN_EXCEPTION', SF_URL_NOT_RESET, 'UnexpectedErrorFault');
        }
        $sid = $this->request['sessionId'];
        $valid = $sid !== null && $sid !== '' && sf_with_state(fn(array &$s): bool => isset($s['sessions'][$sid]));
        if (!$valid) {
            throw self::fault('INVALID_SESSION_ID', SF_INVALID_SESSION, 'UnexpectedErrorFault');
        }
        $current = sf_with_state(function (array &$s): int {
            $n = 0;
            foreach ($s['calls'] as $op => $list) if ($op !== 'login') $n += count($list);
            return $n + 1;
        });
        // The output header the binding declares for the session operations.
        $this->server->addSoapHeader(new SoapHeader(SF_NS, 'LimitInfoHeader',
            ['limitInfo' => [['current' => $current, 'limit' => SF_API_LIMIT, 'type' => 'API REQUESTS']]]));
    }

    /** faultstring "CODE: message", detail <sf:FaultName><sf:exceptionCode/><sf:exceptionMessage/></sf:FaultName>. */
    private static function fault(string $code, string $message, string $faultName): SoapFault
    {
        return new SoapFault($code, "$code: $message", null, ['exceptionCode' => $code, 'exceptionMessage' => $message], $faultName);
    }

    private static function userInfo(): array
    {
        return [
            'accessibilityMode' => false,
            'currencySymbol' => '$',
            'orgAttachmentFileSizeLimit' => 5242880,
            'orgDefaultCurrencyIsoCode' => 'USD',
            'orgDefaultCurrencyLocale' => 'en_US',
            'orgDisallowHtmlAttachments' => false,
            'orgHasPersonAccounts' => false,
            'organizationId' => SF_ORG_ID,
            'organizationMultiCurrency' => false,
            'organizationName' => 'SoapGen Test Org',
            'profileId' => SF_PROFILE_ID,
            'roleId' => null, // nillable: <roleId xsi:nil="true"/>
            'sessionSecondsValid' => SF_SESSION_SECONDS,
            'userDefaultCurrencyIsoCode' => null,
            'userEmail' => SF_USERNAME,
            'userFullName' => 'Sally Force',
            'userId' => SF_USER_ID,
            'userLanguage' => 'en_US',
            'userLocale' => 'en_US',
            'userName' => SF_USERNAME,
            'userTimeZone' => 'America/Los_Angeles',
            'userType' => 'Standard',
            'userUiSkin' => 'Theme3',
        ];
    }
}

/** ext/soap names the fault namespace "ns1" (or nsN); Salesforce writes sf:. Renames that prefix in a fault reply. */
function sf_sf_prefix(string $xml): string
{
    if (!preg_match('~xmlns:([A-Za-z_][\w.-]*)="' . preg_quote(SF_FAULT_NS, '~') . '"~', $xml, $m) || $m[1] === 'sf'
        || str_contains($xml, 'xmlns:sf=')) {
        return $xml;
    }
    $p = preg_quote($m[1], '~');
    return preg_replace(["~xmlns:$p=~", "~(</?)$p:~", "~<faultcode>$p:~"], ['xmlns:sf=', '$1sf:', '<faultcode>sf:'], $xml);
}

// ---------------------------------------------------------------------------------------------------------- routing

$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/';
$httpMethod = $_SERVER['REQUEST_METHOD'] ?? 'GET';

try {
    $wsdlPath = sf_wsdl_path();
} catch (RuntimeException $e) {
    ss_plain(500, $e->getMessage() . "\n");
    return true;
}

if (ss_route($path, $httpMethod, $wsdlPath, sf_state_file(), 'sf_with_state', 'sf_fresh_state', 'sf_stats',
    'SoapGen Salesforce partner API test server: POST SOAP 1.1 login to /services/Soap/u/login, the session operations to the serverUrl it returns')) {
    return true;
}

$raw = (string)file_get_contents('php://input');
$request = sf_read_request($raw);
$atInstance = str_contains($path, '/instance/');

$server = new SoapServer($wsdlPath, ['cache_wsdl' => WSDL_CACHE_NONE, 'soap_version' => SOAP_1_1]);
$server->setObject(new SalesforceHandler($server, $request, $atInstance));
ob_start();
$server->handle($raw);
$reply = sf_sf_prefix((string)ob_get_clean());
header('Content-Length: ' . strlen($reply)); // SoapServer set it for its own (longer) text
echo $reply;

$faultCode = preg_match('~<faultcode>([^<]*)</faultcode>~', $reply, $m) ? html_entity_decode($m[1], ENT_XML1) : null;
sf_with_state(function (array &$s) use ($raw, $reply, $request, $path, $atInstance, $faultCode): void {
    $s['lastRequest'] = $raw;
    $s['lastResponse'] = $reply;
    $entry = [
        'path' => $path,
        'endpoint' => $atInstance ? 'instance' : 'login',
        'sessionHeader' => $request['sessionHeader'],
        'headers' => $request['headers'],
        'outcome' => $faultCode ?? 'ok',
    ];
    if ($request['headerNote'] !== null) $entry['headerNote'] = $request['headerNote'];
    $s['calls'][$request['operation'] ?? '(unreadable)'][] = $entry;
    if ($faultCode !== null) $s['faults'][$faultCode] = ($s['faults'][$faultCode] ?? 0) + 1;
});
return true;
