<?php
// The SoftLayer test server's engine, separate from the HTTP/SOAP front (server.php): paths, the file-backed state,
// the per-service WSDL index, reading the SOAP headers from the raw request, object masks, object filters, result
// limits, and the operations. See README.md for the behaviour.
declare(strict_types=1);

require_once __DIR__ . '/fixtures.php';

const SL_TNS = 'http://api.service.softlayer.com/soap/v3.1/';
const SL_SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const SL_WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
const SL_WSDL_SOAP_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
const SL_TYPES_FILE = 'SoftLayer_Types.xsd';

/** The credentials every call must carry in its authenticate header. */
const SL_USERNAME = 'SL-TEST';
const SL_API_KEY = '0123456789abcdef';

/** Service => the state table its init parameter id is looked up in. */
const SL_SERVICES = [
    'SoftLayer_Account' => 'account',
    'SoftLayer_Billing_Item' => 'billing',
    'SoftLayer_Billing_Item_Cancellation_Request' => 'cancelRequest',
    'SoftLayer_Virtual_Guest' => 'guest',
    'SoftLayer_Network_Application_Delivery_Controller_LoadBalancer_VirtualIpAddress' => 'vip',
    'SoftLayer_Network_Subnet' => 'subnet',
    'SoftLayer_Network_Storage' => 'storage',
    'SoftLayer_Network_Vlan' => 'vlan',
];

/** A SoftLayer API error: becomes a SOAP fault whose faultcode is the exception class name, as the real API does. */
final class SoftLayerFault extends Exception
{
    public function __construct(public readonly string $faultCode, string $faultString)
    {
        parent::__construct($faultString);
    }
}

// ---------------------------------------------------------------------------------------------------------- paths

function sl_wsdl_dir(): string
{
    $dir = getenv('SOAPGEN_SOFTLAYER_WSDL_DIR') ?: __DIR__ . '/../../../wsdl/softlayer';
    $real = realpath($dir);
    if ($real === false || !is_file("$real/" . SL_TYPES_FILE)) {
        throw new RuntimeException("SoftLayer WSDL directory not found or without " . SL_TYPES_FILE . ": $dir (set SOAPGEN_SOFTLAYER_WSDL_DIR)");
    }
    return $real;
}

/** The state file: SOAPGEN_SOFTLAYER_STATE is a directory (default the system temp dir) or a *.json file path. */
function sl_state_file(): string
{
    $where = getenv('SOAPGEN_SOFTLAYER_STATE') ?: sys_get_temp_dir();
    if (str_ends_with($where, '.json')) return $where;
    $port = (int)($_SERVER['SERVER_PORT'] ?? 0);
    return rtrim($where, '/') . "/soapgen-softlayer-$port.json";
}

/**
 * A temp copy of the service's WSDL whose xsd:include points at the local SoftLayer_Types.xsd (no network), plus the
 * operation index; both under a directory named after the inputs' size and mtime, so an edited WSDL gets a new copy.
 * Returns [wsdl copy path, cache dir].
 */
function sl_local_wsdl(string $service): array
{
    $dir = sl_wsdl_dir();
    $wsdl = "$dir/$service.wsdl";
    $xsd = "$dir/" . SL_TYPES_FILE;
    if (!is_file($wsdl)) throw new RuntimeException("no WSDL for $service in $dir");
    $key = substr(sha1(implode('|', [$wsdl, filesize($wsdl), filemtime($wsdl), $xsd, filesize($xsd), filemtime($xsd)])), 0, 16);
    $cache = sys_get_temp_dir() . "/soapgen-softlayer-wsdl-$key";
    $copy = "$cache/$service.wsdl";
    if (!is_file($copy)) {
        @mkdir($cache, 0700, true);
        $text = (string)file_get_contents($wsdl);
        $local = preg_replace('~schemaLocation="[^"]*\?xsd"~', 'schemaLocation="' . htmlspecialchars($xsd, ENT_XML1 | ENT_QUOTES) . '"', $text, 1);
        $tmp = "$copy." . getmypid() . '.tmp';
        file_put_contents($tmp, $local);
        rename($tmp, $copy); // atomic: concurrent workers never see half a file
    }
    return [$copy, $cache];
}

/**
 * name => ['init' => bool (takes <Service>InitParameters: not static), 'limitable' => bool (totalItems output header),
 *          'maskable' => bool, 'filterable' => bool, 'parts' => [names], 'return' => type QName or null, 'array' => bool]
 * read from the WSDL's binding and messages (cached as JSON next to the WSDL copy).
 */
