<?php
// What the session test servers (salesforce/, bronto/) share: a JSON state file locked per request (php -S may run
// several workers, which share nothing else), the /__control/ endpoints, and the GET/POST routing around SoapServer.
// Each server passes its own pieces (state variable, fresh state, stats view, banner); the SOAP behaviour stays its own.
declare(strict_types=1);

/** A WSDL named by $envVar, else $default; a RuntimeException names both when it is missing. */
function ss_wsdl_path(string $envVar, string $default, string $what): string
{
    $path = getenv($envVar) ?: $default;
    if (!is_file($path)) {
        throw new RuntimeException("$what not found: $path (set $envVar)");
    }
    return $path;
}

/** The state file: $envVar names a directory (default the system temp dir) or a *.json file path. */
function ss_state_file(string $envVar, string $name): string
{
    $where = getenv($envVar) ?: sys_get_temp_dir();
    if (str_ends_with($where, '.json')) return $where;
    $port = (int)($_SERVER['SERVER_PORT'] ?? 0);
    return rtrim($where, '/') . "/soapgen-$name-$port.json";
}

/** Runs $f(&$state) with the state file locked; a missing or unreadable state starts as $fresh(); saves what $f leaves. */
function ss_with_state(string $file, callable $fresh, callable $f): mixed
{
    $h = fopen($file, 'c+');
    if ($h === false) throw new RuntimeException("cannot open state file $file");
    try {
        flock($h, LOCK_EX);
        $raw = stream_get_contents($h);
        $state = $raw ? json_decode($raw, true) : null;
        if (!is_array($state) || !isset($state['sessions'])) $state = $fresh();
        try {
            return $f($state);
        } finally {
            ftruncate($h, 0);
            rewind($h);
            fwrite($h, json_encode($state, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE));
            fflush($h);
            flock($h, LOCK_UN);
        }
    } finally {
        fclose($h);
    }
}

/**
 * The facts of a request the session checks need, read from the raw XML (SoapServer's own header dispatch is not
 * reliable for these WSDLs): the Body's operation, the Header's entry names, and the session id in the $headerName
 * entry of namespace $ns, whose sessionId child is qualified in $ns ($tokenQualified) or unqualified. headerNote says
 * why a header did not count. 'document' and 'xpath' are the parsed request (null when it did not parse).
 */
function ss_read_request(string $raw, string $headerName, string $ns, bool $tokenQualified): array
{
    $out = ['operation' => null, 'headers' => [], 'sessionHeader' => false, 'sessionId' => null, 'headerNote' => null, 'document' => null, 'xpath' => null];
    if ($raw === '') return $out;
    $doc = new DOMDocument();
    if (!@$doc->loadXML($raw, LIBXML_NONET)) return $out;
    $xp = new DOMXPath($doc);
    $xp->registerNamespace('e', 'http://schemas.xmlsoap.org/soap/envelope/');
    $out['document'] = $doc;
    $out['xpath'] = $xp;
    $first = $xp->query('/e:Envelope/e:Body/*')->item(0);
    if ($first instanceof DOMElement) $out['operation'] = $first->localName;
    foreach ($xp->query('/e:Envelope/e:Header/*') as $h) {
        /** @var DOMElement $h */
        $out['headers'][] = $h->localName;
        if ($h->localName !== $headerName) continue;
        if ($h->namespaceURI !== $ns) {
            $out['headerNote'] = sprintf('%s in namespace "%s", not %s', $headerName, (string)$h->namespaceURI, $ns);
            continue;
        }
        $out['sessionHeader'] = true;
        foreach ($h->childNodes as $c) {
            if (!$c instanceof DOMElement || $c->localName !== 'sessionId') continue;
            $tokenNs = (string)$c->namespaceURI;
            if ($tokenQualified ? $tokenNs !== $ns : $tokenNs !== '') {
                $out['headerNote'] = $tokenQualified
                    ? sprintf('sessionId in namespace "%s", not %s (elementFormDefault="qualified")', $tokenNs, $ns)
                    : sprintf('sessionId in namespace "%s"; the schema is elementFormDefault="unqualified": no namespace', $tokenNs);
                break;
            }
            $out['sessionId'] = trim($c->textContent);
            break;
        }
        if ($out['sessionId'] === null && $out['headerNote'] === null) $out['headerNote'] = "$headerName without sessionId";
    }
    return $out;
}

function ss_plain(int $status, string $text): void
{
    http_response_code($status);
    header('Content-Type: text/plain; charset=UTF-8');
    echo $text;
}

/**
 * Answers everything but a SOAP POST: /__control/{reset,stats,expire,last-request,last-response}, GET ?wsdl, a banner
 * for other GETs, 405 for other methods. Returns true when it answered (the router then returns), false for a POST.
 * $withState(callable) runs a function on the locked state; $fresh() and $stats(state) are the server's own.
 */
function ss_route(string $path, string $httpMethod, string $wsdlPath, string $stateFile, callable $withState, callable $fresh, callable $stats, string $banner): bool
{
    if (str_starts_with($path, '/__control/')) {
        $cmd = substr($path, strlen('/__control/'));
        switch ($cmd) {
            case 'reset':
                $withState(function (array &$s) use ($fresh): void { $s = $fresh(); });
                header('Content-Type: application/json');
                echo json_encode(['reset' => true, 'stateFile' => $stateFile], JSON_UNESCAPED_SLASHES);
                break;
            case 'stats':
                header('Content-Type: application/json');
                echo json_encode($withState(fn(array &$s): array => $stats($s)), JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT);
                break;
            case 'expire':
                $n = $withState(function (array &$s): int { $n = count($s['sessions']); $s['sessions'] = []; return $n; });
                header('Content-Type: application/json');
                echo json_encode(['expired' => $n]);
                break;
            case 'last-request':
            case 'last-response':
                $key = $cmd === 'last-request' ? 'lastRequest' : 'lastResponse';
                header('Content-Type: text/xml; charset=UTF-8');
                echo $withState(fn(array &$s): string => (string)$s[$key]);
                break;
            default:
                http_response_code(404);
                header('Content-Type: application/json');
                echo json_encode(['error' => "unknown control command '$cmd'", 'commands' => ['reset', 'stats', 'expire', 'last-request', 'last-response']]);
        }
        return true;
    }

    if ($httpMethod === 'GET') {
        if (isset($_GET['wsdl']) || isset($_GET['WSDL'])) {
            header('Content-Type: text/xml; charset=UTF-8');
            readfile($wsdlPath);
        } else {
            ss_plain(200, $banner . "; GET ?wsdl for the WSDL, /__control/{reset,stats,expire,last-request,last-response}\n");
        }
        return true;
    }

    if ($httpMethod !== 'POST') {
        http_response_code(405);
        header('Allow: GET, POST');
        return true;
    }

    return false;
}
