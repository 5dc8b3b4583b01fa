<?php
// Test double of the InterServer SOAP API (https://my.interserver.net/api.php) on PHP's ext/soap.
// Run:  php -S 127.0.0.1:PORT tests/servers/interserver/server.php     (see README.md)
// The operations, sessions, control endpoints and reply modes live in operations.php (shared with nusoap-server.php).
declare(strict_types=1);

ini_set('soap.wsdl_cache_enabled', '0');
ini_set('display_errors', '0');
error_reporting(E_ALL);

require_once __DIR__ . '/operations.php';

$wsdlPath = interserver_wsdl_path();
$reply = interserver_front(function () use ($wsdlPath) {
    header('Content-Type: text/xml; charset=ISO-8859-1');
    readfile($wsdlPath);
});
if ($reply === false) return true;

final class InterServerHandler
{
    public function __construct(private InterServerOps $ops) {}

    public function __call(string $name, array $args): mixed
    {
        try {
            return $this->ops->call($name, $args);
        } catch (InterServerFault $f) {
            throw new SoapFault($f->faultCode, $f->getMessage());
        }
    }
}

// No 'encoding' option: handler strings stay UTF-8 (ext/soap's 'encoding' only transcodes PHP strings, the
// envelope it writes is always UTF-8). The finished envelope is re-encoded below to ISO-8859-1, like nusoap.
$server = new SoapServer($wsdlPath, [
    'cache_wsdl' => WSDL_CACHE_NONE,
    'soap_version' => SOAP_1_1,
]);
$server->setObject(new InterServerHandler(interserver_ops($wsdlPath)));

ob_start();
$server->handle();
$body = to_latin1((string)ob_get_clean());
header_remove('Content-Length');
header('Content-Type: text/xml; charset=ISO-8859-1');
echo $reply === 'truncated' ? interserver_truncate($body) : $body;
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