function sl_operations(string $service): array
{
    [$copy, $cache] = sl_local_wsdl($service);
    $index = "$cache/$service.ops.json";
    if (is_file($index)) {
        $ops = json_decode((string)file_get_contents($index), true);
        if (is_array($ops)) return $ops;
    }
    $doc = new DOMDocument();
    $doc->load($copy, LIBXML_NONET);
    $xp = new DOMXPath($doc);
    $xp->registerNamespace('w', SL_WSDL_NS);
    $xp->registerNamespace('s', SL_WSDL_SOAP_NS);
    $messages = [];
    foreach ($xp->query('/w:definitions/w:message') as $m) {
        $parts = [];
        foreach ($xp->query('w:part', $m) as $p) $parts[$p->getAttribute('name')] = $p->getAttribute('type');
        $messages[$m->getAttribute('name')] = $parts;
    }
    $ops = [];
    foreach ($xp->query('/w:definitions/w:binding/w:operation') as $op) {
        $name = $op->getAttribute('name');
        $in = [];
        foreach ($xp->query('w:input/s:header', $op) as $h) $in[] = $h->getAttribute('part');
        $out = [];
        foreach ($xp->query('w:output/s:header', $op) as $h) $out[] = $h->getAttribute('part');
        $ret = $messages[$name . 'Response'] ?? [];
        $retType = $ret === [] ? null : (string)reset($ret);
        $ops[$name] = [
            'init' => in_array($service . 'InitParameters', $in, true),
            'limitable' => in_array('totalItems', $out, true),
            'maskable' => in_array('SoftLayer_ObjectMask', $in, true),
            'filterable' => in_array($service . 'ObjectFilter', $in, true),
            'parts' => array_keys($messages[$name] ?? []),
            'return' => $retType,
            'array' => $retType !== null && str_starts_with($retType, 'tns:') && str_ends_with($retType, 'Array'),
        ];
    }
    file_put_contents("$index." . getmypid(), json_encode($ops));
    rename("$index." . getmypid(), $index);
    return $ops;
}

// ---------------------------------------------------------------------------------------------------------- state

function sl_fresh_state(): array
{
    return [
        'tables' => softlayer_fixtures(),
        'nextId' => ['cancelRequest' => 17000001, 'cancelItem' => 18000001],
        'stats' => sl_fresh_stats(),
    ];
}

function sl_fresh_stats(): array
{
    return ['total' => 0, 'calls' => new stdClass(), 'faults' => new stdClass(), 'lastCall' => null, 'lastHeaders' => new stdClass(), 'cancellations' => []];
}

/** Runs $f(&$state) with the state file locked (php -S may run several workers); saves what $f leaves. */
function sl_with_state(callable $f): mixed
{
    $file = sl_state_file();
    $h = fopen($file, 'c+');
    if ($h === false) throw new RuntimeException("cannot open state file $file");
    try {
        flock($h, LOCK_EX);
        $raw = stream_get_contents($h);
        $state = $raw ? json_decode($raw, true) : null;
        if (!is_array($state) || !isset($state['tables'])) $state = sl_fresh_state();
        try {
            return $f($state);
        } finally {
            ftruncate($h, 0);
            rewind($h);
            fwrite($h, json_encode($state, JSON_UNESCAPED_SLASHES));
            fflush($h);
            flock($h, LOCK_UN);
        }
    } finally {
        fclose($h);
    }
}

// ---------------------------------------------------------------------------------------------------------- headers

/**
 * The SoftLayer headers of a raw SOAP request, matched by local name in any namespace (SoapServer cannot bind them:
 * the WSDL's soap:headers have no namespace attribute). Multi-ref (href="#id") values are followed.
 * Returns ['names' => [local names present], 'authenticate' => ?[username, apiKey], 'init' => ?[id, globalIdentifier],
 *          'objectMask' => ?string (SoftLayer_ObjectMask/mask), 'serviceMask' => ?tree (<Service>ObjectMask/mask),
 *          'filter' => ?tree (<Service>ObjectFilter), 'resultLimit' => ?[limit, offset]].
 */
