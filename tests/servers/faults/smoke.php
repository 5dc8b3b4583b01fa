<?php
// Smoke test: PHP SoapClients built from wsdl/faults.wsdl, one per port (SOAP 1.1 at /faults11, SOAP 1.2 at
// /faults12), call every case and check the fault XML on the wire. Prints the fault envelopes it saw.
// Usage: php tests/servers/faults/smoke.php http://127.0.0.1:PORT
declare(strict_types=1);
ini_set('soap.wsdl_cache_enabled', '0');
set_error_handler(function (int $no, string $msg, string $file, int $line): never { throw new ErrorException($msg, 0, $no, $file, $line); });

$base = rtrim($argv[1] ?? 'http://127.0.0.1:18096', '/');
$wsdl = getenv('SOAPGEN_FAULTS_WSDL') ?: __DIR__ . '/../../../wsdl/faults.wsdl';
$fail = 0;
$check = function (bool $ok, string $what) use (&$fail) { if (!$ok) { $fail++; echo "FAIL: $what\n"; } };

const ENV11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const ENV12 = 'http://www.w3.org/2003/05/soap-envelope';
const TNS = 'urn:soapgen:faults';

/** [code as written, code namespace, reason, detail element or null, detail children local name => text, detail element count] */
function fault_on_wire(string $xml, int $version): array
{
    $doc = new DOMDocument();
    $doc->loadXML($xml);
    $xp = new DOMXPath($doc);
    $xp->registerNamespace('e', $version === SOAP_1_1 ? ENV11 : ENV12);
    $fault = $xp->query('/e:Envelope/e:Body/e:Fault')->item(0);
    if (!$fault instanceof DOMElement) return [null, null, null, null, [], 0];
    if ($version === SOAP_1_1) {
        $codeEl = $xp->query('faultcode', $fault)->item(0);
        $reason = $xp->query('faultstring', $fault)->item(0)?->textContent;
        $details = $xp->query('detail', $fault);
    } else {
        $codeEl = $xp->query('e:Code/e:Value', $fault)->item(0);
        $reason = $xp->query('e:Reason/e:Text', $fault)->item(0)?->textContent;
        $details = $xp->query('e:Detail', $fault);
    }
    $code = $codeEl?->textContent;
    $codeNs = null;
    if ($codeEl !== null && $code !== null && str_contains($code, ':')) {
        $codeNs = $codeEl->lookupNamespaceURI(explode(':', $code, 2)[0]);
    }
    $entry = null;
    $children = [];
    $detail = $details->item(0);
    if ($detail instanceof DOMElement) {
        foreach ($detail->childNodes as $c) {
            if ($c instanceof DOMElement) { $entry = $c; break; }
        }
        if ($entry !== null) {
            foreach ($entry->childNodes as $c) {
                if ($c instanceof DOMElement) $children[$c->localName] = [$c->namespaceURI, $c->textContent];
            }
        }
    }
    return [$code, $codeNs, $reason, $entry, $children, $details->length];
}

