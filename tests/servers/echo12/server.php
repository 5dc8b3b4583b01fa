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
    private ?string $traceId = null;

    public function __construct(private string $contentType, private string $envelopeNs, private SoapServer $server)
    {
    }

    /** The Trace header (SoapServer calls a method named after each header entry before the body's operation). */
    public function Trace(stdClass $trace): void
    {
        $this->traceId = (string)$trace->traceId;
    }

    /** Echo(text, times) -> EchoResponse { EchoResult } */
    public function Echo(stdClass $request): array
    {
        $text = str_repeat((string)$request->text, max(0, (int)$request->times));
        // The Served reply header answers the Trace header: SOAP 1.2 headers both ways.
        $this->server->addSoapHeader(new SoapHeader('urn:soapgen:echo12', 'Served', ['by' => 'echo12', 'traceId' => $this->traceId ?? '(none)']));
        return ['EchoResult' => sprintf('%s|%s|%s', $text, $this->contentType, $this->envelopeNs)];
    }

    /** Fail(reason): always a SOAP 1.2 Sender fault with a detail element. */
    public function Fail(stdClass $request): array
    {
        throw new SoapFault('Sender', 'Refused: ' . (string)$request->reason, null, ['code' => 42], 'FailDetail');
    }
}

$server = new SoapServer($wsdlPath, ['cache_wsdl' => WSDL_CACHE_NONE, 'soap_version' => SOAP_1_2]);
$server->setObject(new Echo12Handler((string)($_SERVER['CONTENT_TYPE'] ?? ''), $envelopeNs, $server));
$server->handle($raw);
return true;