function sl_read_headers(string $raw, string $service): array
{
    $out = ['names' => [], 'authenticate' => null, 'init' => null, 'objectMask' => null, 'serviceMask' => null, 'filter' => null, 'resultLimit' => null];
    if ($raw === '') return $out;
    $doc = new DOMDocument();
    if (!@$doc->loadXML($raw, LIBXML_NONET)) return $out;
    $xp = new DOMXPath($doc);
    $xp->registerNamespace('e', SL_SOAP_ENV);
    $ids = [];
    foreach ($xp->query('//*[@id]') as $el) $ids[$el->getAttribute('id')] = $el;
    foreach ($xp->query('/e:Envelope/e:Header/*') as $h) {
        /** @var DOMElement $h */
        $h = sl_deref($h, $ids);
        $name = $h->localName;
        $out['names'][] = $name;
        switch ($name) {
            case 'authenticate':
                $out['authenticate'] = ['username' => sl_child_text($h, 'username', $ids), 'apiKey' => sl_child_text($h, 'apiKey', $ids)];
                break;
            case $service . 'InitParameters':
                $out['init'] = ['id' => sl_child_text($h, 'id', $ids), 'globalIdentifier' => sl_child_text($h, 'globalIdentifier', $ids)];
                break;
            case 'SoftLayer_ObjectMask':
                $out['objectMask'] = sl_child_text($h, 'mask', $ids);
                break;
            case $service . 'ObjectMask':
                $mask = sl_child($h, 'mask', $ids);
                $out['serviceMask'] = $mask === null ? [] : sl_mask_tree_from_xml($mask, $ids);
                break;
            case $service . 'ObjectFilter':
                $tree = sl_xml_to_tree($h, $ids);
                $out['filter'] = is_array($tree) ? $tree : [];
                break;
            case 'resultLimit':
                $limit = sl_child_text($h, 'limit', $ids);
                $offset = sl_child_text($h, 'offset', $ids);
                $out['resultLimit'] = ['limit' => $limit === null ? null : (int)$limit, 'offset' => $offset === null ? 0 : (int)$offset];
                break;
        }
    }
    return $out;
}

function sl_deref(DOMElement $el, array $ids): DOMElement
{
    for ($i = 0; $i < 10 && $el->hasAttribute('href'); $i++) {
        $target = $ids[ltrim($el->getAttribute('href'), '#')] ?? null;
        if (!$target instanceof DOMElement) break;
        $el = $target;
    }
    return $el;
}

function sl_child(DOMElement $parent, string $localName, array $ids): ?DOMElement
{
    foreach ($parent->childNodes as $c) {
        if ($c instanceof DOMElement && $c->localName === $localName) return sl_deref($c, $ids);
    }
    return null;
}

function sl_is_nil(DOMElement $el): bool
{
    $nil = $el->getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'nil');
    return $nil === 'true' || $nil === '1';
}

function sl_child_text(DOMElement $parent, string $localName, array $ids): ?string
{
    $c = sl_child($parent, $localName, $ids);
    return $c === null || sl_is_nil($c) ? null : $c->textContent;
}

/** Element tree -> nested array: children by local name (repeated names -> list; SOAP-ENC array items merged), leaf -> text. */
function sl_xml_to_tree(DOMElement $el, array $ids): array|string|null
{
    if (sl_is_nil($el)) return null;
    $children = [];
    foreach ($el->childNodes as $c) {
        if ($c instanceof DOMElement) $children[] = sl_deref($c, $ids);
    }
    if ($children === []) return $el->textContent;
    $tree = [];
    foreach ($children as $c) {
        $value = sl_xml_to_tree($c, $ids);
        $name = $c->localName;
        if (!array_key_exists($name, $tree)) {
            $tree[$name] = $value;
        } elseif (is_array($tree[$name]) && array_is_list($tree[$name])) {
            $tree[$name][] = $value;
        } else {
            $tree[$name] = [$tree[$name], $value];
        }
    }
    return $tree;
}

/** <mask><hardware><billingItem/></hardware></mask> (an object of the service type used as a mask) -> mask tree. */
function sl_mask_tree_from_xml(DOMElement $el, array $ids): array
{
    $tree = [];
    foreach ($el->childNodes as $c) {
        if (!$c instanceof DOMElement) continue;
        $c = sl_deref($c, $ids);
        $sub = sl_mask_tree_from_xml($c, $ids);
        if ($c->localName === 'item') { // a SOAP-ENC array property: its items' masks apply to the property
            $tree = sl_mask_merge($tree, $sub);
            continue;
        }
        $tree[$c->localName] = sl_mask_merge($tree[$c->localName] ?? [], $sub);
    }
    return $tree;
}

// ---------------------------------------------------------------------------------------------------------- masks

/**
 * Object mask string -> tree [property => subtree]. Accepts "mask[id,billingItem[id]]", "[id,billingItem]",
 * "id,billingItem.id", "mask.billingItem.id" and "mask(SoftLayer_Hardware_Server)[id]" (the type cast is ignored).
 */
function sl_parse_mask(string $mask): array
{
    $s = trim($mask);
    if ($s === '') return [];
    $pos = 0;
    if (preg_match('/^(filteredMask|mask)\s*(\([A-Za-z_]+\))?\s*/', $s, $m)) {
        $pos = strlen($m[0]);
        if (($s[$pos] ?? '') === '.') $pos++;
    }
    if (($s[$pos] ?? '') === '[') {
        $pos++;
        $tree = sl_parse_mask_list($s, $pos, ']');
        $pos++;
    } else {
        $tree = sl_parse_mask_list($s, $pos, '');
    }
    return $tree;
}