foreach ([SOAP_1_1 => 'faults11', SOAP_1_2 => 'faults12'] as $version => $path) {
    $v = $version === SOAP_1_1 ? '1.1' : '1.2';
    $envNs = $version === SOAP_1_1 ? ENV11 : ENV12;
    $client = new SoapClient($wsdl, ['location' => "$base/$path", 'soap_version' => $version, 'trace' => true,
        'exceptions' => true, 'cache_wsdl' => WSDL_CACHE_NONE]);

    $r = $client->Divide(['a' => 84, 'b' => 2]);
    $check($r->DivideResult === 42, "SOAP $v Divide(84, 2) = 42");
    $r = $client->Divide(['a' => 1000000, 'b' => 1]);
    $check($r->DivideResult === 1000000, "SOAP $v Divide(1000000, 1) = 1000000 (the limit itself is fine)");
    $r = $client->Check(['value' => 'hello']);
    $check($r->CheckResult === 'hello', "SOAP $v Check(hello) echoes");

    $cases = [
        'DivideByZero' => fn() => $client->Divide(['a' => 7, 'b' => 0]),
        'Overflow' => fn() => $client->Divide(['a' => 2000000000, 'b' => 2]),
        'undeclared' => fn() => $client->Check(['value' => 'undeclared']),
        'plain' => fn() => $client->Check(['value' => 'plain']),
    ];
    foreach ($cases as $case => $call) {
        try {
            $call();
            $check(false, "SOAP $v $case: no fault");
            continue;
        } catch (SoapFault $f) {
        }
        $xml = (string)$client->__getLastResponse();
        echo "--- SOAP $v $case (HTTP " . (preg_match('~^HTTP/\S+ (\d+)~', (string)$client->__getLastResponseHeaders(), $m) ? $m[1] : '?') . ")\n$xml\n";
        [$code, $codeNs, $reason, $entry, $children, $detailCount] = fault_on_wire($xml, $version);
        $check(str_contains((string)$client->__getLastResponseHeaders(), ' 500 '), "SOAP $v $case: HTTP 500");
        $sender = $version === SOAP_1_1 ? 'Client' : 'Sender';
        $receiver = $version === SOAP_1_1 ? 'Server' : 'Receiver';
        switch ($case) {
            case 'DivideByZero':
                $check(str_ends_with((string)$code, ":$sender") && $codeNs === $envNs, "SOAP $v DivideByZero code $sender: $code");
                $check($reason === 'Division by zero', "SOAP $v DivideByZero reason: $reason");
                $check($entry?->localName === 'DivideByZeroFault' && $entry->namespaceURI === TNS, "SOAP $v DivideByZero detail element tns:DivideByZeroFault");
                $check(($children['dividend'] ?? null) === [TNS, '7'] && ($children['message'] ?? null) === [TNS, 'cannot divide 7 by zero'],
                    "SOAP $v DivideByZero detail children qualified: " . json_encode($children));
                $check(isset($f->detail->DivideByZeroFault) && (int)$f->detail->DivideByZeroFault->dividend === 7, "SOAP $v SoapClient reads the typed detail");
                break;
            case 'Overflow':
                $check(str_ends_with((string)$code, ":$receiver") && $codeNs === $envNs, "SOAP $v Overflow code $receiver: $code");
                $check($reason === 'Result overflow: |2000000000 / 2| exceeds 1000000', "SOAP $v Overflow reason: $reason");
                $check($entry?->localName === 'OverflowFault' && $entry->namespaceURI === TNS, "SOAP $v Overflow detail element tns:OverflowFault");
                $check(($children['limit'] ?? null) === [TNS, '1000000'], "SOAP $v Overflow limit: " . json_encode($children));
                break;
            case 'undeclared':
                $check(str_ends_with((string)$code, ":$receiver"), "SOAP $v undeclared code: $code");
                $check($reason === 'Undeclared failure', "SOAP $v undeclared reason: $reason");
                $check($entry?->localName === 'Unexpected' && $entry->namespaceURI === TNS, "SOAP $v undeclared detail element tns:Unexpected");
                $check(($children['why'] ?? null) === [null, 'the value was "undeclared"'], "SOAP $v undeclared why (unqualified): " . json_encode($children));
                break;
            case 'plain':
                $check(str_ends_with((string)$code, ":$receiver"), "SOAP $v plain code: $code");
                $check($reason === 'Plain failure', "SOAP $v plain reason: $reason");
                $check($detailCount === 0, "SOAP $v plain: no detail element");
                break;
        }
    }
}

// The wrong envelope version for the port: a VersionMismatch fault in the request's version.
foreach ([[SOAP_1_1, 'faults12', 'text/xml'], [SOAP_1_2, 'faults11', 'application/soap+xml']] as [$sent, $path, $type]) {
    $wrong = new SoapClient($wsdl, ['location' => "$base/$path", 'soap_version' => $sent, 'trace' => true, 'cache_wsdl' => WSDL_CACHE_NONE]);
    try {
        $wrong->Check(['value' => 'x']);
        $check(false, "a SOAP " . ($sent === SOAP_1_1 ? '1.1' : '1.2') . " envelope at /$path was answered without a fault");
    } catch (SoapFault $f) {
        // The Content-Type check comes first: SoapClient sends its version's type, so this is the 415.
        $check(str_contains((string)$wrong->__getLastResponseHeaders(), ' 415 '), "/$path with the other version's Content-Type: HTTP 415");
    }
}
// Same envelope mismatch, right Content-Type: the VersionMismatch fault.
$ctx = stream_context_create(['http' => ['method' => 'POST', 'ignore_errors' => true, 'header' => "Content-Type: application/soap+xml; charset=utf-8\r\n",
    'content' => '<?xml version="1.0"?><e:Envelope xmlns:e="' . ENV11 . '" xmlns:t="' . TNS . '"><e:Body><t:Check><t:value>x</t:value></t:Check></e:Body></e:Envelope>']]);
$reply = (string)file_get_contents("$base/faults12", false, $ctx);
echo "--- SOAP 1.1 envelope at /faults12\n$reply\n";
[$code, $codeNs, $reason] = fault_on_wire($reply, SOAP_1_1);
$check($code !== null && str_ends_with($code, ':VersionMismatch') && $codeNs === ENV11, "VersionMismatch fault: $code $reason");

if ($fail > 0) {
    echo "SMOKE FAILED: $fail check(s)\n";
    exit(1);
}
echo "SMOKE OK: faults over SOAP 1.1 and SOAP 1.2\n";
