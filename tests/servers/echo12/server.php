<?php
// SOAP 1.2 test service for wsdl/echo12.wsdl on PHP's ext/soap SoapServer (WSDL mode, SOAP 1.2).
// Run:  php -S 127.0.0.1:PORT tests/servers/echo12/server.php     (from the repo root)
// It records the request's Content-Type and the envelope namespace in the Echo reply, so tests can see what arrived.
declare(strict_types=1);

ini_set('soap.wsdl_cache_enabled', '0');
ini_set('display_errors', '0');

$wsdlPath = getenv('SOAPGEN_WSDL') ?: __DIR__ . '/../../../wsdl/echo12.wsdl';
if (($_SERVER['REQUEST_METHOD'] ?? 'GET') === 'GET') {
    header('Content-Type: text/xml; charset=UTF-8');
    readfile($wsdlPath);
    return true;
}

$raw = (string)file_get_contents('php://input');
$envelopeNs = preg_match('/<(?:[A-Za-z0-9_-]+:)?Envelope[^>]*xmlns(?::[A-Za-z0-9_-]+)?="([^"]+)"/', $raw, $m) ? $m[1] : '?';

final class Echo12Handler
{
    public function __construct(private string $contentType, private string $envelopeNs)
    {
    }

    /** Echo(text, times) -> EchoResponse { EchoResult } */
    public function Echo(stdClass $request): array
    {
        $text = str_repeat((string)$request->text, max(0, (int)$request->times));
        return ['EchoResult' => sprintf('%s|%s|%s', $text, $this->contentType, $this->envelopeNs)];
    }

    /** Fail(reason): always a SOAP 1.2 Sender fault with a detail element. */
    public function Fail(stdClass $request): array
    {
        throw new SoapFault('Sender', 'Refused: ' . (string)$request->reason, null, ['code' => 42], 'FailDetail');
    }
}

$server = new SoapServer($wsdlPath, ['cache_wsdl' => WSDL_CACHE_NONE, 'soap_version' => SOAP_1_2]);
$server->setObject(new Echo12Handler((string)($_SERVER['CONTENT_TYPE'] ?? ''), $envelopeNs));
$server->handle($raw);
return true;