function sl_parse_mask_list(string $s, int &$pos, string $close): array
{
    $tree = [];
    $n = strlen($s);
    while ($pos < $n) {
        while ($pos < $n && ($s[$pos] === ' ' || $s[$pos] === ',' || $s[$pos] === "\n" || $s[$pos] === "\t")) $pos++;
        if ($pos >= $n || ($close !== '' && $s[$pos] === $close)) break;
        [$name, $sub] = sl_parse_mask_item($s, $pos);
        if ($name === '') {
            throw new SoftLayerFault('SoftLayer_Exception_Public', "Invalid object mask: unexpected '" . ($s[$pos] ?? '') . "' at offset $pos.");
        }
        $tree[$name] = sl_mask_merge($tree[$name] ?? [], $sub);
    }
    if ($close !== '' && ($s[$pos] ?? '') !== $close) {
        throw new SoftLayerFault('SoftLayer_Exception_Public', "Invalid object mask: missing '$close'.");
    }
    return $tree;
}

function sl_parse_mask_item(string $s, int &$pos): array
{
    preg_match('/\G[A-Za-z_][A-Za-z0-9_]*/', $s, $m, 0, $pos);
    $name = $m[0] ?? '';
    $pos += strlen($name);
    if (preg_match('/\G\([A-Za-z_]+\)/', $s, $cast, 0, $pos)) $pos += strlen($cast[0]);
    $sub = [];
    $c = $s[$pos] ?? '';
    if ($c === '[') {
        $pos++;
        $sub = sl_parse_mask_list($s, $pos, ']');
        $pos++;
    } elseif ($c === '.') {
        $pos++;
        [$child, $childSub] = sl_parse_mask_item($s, $pos);
        if ($child !== '') $sub = [$child => $childSub];
    }
    return [$name, $sub];
}

function sl_mask_merge(array $a, array $b): array
{
    foreach ($b as $k => $v) $a[$k] = sl_mask_merge($a[$k] ?? [], $v);
    return $a;
}

/**
 * The record as the client sees it, masked. $mask null or [] = no property named at this level: every local property;
 * relational properties only when named. A mask naming at least one local property at a level returns exactly the
 * named properties there. Cancelled billing items are gone from their owners. Returns a nested array with '_type'.
 */
function sl_view(array $state, string $table, int|string $id, ?array $mask, bool $direct = false, int $depth = 0): ?array
{
    $rec = $state['tables'][$table][$id] ?? null;
    if ($rec === null || $depth > 8) return null;
    if (!$direct && !empty($rec['_cancelled'])) return null;
    $mask ??= [];
    $locals = array_filter($rec, fn($k) => is_string($k) && $k[0] !== '_' && $k[0] !== '@', ARRAY_FILTER_USE_KEY);
    $namesLocal = false;
    foreach (array_keys($mask) as $name) {
        if (!array_key_exists('@' . $name, $rec) && sl_count_target($rec, (string)$name) === null) $namesLocal = true;
    }
    $out = ['_type' => $rec['_type']];
    foreach ($locals as $k => $v) {
        if (!$namesLocal || array_key_exists($k, $mask)) $out[$k] = $v;
    }
    foreach ($mask as $name => $sub) {
        $name = (string)$name;
        if (array_key_exists('@' . $name, $rec)) {
            $value = sl_resolve($state, $rec['@' . $name], $sub, $depth + 1);
            if ($value !== null) $out[$name] = $value;
        } elseif (($target = sl_count_target($rec, $name)) !== null) {
            $out[$name] = count(sl_resolve($state, $rec['@' . $target], [], $depth + 1) ?? []);
        }
    }
    return $out;
}

/** hardwareCount -> hardware, virtualGuestCount -> virtualGuests, cdnAccountCount -> cdnAccounts (an array relation). */
function sl_count_target(array $rec, string $name): ?string
{
    if (!str_ends_with($name, 'Count')) return null;
    $base = substr($name, 0, -5);
    foreach ([$base, $base . 's', $base . 'es', preg_replace('/y$/', 'ies', $base)] as $candidate) {
        $rel = $rec['@' . $candidate] ?? null;
        if (is_array($rel) && is_array($rel[1] ?? null)) return $candidate;
    }
    return null;
}

/**
 * A relation value (['table', id] / ['table', [ids]] / null; a third element true keeps cancelled billing items, as
 * a cancellation request item does) -> view(s); null when there is nothing.
 */
