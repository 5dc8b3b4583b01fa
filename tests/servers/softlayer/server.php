<?php
// Test double of the SoftLayer SOAP API (https://api.softlayer.com/soap/v3.1/<Service>) on PHP's ext/soap, for the
// eight services of wsdl/softlayer/. Run:  php -S 127.0.0.1:PORT tests/servers/softlayer/server.php  (from the repo
// root; see README.md). The engine (state, headers, masks, filters, operations) is softlayer.php; data: fixtures.php.
declare(strict_types=1);

ini_set('display_errors', '0');
error_reporting(E_ALL);

require_once __DIR__ . '/softlayer.php';

$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/';
$httpMethod = $_SERVER['REQUEST_METHOD'] ?? 'GET';

try {
    $wsdlDir = sl_wsdl_dir();
} catch (RuntimeException $e) {
    sl_plain(500, $e->getMessage() . "\n");
    return true;
}

// ---------------------------------------------------------------------------------------------- control endpoints
if (str_starts_with($path, '/__control/')) {
    $cmd = substr($path, strlen('/__control/'));
    header('Content-Type: application/json');
    switch ($cmd) {
        case 'reset':
            sl_with_state(function (array &$state): void { $state = sl_fresh_state(); });
            echo json_encode(['reset' => true, 'accountId' => SL_ACCOUNT_ID, 'stateFile' => sl_state_file()], JSON_UNESCAPED_SLASHES);
            break;
        case 'stats':
            $stats = sl_with_state(fn(array &$state): array => $state['stats']);
            foreach (['calls', 'faults', 'lastHeaders'] as $k) $stats[$k] = (object)($stats[$k] ?? []);
            echo json_encode($stats, JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT);
            break;
        default:
            http_response_code(404);
            echo json_encode(['error' => "unknown control command '$cmd'", 'commands' => ['reset', 'stats']]);
    }
    return true;
}

// ---------------------------------------------------------------------------------------------- /soap/v3.1/<Service>
if (!preg_match('~^/soap/v3\.1/([A-Za-z_]+)/?$~', $path, $m) || !isset(SL_SERVICES[$m[1]])) {
    sl_plain(404, "SoapGen SoftLayer test server: POST SOAP 1.1 to /soap/v3.1/<Service>, GET ?wsdl / ?xsd. Services:\n  "
        . implode("\n  ", array_keys(SL_SERVICES)) . "\n");
    return true;
}
$service = $m[1];

if ($httpMethod === 'GET') {
    if (isset($_GET['wsdl']) || isset($_GET['WSDL'])) {
        header('Content-Type: text/xml; charset=UTF-8');
        $wsdl = (string)file_get_contents("$wsdlDir/$service.wsdl");
        if (($_GET['wsdl'] ?? '') === 'local') {
            // The include pointed at this server instead of api.softlayer.com (for clients that follow it).
            $host = $_SERVER['HTTP_HOST'] ?? ('127.0.0.1:' . ($_SERVER['SERVER_PORT'] ?? '80'));
            $wsdl = preg_replace('~schemaLocation="https://api\.softlayer\.com/soap/v3\.1/~', 'schemaLocation="http://' . $host . '/soap/v3.1/', $wsdl, 1);
        }
        echo $wsdl;
    } elseif (isset($_GET['xsd'])) {
        header('Content-Type: text/xml; charset=UTF-8');
        readfile("$wsdlDir/" . SL_TYPES_FILE);
    } else {
        sl_plain(200, "SoapGen SoftLayer test server, $service: POST SOAP 1.1 (rpc/encoded) here, GET ?wsdl for the WSDL, ?xsd for the types\n");
    }
    return true;
}
if ($httpMethod !== 'POST') {
    http_response_code(405);
    header('Allow: GET, POST');
    return true;
}

/** Receives every call SoapServer decodes from the body; headers come from the raw request (sl_read_headers). */
final class SoftLayerHandler
{
    public function __construct(
        private SoapServer $server,
        private string $service,
        private array $ops,
        private array $headers,
    ) {}

    public function __call(string $name, array $args): mixed
    {
        $op = $this->ops[$name] ?? null;
        if ($op === null) return null; // a header SoapServer tried to hand to a function of its name: not an operation
        return sl_with_state(function (array &$state) use ($name, $op, $args): mixed {
            $key = $this->service . '::' . $name;
            $stats = &$state['stats'];
            $stats['total']++;
            $stats['calls'][$key] = ($stats['calls'][$key] ?? 0) + 1;
            $stats['lastCall'] = $key;
            $stats['lastHeaders'] = sl_headers_for_stats($this->headers);
            try {
                [$result, $total] = sl_call($state, $this->service, $name, $op, $args, $this->headers);
            } catch (SoftLayerFault $f) {
                $stats['faults'][$f->faultCode] = ($stats['faults'][$f->faultCode] ?? 0) + 1;
                throw new SoapFault($f->faultCode, $f->getMessage());
            }
            if ($total !== null) {
                // <ns1:totalItems><amount>N</amount></ns1:totalItems>, ns1 = the API namespace (SoapServer cannot
                // add it from the binding: the WSDL's soap:header has no namespace).
                $this->server->addSoapHeader(new SoapHeader(SL_TNS, 'totalItems',
                    new SoapVar((object)['amount' => $total], SOAP_ENC_OBJECT, 'totalItems', SL_TNS)));
            }
            return sl_encode($result);
        });
    }
}

/** What /__control/stats shows of the last request's headers: everything but the API key. */
function sl_headers_for_stats(array $h): array
{
    $out = ['names' => $h['names']];
    if ($h['authenticate'] !== null) {
        $out['authenticate'] = ['username' => $h['authenticate']['username'], 'apiKey' => $h['authenticate']['apiKey'] === null ? 'missing' : 'sent'];
    }
    foreach (['init', 'objectMask', 'serviceMask', 'filter', 'resultLimit'] as $k) {
        if ($h[$k] !== null) $out[$k] = $h[$k];
    }
    return $out;
}

function sl_plain(int $status, string $text): void
{
    http_response_code($status);
    header('Content-Type: text/plain; charset=UTF-8');
    echo $text;
}

$raw = (string)file_get_contents('php://input');
try {
    [$wsdlCopy, $cacheDir] = sl_local_wsdl($service);
    // Disk cache only (PHP has been seen to crash with the in-memory cache on multi-MB WSDLs), in the copy's own dir.
    ini_set('soap.wsdl_cache_dir', $cacheDir);
    $server = new SoapServer($wsdlCopy, [
        'cache_wsdl' => WSDL_CACHE_DISK,
        'soap_version' => SOAP_1_1,
        'features' => SOAP_SINGLE_ELEMENT_ARRAYS,
    ]);
    $server->setObject(new SoftLayerHandler($server, $service, sl_operations($service), sl_read_headers($raw, $service)));
} catch (Throwable $e) {
    error_log('SoftLayer test server: ' . $e->getMessage());
    http_response_code(500);
    header('Content-Type: text/xml; charset=utf-8');
    echo '<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="' . SL_SOAP_ENV . '"><SOAP-ENV:Body><SOAP-ENV:Fault>'
        . '<faultcode>SOAP-ENV:Server</faultcode><faultstring>' . htmlspecialchars($e->getMessage(), ENT_XML1) . '</faultstring>'
        . '</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>';
    return true;
}
$server->handle($raw);
return true;