function sl_resolve(array $state, ?array $rel, ?array $mask, int $depth): ?array
{
    if ($rel === null) return null;
    [$table, $ref] = $rel;
    $keepCancelled = (bool)($rel[2] ?? false);
    if (is_array($ref)) {
        $list = [];
        foreach ($ref as $id) {
            $v = sl_view($state, $table, $id, $mask, $keepCancelled, $depth);
            if ($v !== null) $list[] = $v;
        }
        return $list;
    }
    return $ref === null ? null : sl_view($state, $table, $ref, $mask, $keepCancelled, $depth);
}

/** The records an array relation points at (unmasked, cancelled ones left out): [[table, id, record], ...]. */
function sl_targets(array $state, ?array $rel): array
{
    if ($rel === null) return [];
    [$table, $ref] = $rel;
    $keepCancelled = (bool)($rel[2] ?? false);
    $out = [];
    foreach (is_array($ref) ? $ref : [$ref] as $id) {
        $r = $state['tables'][$table][$id] ?? null;
        if ($r !== null && ($keepCancelled || empty($r['_cancelled']))) $out[] = [$table, $id, $r];
    }
    return $out;
}

/** Nested view arrays -> what SoapServer encodes: objects as SoapVar of their own type (xsi:type), lists as arrays. */
function sl_encode(mixed $v): mixed
{
    if (!is_array($v)) return $v;
    if (array_is_list($v)) return array_map('sl_encode', $v);
    $type = $v['_type'] ?? null;
    unset($v['_type']);
    $o = new stdClass();
    foreach ($v as $k => $x) $o->$k = sl_encode($x);
    return $type === null ? $o : new SoapVar($o, SOAP_ENC_OBJECT, $type, SL_TNS);
}

// ---------------------------------------------------------------------------------------------------------- filters

/**
 * Does the record satisfy the filter tree (the part of the object filter for its level)? A node holding 'operation'
 * tests the property; any other node descends into a relational property (an array relation: any item may match).
 */
function sl_filter_match(array $state, array $rec, array $filter): bool
{
    foreach ($filter as $prop => $cond) {
        $prop = (string)$prop;
        if (!is_array($cond)) $cond = ['operation' => $cond];
        if (array_key_exists('operation', $cond)) {
            $value = $rec[$prop] ?? null;
            if (array_key_exists('@' . $prop, $rec)) {
                $value = sl_targets($state, $rec['@' . $prop]) === [] ? null : true;
            }
            if (!sl_operation_match($value, is_string($cond['operation']) ? $cond['operation'] : '', $cond['options'] ?? null)) return false;
            continue;
        }
        if (!array_key_exists('@' . $prop, $rec)) return false; // a nested filter on something that is not a relation
        $any = false;
        foreach (sl_targets($state, $rec['@' . $prop]) as [, , $target]) {
            if (sl_filter_match($state, $target, $cond)) { $any = true; break; }
        }
        if (!$any) return false;
    }
    return true;
}

/**
 * SoftLayer's filter operations: a bare value (exact match), "_= v" (equal, case-insensitive), "!= v", "*= v" / "~ v"
 * (contains), "!~ v" (does not contain), "^= v" (begins with), "$= v" (ends with), "> v", "< v", ">= v", "<= v",
 * "is null", "not null", and "in" with options [{name: data, value: [...]}].
 */
function sl_operation_match(mixed $value, string $operation, mixed $options): bool
{
    $op = trim($operation);
    if (strcasecmp($op, 'is null') === 0) return $value === null;
    if (strcasecmp($op, 'not null') === 0) return $value !== null;
    if ($value === null) return false;
    $v = is_bool($value) ? ($value ? '1' : '0') : (string)$value;
    if (strcasecmp($op, 'in') === 0) {
        $data = [];
        foreach (is_array($options) ? (array_is_list($options) ? $options : [$options]) : [] as $o) {
            if (is_array($o) && ($o['name'] ?? '') === 'data') $data = array_merge($data, (array)($o['value'] ?? []));
        }
        return in_array($v, array_map('strval', $data), true);
    }
    if (preg_match('/^(\*=|\^=|\$=|_=|!=|!~|~|>=|<=|>|<)\s*(.*)$/s', $op, $m)) {
        [$sym, $arg] = [$m[1], $m[2]];
        $lv = strtolower($v);
        $la = strtolower($arg);
        $numeric = is_numeric($v) && is_numeric($arg);
        return match ($sym) {
            '_=' => $lv === $la,
            '!=' => $lv !== $la,
            '*=', '~' => str_contains($lv, $la),
            '!~' => !str_contains($lv, $la),
            '^=' => str_starts_with($lv, $la),
            '$=' => str_ends_with($lv, $la),
            '>' => $numeric ? (float)$v > (float)$arg : strcmp($v, $arg) > 0,
            '<' => $numeric ? (float)$v < (float)$arg : strcmp($v, $arg) < 0,
            '>=' => $numeric ? (float)$v >= (float)$arg : strcmp($v, $arg) >= 0,
            '<=' => $numeric ? (float)$v <= (float)$arg : strcmp($v, $arg) <= 0,
        };
    }
    if (is_bool($value)) return in_array(strtolower($op), $value ? ['1', 'true'] : ['0', 'false'], true);
    return is_numeric($v) && is_numeric($op) ? (float)$v == (float)$op : $v === $op;
}

// ---------------------------------------------------------------------------------------------------------- operations

/**
 * One SOAP call, after SoapServer decoded the body: checks the headers, finds the init object, dispatches.
 * Returns [result (view arrays / scalars), totalItems or null]. Throws SoftLayerFault.
 */
function sl_call(array &$state, string $service, string $method, array $op, array $args, array $headers): array
{
    $auth = $headers['authenticate'];
    if ($auth === null || $auth['username'] !== SL_USERNAME || $auth['apiKey'] !== SL_API_KEY) {
        throw new SoftLayerFault('SoftLayer_Exception_InvalidLegacyToken', 'Invalid API token.');
    }
    $table = SL_SERVICES[$service];
    $id = null;
    if ($op['init']) {
        $init = $headers['init'];
        if ($init === null || (($init['id'] ?? '') === '' && $init['globalIdentifier'] === null)) {
            throw new SoftLayerFault('SoftLayer_Exception_MissingInitParameter', "Object does not exist to execute method on. ($service::$method)");
        }
        $id = sl_find_init($state, $table, $init);
        if ($id === null) {
            $shown = ($init['globalIdentifier'] ?? '') !== '' && in_array(trim((string)$init['id']), ['', '0'], true) ? $init['globalIdentifier'] : $init['id'];
            throw new SoftLayerFault('SoftLayer_Exception_ObjectNotFound', sprintf("Unable to find object with id of '%s'.", $shown));
        }
    } elseif ($service === 'SoftLayer_Account') {
        $id = SL_ACCOUNT_ID; // every SoftLayer_Account method is static: the caller's own account
    }

    // The mask for what this call returns: SoftLayer_ObjectMask (relative to the returned type) merged with the
    // legacy <Service>ObjectMask (an object of the service type: for a getter, its property's subtree applies).
    $mask = null;
    if ($headers['objectMask'] !== null) $mask = sl_parse_mask($headers['objectMask']);
    $getterProp = sl_getter_property($method);
    if ($headers['serviceMask'] !== null) {
        $legacy = $headers['serviceMask'];
        if ($method !== 'getObject' && $getterProp !== null && array_key_exists($getterProp, $legacy)) $legacy = $legacy[$getterProp];
        $mask = sl_mask_merge($mask ?? [], $legacy);
    }

    $handler = "sl_op_{$service}__{$method}";
    if (function_exists($handler)) {
        $result = $handler($state, $id, $args, $mask);
    } elseif ($method === 'getObject' && $id !== null) {
        $result = sl_view($state, $table, $id, $mask, true);
    } elseif ($getterProp !== null && $op['parts'] === [] && $id !== null) {
        // A relational property getter (or a scalar relational property kept as a plain field).
        $rec = $state['tables'][$table][$id];
        if (array_key_exists('@' . $getterProp, $rec)) {
            $rel = $rec['@' . $getterProp];
            $result = $op['array']
                ? new SlRefs(array_map(fn(array $t) => [$t[0], $t[1]], sl_targets($state, $rel)))
                : sl_resolve($state, $rel, $mask, 1);
        } elseif (array_key_exists($getterProp, $rec)) {
            $result = $rec[$getterProp];
        } else {
            $result = $op['array'] ? new SlRefs([]) : null; // a property this test server has no data for
        }
    } else {
        throw new SoftLayerFault('SoftLayer_Exception_Public', "$service::$method is not implemented by the SoapGen test server.");
    }
    if ($result instanceof SlRefs) {
        [$result, $total] = sl_list_result($state, $result->refs, $mask, $headers, $getterProp);
        return [$result, $op['limitable'] ? $total : null];
    }
    return [$result, $op['limitable'] && is_array($result) && array_is_list($result) ? count($result) : null];
}

/** A list result of an operation: [[table, id], ...], before filter, limit and mask. */
final class SlRefs
{
    public function __construct(public readonly array $refs) {}
}

/** getHardware -> hardware, getCdnAccounts -> cdnAccounts; null for a name that is not get<Property>. */
function sl_getter_property(string $method): ?string
{
    if (!preg_match('/^get([A-Z].*)$/', $method, $m)) return null;
    return lcfirst($m[1]);
}

/** A list result ([[table, id], ...]): object filter, then resultLimit, then the mask. Returns [views, totalItems]. */
function sl_list_result(array $state, array $refs, ?array $mask, array $headers, ?string $filterKey): array
{
    $filter = $headers['filter'];
    if ($filter !== null && $filterKey !== null && is_array($filter[$filterKey] ?? null)) {
        $filter = $filter[$filterKey];
    } elseif ($filter !== null && count($filter) === 1 && is_array(reset($filter))) {
        $filter = reset($filter); // the filter's top element names the property/collection: its content filters the items
    }
    $kept = [];
    foreach ($refs as [$table, $id]) {
        $rec = $state['tables'][$table][$id] ?? null;
        if ($rec === null) continue;
        if ($filter !== null && $filter !== [] && !sl_filter_match($state, $rec, $filter)) continue;
        $kept[] = [$table, $id];
    }
    $total = count($kept);
    $limit = $headers['resultLimit'];
    if ($limit !== null) {
        $kept = array_slice($kept, max(0, $limit['offset']), ($limit['limit'] ?? 0) > 0 ? $limit['limit'] : null);
    }
    $views = [];
    foreach ($kept as [$table, $id]) {
        $v = sl_view($state, $table, $id, $mask, true);
        if ($v !== null) $views[] = $v;
    }
    return [$views, $total];
}

/** The init object's id: by id, or by globalIdentifier when one is sent and the id is absent, empty or 0. */
function sl_find_init(array $state, string $table, array $init): ?int
{
    $idText = trim((string)($init['id'] ?? ''));
    $byGlobal = $init['globalIdentifier'] !== null && $init['globalIdentifier'] !== '' && ($idText === '' || $idText === '0');
    if (!$byGlobal) {
        if (!preg_match('/^-?\d+$/', $idText)) return null;
        $id = (int)$idText;
        return isset($state['tables'][$table][$id]) ? $id : null;
    }
    foreach ($state['tables'][$table] as $id => $rec) {
        if (($rec['globalIdentifier'] ?? null) === $init['globalIdentifier']) return (int)$id;
    }
    return null;
}

// Explicit methods (sl_op_<Service>__<method>($state, $id, $args, $mask)); everything else is generic (getObject,
// get<Property> getters).

function sl_op_SoftLayer_Billing_Item__cancelService(array &$state, int $id, array $args, ?array $mask): bool
{
    return sl_cancel_billing_item($state, $id, true, 'cancelService', []);
}

function sl_op_SoftLayer_Billing_Item__cancelServiceOnAnniversaryDate(array &$state, int $id, array $args, ?array $mask): bool
{
    return sl_cancel_billing_item($state, $id, false, 'cancelServiceOnAnniversaryDate', []);
}

/** cancelItem(cancelImmediately, cancelAssociatedBillingItems, reason, customerNote); all four may be absent. */
function sl_op_SoftLayer_Billing_Item__cancelItem(array &$state, int $id, array $args, ?array $mask): bool
{
    $details = [
        'cancelImmediately' => (bool)($args[0] ?? false),
        'cancelAssociatedBillingItems' => (bool)($args[1] ?? false),
        'reason' => isset($args[2]) ? (string)$args[2] : null,
        'customerNote' => isset($args[3]) ? (string)$args[3] : null,
    ];
    return sl_cancel_billing_item($state, $id, $details['cancelImmediately'], 'cancelItem', $details);
}

function sl_cancel_billing_item(array &$state, int $id, bool $immediate, string $how, array $details): bool
{
    $item = &$state['tables']['billing'][$id];
    if (!empty($item['_cancelled'])) {
        throw new SoftLayerFault('SoftLayer_Exception_Public', 'This billing item is already cancelled.');
    }
    if (($item['allowCancellationFlag'] ?? 1) !== 1) {
        throw new SoftLayerFault('SoftLayer_Exception_Public', 'This billing item cannot be cancelled.');
    }
    $item['_cancelled'] = true;
    $item['cancellationDate'] = $immediate ? sl_now() : $item['nextBillDate'];
    $state['stats']['cancellations'][] = ['billingItemId' => $id, 'how' => $how] + $details;
    return true;
}

/** createObject(templateObject {accountId, items[{billingItemId, immediateCancellationFlag}]}) -> the created request. */
function sl_op_SoftLayer_Billing_Item_Cancellation_Request__createObject(array &$state, ?int $id, array $args, ?array $mask): ?array
{
    $template = $args[0] ?? null;
    if (!is_object($template) && !is_array($template)) {
        throw new SoftLayerFault('SoftLayer_Exception_Public', 'A cancellation request template object is required.');
    }
    $template = (object)$template;
    if (!isset($template->accountId) || (int)$template->accountId !== SL_ACCOUNT_ID) {
        throw new SoftLayerFault('SoftLayer_Exception_Public', 'Invalid account id: ' . var_export($template->accountId ?? null, true) . '.');
    }
    $items = $template->items ?? [];
    if (is_object($items)) $items = [$items];
    if (!is_array($items) || $items === []) {
        throw new SoftLayerFault('SoftLayer_Exception_Public', 'At least one cancellation item is required.');
    }
    $now = sl_now();
    $itemIds = [];
    $checked = [];
    foreach ($items as $i => $it) {
        $it = (object)$it;
        $billingId = isset($it->billingItemId) ? (int)$it->billingItemId : 0;
        $bi = $state['tables']['billing'][$billingId] ?? null;
        if ($bi === null) {
            throw new SoftLayerFault('SoftLayer_Exception_ObjectNotFound', "Unable to find object with id of '$billingId'.");
        }
        if (!empty($bi['_cancelled']) || isset($checked[$billingId])) {
            throw new SoftLayerFault('SoftLayer_Exception_Public', "Billing item $billingId is already cancelled.");
        }
        if (!isset($it->immediateCancellationFlag)) {
            throw new SoftLayerFault('SoftLayer_Exception_Public', "Cancellation item $i: immediateCancellationFlag is required.");
        }
        $checked[$billingId] = (bool)$it->immediateCancellationFlag;
    }
    $requestId = $state['nextId']['cancelRequest']++; // only once the template is valid
    foreach ($checked as $billingId => $immediate) {
        sl_cancel_billing_item($state, $billingId, $immediate, 'Billing_Item_Cancellation_Request::createObject', ['cancellationRequestId' => $requestId]);
        $itemId = $state['nextId']['cancelItem']++;
        $state['tables']['cancelItem'][$itemId] = [
            '_type' => 'SoftLayer_Billing_Item_Cancellation_Request_Item',
            'id' => $itemId,
            'billingItemId' => $billingId,
            'cancellationRequestId' => $requestId,
            'immediateCancellationFlag' => $immediate,
            'scheduledCancellationDate' => $immediate ? $now : $state['tables']['billing'][$billingId]['nextBillDate'],
            '@billingItem' => ['billing', $billingId, true], // the cancelled item stays visible from its request
        ];
        $itemIds[] = $itemId;
    }
    $state['tables']['cancelRequest'][$requestId] = [
        '_type' => 'SoftLayer_Billing_Item_Cancellation_Request',
        'id' => $requestId,
        'accountId' => SL_ACCOUNT_ID,
        'billingCancelReasonId' => 1,
        'createDate' => $now,
        'modifyDate' => $now,
        'notes' => isset($template->notes) ? (string)$template->notes : null,
        'statusId' => 1,
        'ticketId' => 64000000 + ($requestId - 17000000),
        '@items' => ['cancelItem', $itemIds],
        '@account' => ['account', SL_ACCOUNT_ID],
    ];
    if ($state['tables']['cancelRequest'][$requestId]['notes'] === null) unset($state['tables']['cancelRequest'][$requestId]['notes']);
    // Without a mask the created request comes back with its items (what the seed prints).
    return sl_view($state, 'cancelRequest', $requestId, $mask ?? ['items' => []], true);
}

function sl_op_SoftLayer_Billing_Item_Cancellation_Request__getAllCancellationRequests(array &$state, ?int $id, array $args, ?array $mask): SlRefs
{
    $refs = [];
    foreach (array_keys($state['tables']['cancelRequest']) as $rid) $refs[] = ['cancelRequest', $rid];
    return new SlRefs($refs);
}

function sl_op_SoftLayer_Billing_Item_Cancellation_Request__validateBillingItemForCancellation(array &$state, ?int $id, array $args, ?array $mask): bool
{
    $billingId = (int)($args[0] ?? 0);
    $bi = $state['tables']['billing'][$billingId] ?? null;
    if ($bi === null) throw new SoftLayerFault('SoftLayer_Exception_ObjectNotFound', "Unable to find object with id of '$billingId'.");
    if (!empty($bi['_cancelled'])) throw new SoftLayerFault('SoftLayer_Exception_Public', 'This billing item is already cancelled.');
    return true;
}

function sl_now(): string
{
    return (new DateTimeImmutable('now', new DateTimeZone('America/Chicago')))->format('Y-m-d\TH:i:sP');
}
