<?php
// Smoke test of the SoftLayer test server: PHP SoapClients in WSDL mode (each service's ?wsdl=local, location
// overridden to the local server) run the eight cancel flows of seed 004, then the fault, mask, filter, result-limit,
// cancel-state and stats behaviour. Usage (server started first, see README.md):
//   php tests/servers/softlayer/smoke.php http://127.0.0.1:PORT [--print-raw]
// --print-raw prints one raw request + response pair (the README's wire example). Exit code 0 = "SMOKE OK".
declare(strict_types=1);

ini_set('display_errors', 'stderr');
error_reporting(E_ALL);
// PHP has been seen to crash with the in-memory WSDL cache on multi-MB WSDLs: no cache.
ini_set('soap.wsdl_cache_enabled', '0');

require_once __DIR__ . '/softlayer.php'; // constants (credentials, namespace) and fixtures, for the checks

$base = 'http://127.0.0.1:18101';
$printRaw = false;
foreach (array_slice($argv, 1) as $a) {
    if ($a === '--print-raw') $printRaw = true; else $base = rtrim($a, '/');
}

$fail = 0;
$checks = 0;
function check(bool $ok, string $what): void
{
    global $fail, $checks;
    $checks++;
    if (!$ok) {
        $fail++;
        echo "FAIL: $what\n";
    }
}

$get = function (string $path) use ($base): array {
    $body = @file_get_contents($base . $path);
    if ($body === false) {
        fwrite(STDERR, "cannot reach $base$path\n");
        exit(2);
    }
    return json_decode($body, true) ?? [];
};

/** @var array<string, SoapClient> $clients */
$clients = [];
function client(string $service): SoapClient
{
    global $clients, $base;
    return $clients[$service] ??= new SoapClient("$base/soap/v3.1/$service?wsdl=local", [
        'location' => "$base/soap/v3.1/$service",
        'trace' => true,
        'exceptions' => true,
        'cache_wsdl' => WSDL_CACHE_NONE,
        'features' => SOAP_SINGLE_ELEMENT_ARRAYS,
    ]);
}

function hdr(string $name, array $data): SoapHeader
{
    return new SoapHeader(SL_TNS, $name, new SoapVar((object)$data, SOAP_ENC_OBJECT, $name, SL_TNS));
}

/**
 * Calls $service::$method with the headers the Python client would send: authenticate, init id, mask, filter, limit.
 * Returns [result, output headers, client].
 */
function sl(string $service, string $method, array $args = [], ?int $id = null, ?string $mask = null, ?string $filterXml = null,
    ?array $limit = null, ?array $auth = null): array
{
    $c = client($service);
    $headers = [hdr('authenticate', $auth ?? ['username' => SL_USERNAME, 'apiKey' => SL_API_KEY])];
    if ($id !== null) $headers[] = hdr($service . 'InitParameters', ['id' => $id]);
    if ($mask !== null) $headers[] = hdr('SoftLayer_ObjectMask', ['mask' => $mask]);
    if ($filterXml !== null) {
        // XSD_ANYXML goes in verbatim: the header element itself is part of the string.
        $headers[] = new SoapHeader(SL_TNS, $service . 'ObjectFilter', new SoapVar(
            "<ns1:{$service}ObjectFilter xmlns:ns1=\"" . SL_TNS . "\">$filterXml</ns1:{$service}ObjectFilter>", XSD_ANYXML));
    }
    if ($limit !== null) $headers[] = hdr('resultLimit', $limit);
    $c->__setSoapHeaders($headers);
    $out = [];
    $result = $c->__soapCall($method, $args, null, null, $out);
    return [$result, $out, $c];
}

function fault(callable $f): ?SoapFault
{
    try {
        $f();
    } catch (SoapFault $e) {
        return $e;
    }
    return null;
}

function props(?object $o): array
{
    $p = $o === null ? [] : array_keys(get_object_vars($o));
    sort($p);
    return $p;
}

$reset = $get('/__control/reset');
check(($reset['reset'] ?? false) === true, '/__control/reset answers {"reset": true}');

// Every fixture field is a property of its type in SoftLayer_Types.xsd (with inheritance): no silent drops on the wire.
$xsd = new DOMDocument();
$xsd->load(sl_wsdl_dir() . '/' . SL_TYPES_FILE);
$xp = new DOMXPath($xsd);
$xp->registerNamespace('x', 'http://www.w3.org/2001/XMLSchema');
$typeProps = [];
$typeBase = [];
foreach ($xp->query('/x:schema/x:complexType') as $ct) {
    $n = $ct->getAttribute('name');
    $typeProps[$n] = [];
    foreach ($xp->query('.//x:element', $ct) as $el) $typeProps[$n][] = $el->getAttribute('name');
    $ext = $xp->query('x:complexContent/x:extension', $ct)->item(0);
    if ($ext) $typeBase[$n] = substr($ext->getAttribute('base'), 4);
}
$allProps = function (string $t) use ($typeProps, $typeBase): array {
    $out = [];
    for ($x = $t; $x !== null; $x = $typeBase[$x] ?? null) $out = array_merge($out, $typeProps[$x] ?? []);
    return $out;
};
foreach (softlayer_fixtures() as $table => $records) {
    foreach ($records as $id => $rec) {
        check(isset($typeProps[$rec['_type']]), "fixture $table/$id: type {$rec['_type']} is in the schema");
        $known = $allProps($rec['_type']);
        foreach (array_keys($rec) as $k) {
            if ($k[0] === '_') continue;
            check(in_array(ltrim($k, '@'), $known, true), "fixture $table/$id: {$rec['_type']} has a property " . ltrim($k, '@'));
        }
    }
}

// ------------------------------------------------------------------------------------------------ seed 004 flows
// 1. Cancel Virtual Guest Service: getBillingItem(mask=mask[id], id=12345678) -> cancelService(id=billingId['id']).
[$bi, , $vgClient] = sl('SoftLayer_Virtual_Guest', 'getBillingItem', [], 12345678, 'mask[id]');
check(props($bi) === ['id'] && $bi->id === 90000001, 'VG 12345678 getBillingItem(mask[id]) -> {id: 90000001}');
if ($printRaw) {
    echo "----- raw request (SoftLayer_Virtual_Guest::getBillingItem)\n", $vgClient->__getLastRequest(), "\n";
    echo "----- raw response\n", $vgClient->__getLastResponse(), "\n-----\n";
}
[$r] = sl('SoftLayer_Billing_Item', 'cancelService', [], $bi->id);
check($r === true, 'Billing_Item::cancelService(90000001) -> true');
[$bi2] = sl('SoftLayer_Virtual_Guest', 'getBillingItem', [], 12345678, 'mask[id]');
check($bi2 === null, 'after the cancel, VG 12345678 has no billing item (the seed: "already been canceled")');
$f = fault(fn() => sl('SoftLayer_Billing_Item', 'cancelService', [], 90000001));
check($f !== null && $f->faultcode === 'SoftLayer_Exception_Public' && $f->faultstring === 'This billing item is already cancelled.',
    'second cancelService -> SoftLayer_Exception_Public "This billing item is already cancelled."');
[$item] = sl('SoftLayer_Billing_Item', 'getObject', [], 90000001);
check(is_object($item) && isset($item->cancellationDate), 'Billing_Item::getObject of the cancelled item shows its cancellationDate');

// 2. Cancel server by private IP: getHardware(mask=mask[billingItem]) -> cancelItem(id=billingItem.id) for 10.48.66.132, 2.2.2.2.
$ipsToCancel = ['10.48.66.132', '2.2.2.2'];
[$servers] = sl('SoftLayer_Account', 'getHardware', [], null, 'mask[billingItem]');
check(is_array($servers) && count($servers) === 4, 'Account::getHardware -> 4 servers');
$cancelled = [];
foreach ($servers as $server) {
    if (isset($server->primaryBackendIpAddress) && in_array($server->primaryBackendIpAddress, $ipsToCancel, true) && isset($server->billingItem)) {
        check(isset($server->billingItem->categoryCode), 'mask[billingItem] returns the billing item with its local properties');
        [$r] = sl('SoftLayer_Billing_Item', 'cancelItem', [], $server->billingItem->id); // cancelItem(id=...) without arguments
        check($r === true, "cancelItem({$server->billingItem->id}) -> true");
        $cancelled[] = $server->billingItem->id;
    }
}
sort($cancelled);
check($cancelled === [90000011, 90000012], 'the servers at 10.48.66.132 and 2.2.2.2 were found and cancelled: ' . json_encode($cancelled));
check(isset($servers[3]) && !isset($servers[3]->primaryBackendIpAddress) && !isset($servers[3]->billingItem), 'spare01 has neither backend IP nor billing item');
[$servers] = sl('SoftLayer_Account', 'getHardware', [], null, 'mask[billingItem]');
$withBilling = array_values(array_filter($servers, fn($s) => isset($s->billingItem)));
check(count($withBilling) === 1 && $withBilling[0]->billingItem->id === 90000013, 'after the cancels only app01 still has a billing item');

// 3. Cancel Load Balancer: VIP getObject(mask) -> Billing_Item_Cancellation_Request::createObject(template).
$lbMask = 'mask[accountId, dedicatedFlag, dedicatedBillingItem[id], billingItem[id]]';
$lbService = 'SoftLayer_Network_Application_Delivery_Controller_LoadBalancer_VirtualIpAddress';
[$lb] = sl($lbService, 'getObject', [], 109225, $lbMask);
check(props($lb) === ['accountId', 'billingItem', 'dedicatedFlag'] && $lb->dedicatedFlag === false && $lb->accountId === SL_ACCOUNT_ID
    && props($lb->billingItem) === ['id'], 'VIP 109225 getObject(mask) -> exactly accountId, dedicatedFlag=false, billingItem{id}: ' . json_encode($lb));
$billingItemId = $lb->dedicatedFlag ? $lb->dedicatedBillingItem->id : $lb->billingItem->id;
$template = ['accountId' => $lb->accountId, 'items' => [['billingItemId' => $billingItemId, 'immediateCancellationFlag' => true]]];
[$req] = sl('SoftLayer_Billing_Item_Cancellation_Request', 'createObject', [(object)$template]);
check(is_object($req) && $req->id === 17000001 && $req->accountId === SL_ACCOUNT_ID && isset($req->createDate)
    && count($req->items) === 1 && $req->items[0]->billingItemId === 90000021 && $req->items[0]->immediateCancellationFlag === true
    && $req->items[0]->id === 18000001, 'createObject -> request 17000001 with item 18000001 for billing item 90000021: ' . json_encode($req));
[$got] = sl('SoftLayer_Billing_Item_Cancellation_Request', 'getObject', [], 17000001, 'mask[id,items[billingItem[id,cancellationDate]]]');
check(props($got) === ['id', 'items'] && $got->items[0]->billingItem->id === 90000021 && isset($got->items[0]->billingItem->cancellationDate),
    'Cancellation_Request::getObject(17000001): its item still shows the cancelled billing item with cancellationDate');
[$lb] = sl($lbService, 'getObject', [], 109225, $lbMask);
check(!isset($lb->billingItem), 'after the cancellation request VIP 109225 has no billing item');
[$lb2] = sl($lbService, 'getObject', [], 109226, $lbMask);
check($lb2->dedicatedFlag === true && $lb2->dedicatedBillingItem->id === 90000023, 'dedicated VIP 109226 -> dedicatedBillingItem 90000023');
$f = fault(fn() => sl('SoftLayer_Billing_Item_Cancellation_Request', 'createObject', [(object)$template]));
check($f !== null && $f->faultcode === 'SoftLayer_Exception_Public', 'a second request for the same billing item -> SoftLayer_Exception_Public');
$f = fault(fn() => sl('SoftLayer_Billing_Item_Cancellation_Request', 'createObject', [(object)['accountId' => 99, 'items' => $template['items']]]));
check($f !== null && $f->faultcode === 'SoftLayer_Exception_Public' && str_contains($f->faultstring, 'account'), 'a wrong accountId -> SoftLayer_Exception_Public');

// 4. Cancel Global IP: Network_Subnet getGlobalIpRecord(id=880617, mask) -> cancelItem(False, False, reason, note).
[$g] = sl('SoftLayer_Network_Subnet', 'getGlobalIpRecord', [], 880617, 'mask[id,billingItem[id]]');
check(props($g) === ['billingItem', 'id'] && $g->id === 880617 && $g->billingItem->id === 90000031, 'getGlobalIpRecord(880617, mask[id,billingItem[id]]) -> {id, billingItem{id: 90000031}}');
[$r, , $biClient] = sl('SoftLayer_Billing_Item', 'cancelItem', [false, false, 'No longer needed', 'Api test'], $g->billingItem->id);
check($r === true, 'cancelItem(False, False, "No longer needed", "Api test") on 90000031 -> true');

// 5. Cancel CDN: Account getCdnAccounts(filter cdnAccounts.cdnAccountName.operation = "14793", mask[billingItem]) -> createObject.
$cdnFilter = '<cdnAccounts><cdnAccountName><operation>14793</operation></cdnAccountName></cdnAccounts>';
[$cdns] = sl('SoftLayer_Account', 'getCdnAccounts', [], null, 'mask[billingItem]', $cdnFilter);
check(count($cdns) === 1 && $cdns[0]->cdnAccountName === '14793' && $cdns[0]->billingItem->id === 90000041 && $cdns[0]->accountId === SL_ACCOUNT_ID,
    'getCdnAccounts(filter 14793) -> only CDN 14793, with accountId and billingItem 90000041');
[$req] = sl('SoftLayer_Billing_Item_Cancellation_Request', 'createObject', [(object)[
    'accountId' => $cdns[0]->accountId,
    'items' => [(object)['billingItemId' => $cdns[0]->billingItem->id, 'immediateCancellationFlag' => true]],
]]);
check($req->id === 17000002 && $req->items[0]->billingItemId === 90000041, 'createObject for the CDN -> request 17000002');
[$all] = sl('SoftLayer_Account', 'getCdnAccounts');
check(count($all) === 3 && !isset($all[0]->billingItem), 'getCdnAccounts without filter -> all 3, without mask no billingItem');
[$contains] = sl('SoftLayer_Account', 'getCdnAccounts', [], null, null, '<cdnAccounts><cdnAccountName><operation>*= 14793</operation></cdnAccountName></cdnAccounts>');
check(count($contains) === 2, 'filter "*= 14793" (contains) -> 2 CDN accounts');
[$none] = sl('SoftLayer_Account', 'getCdnAccounts', [], null, null, '<cdnAccounts><cdnAccountName><operation>nope</operation></cdnAccountName></cdnAccounts>');
check($none === [], 'a filter nothing matches -> empty array (the seed: "does not exist in the account")');
[$in] = sl('SoftLayer_Account', 'getHardware', [], null, 'mask[hostname]',
    '<hardware><hostname><operation>in</operation><options><name>data</name><value>web01</value><value>db01</value></options></hostname></hardware>');
check(array_map(fn($h) => $h->hostname, $in) === ['web01', 'db01'], 'filter operation "in" with options data [web01, db01]');
[$byBilling] = sl('SoftLayer_Account', 'getHardware', [], null, null, '<hardware><billingItem><id><operation>90000013</operation></id></billingItem></hardware>');
check(count($byBilling) === 1 && $byBilling[0]->hostname === 'app01', 'nested filter hardware.billingItem.id = 90000013 -> app01');

// 6. Cancel Storage Volume: Network_Storage getObject(mask[billingItem], id=4471311) -> cancelService.
[$st] = sl('SoftLayer_Network_Storage', 'getObject', [], 4471311, 'mask[billingItem]');
check($st->username === 'SL01SEL1234-1' && $st->billingItem->id === 90000051, 'Network_Storage 4471311 getObject(mask[billingItem]) -> locals + billingItem 90000051');
[$r] = sl('SoftLayer_Billing_Item', 'cancelService', [], $st->billingItem->id);
check($r === true, 'cancelService(90000051) -> true');

// 7. Cancel Subnet: Network_Subnet getBillingItem(id=85467) -> cancelItem(False, False, reason, note).
[$sbi] = sl('SoftLayer_Network_Subnet', 'getBillingItem', [], 85467);
check($sbi->id === 90000061 && isset($sbi->categoryCode) && !isset($sbi->account), 'Subnet 85467 getBillingItem() -> 90000061, local properties only');
[$r] = sl('SoftLayer_Billing_Item', 'cancelItem', [false, false, 'No longer needed', 'Api test'], $sbi->id);
check($r === true, 'cancelItem on 90000061 -> true');

// 8. Cancel VLAN: Network_Vlan getObject(mask[billingItem], id=563298) -> cancelService.
[$vlan] = sl('SoftLayer_Network_Vlan', 'getObject', [], 563298, 'mask[billingItem]');
check($vlan->vlanNumber === 1234 && $vlan->billingItem->id === 90000071, 'VLAN 563298 getObject(mask[billingItem]) -> billingItem 90000071');
[$r] = sl('SoftLayer_Billing_Item', 'cancelService', [], $vlan->billingItem->id);
check($r === true, 'cancelService(90000071) -> true');

// ------------------------------------------------------------------------------------------------ faults
$f = fault(fn() => sl('SoftLayer_Account', 'getObject', [], null, null, null, null, ['username' => SL_USERNAME, 'apiKey' => 'wrong']));
check($f !== null && $f->faultcode === 'SoftLayer_Exception_InvalidLegacyToken' && $f->faultstring === 'Invalid API token.', 'wrong apiKey -> SoftLayer_Exception_InvalidLegacyToken "Invalid API token."');
$raw = client('SoftLayer_Account')->__getLastResponse();
check(str_contains($raw, '<faultcode>SoftLayer_Exception_InvalidLegacyToken</faultcode>'), 'the fault XML carries the bare faultcode');
$f = fault(fn() => sl('SoftLayer_Account', 'getObject', [], null, null, null, null, ['username' => 'someone', 'apiKey' => SL_API_KEY]));
check($f !== null && $f->faultcode === 'SoftLayer_Exception_InvalidLegacyToken', 'wrong username -> SoftLayer_Exception_InvalidLegacyToken');
$c = client('SoftLayer_Account');
$c->__setSoapHeaders(null);
$f = fault(fn() => $c->getObject());
check($f !== null && $f->faultcode === 'SoftLayer_Exception_InvalidLegacyToken', 'no authenticate header -> SoftLayer_Exception_InvalidLegacyToken');
$f = fault(fn() => sl('SoftLayer_Virtual_Guest', 'getObject', [], 999));
check($f !== null && $f->faultcode === 'SoftLayer_Exception_ObjectNotFound' && $f->faultstring === "Unable to find object with id of '999'.",
    "unknown id -> SoftLayer_Exception_ObjectNotFound \"Unable to find object with id of '999'.\"");
$f = fault(fn() => sl('SoftLayer_Virtual_Guest', 'getObject'));
check($f !== null && $f->faultcode === 'SoftLayer_Exception_MissingInitParameter', 'instance method without init parameters -> SoftLayer_Exception_MissingInitParameter');
$f = fault(fn() => sl('SoftLayer_Virtual_Guest', 'getObject', [], 12345678, 'mask[id,billingItem[id]'));
check($f !== null && $f->faultcode === 'SoftLayer_Exception_Public' && str_contains($f->faultstring, 'mask'), 'an unbalanced mask -> SoftLayer_Exception_Public');
$f = fault(fn() => sl('SoftLayer_Virtual_Guest', 'rebootSoft', [], 12345678));
check($f !== null && $f->faultcode === 'SoftLayer_Exception_Public' && str_contains($f->faultstring, 'not implemented'), 'an operation the test server does not implement -> SoftLayer_Exception_Public');

// ------------------------------------------------------------------------------------------------ masks
[$vg] = sl('SoftLayer_Virtual_Guest', 'getObject', [], 12345679);
check($vg->hostname === 'other-vs' && isset($vg->primaryBackendIpAddress) && !isset($vg->billingItem) && !isset($vg->account), 'no mask: local properties only');
[$vg] = sl('SoftLayer_Virtual_Guest', 'getObject', [], 12345679, 'mask[billingItem]');
check($vg->hostname === 'other-vs' && $vg->billingItem->id === 90000002 && isset($vg->billingItem->recurringFee), 'mask[billingItem]: locals + billingItem with its locals');
[$vg] = sl('SoftLayer_Virtual_Guest', 'getObject', [], 12345679, 'mask[id,billingItem[id]]');
check(props($vg) === ['billingItem', 'id'] && props($vg->billingItem) === ['id'], 'mask[id,billingItem[id]]: exactly id + billingItem{id}');
[$vg] = sl('SoftLayer_Virtual_Guest', 'getObject', [], 12345679, '[id,hostname]');
check(props($vg) === ['hostname', 'id'], '"[id,hostname]" form');
[$vg] = sl('SoftLayer_Virtual_Guest', 'getObject', [], 12345679, 'id,account.companyName');
check(props($vg) === ['account', 'id'] && props($vg->account) === ['companyName'], '"id,account.companyName" form (dotted)');
[$vg] = sl('SoftLayer_Virtual_Guest', 'getObject', [], 12345679, 'mask(SoftLayer_Virtual_Guest)[hostname,billingItem[recurringFee]]');
check(props($vg) === ['billingItem', 'hostname'] && props($vg->billingItem) === ['recurringFee'], '"mask(Type)[...]" form');
[$acct] = sl('SoftLayer_Account', 'getObject', [], null, 'mask[id,hardwareCount,cdnAccountCount]');
check(props($acct) === ['cdnAccountCount', 'hardwareCount', 'id'] && $acct->hardwareCount === 4 && $acct->cdnAccountCount === 3, 'count properties: hardwareCount 4, cdnAccountCount 3');
$c = client('SoftLayer_Virtual_Guest');
$c->__setSoapHeaders([
    hdr('authenticate', ['username' => SL_USERNAME, 'apiKey' => SL_API_KEY]),
    hdr('SoftLayer_Virtual_GuestInitParameters', ['id' => 0, 'globalIdentifier' => '1d6a2c55-3b0e-4f59-9f3c-7e8d9a0b1c2d']),
    hdr('SoftLayer_ObjectMask', ['mask' => 'mask[id]']),
]);
$vg = $c->getObject();
check(is_object($vg) && $vg->id === 12345679, 'init parameters id 0 + globalIdentifier -> virtual guest 12345679');
$f = fault(fn() => sl('SoftLayer_Virtual_Guest', 'getObject', [], 0));
check($f !== null && $f->faultcode === 'SoftLayer_Exception_ObjectNotFound' && $f->faultstring === "Unable to find object with id of '0'.", 'init id 0 alone -> ObjectNotFound');
// The legacy <Service>ObjectMask header: an object of the service type whose present properties are the mask.
$c = client('SoftLayer_Virtual_Guest');
$c->__setSoapHeaders([
    hdr('authenticate', ['username' => SL_USERNAME, 'apiKey' => SL_API_KEY]),
    hdr('SoftLayer_Virtual_GuestInitParameters', ['id' => 12345679]),
    new SoapHeader(SL_TNS, 'SoftLayer_Virtual_GuestObjectMask', new SoapVar((object)['mask' => new SoapVar((object)[
        'id' => 0, 'billingItem' => new SoapVar((object)['id' => 0], SOAP_ENC_OBJECT, 'SoftLayer_Billing_Item_Virtual_Guest', SL_TNS),
    ], SOAP_ENC_OBJECT, 'SoftLayer_Virtual_Guest', SL_TNS)], SOAP_ENC_OBJECT, 'SoftLayer_Virtual_GuestObjectMask', SL_TNS)),
]);
$vg = $c->getObject();
check(props($vg) === ['billingItem', 'id'] && props($vg->billingItem) === ['id'], 'legacy SoftLayer_Virtual_GuestObjectMask header works like mask[id,billingItem[id]]');

// ------------------------------------------------------------------------------------------------ result limits
[$page, $out, $c] = sl('SoftLayer_Account', 'getHardware', [], null, null, null, ['limit' => 2, 'offset' => 1]);
check(count($page) === 2 && $page[0]->id === 1001002 && $page[1]->id === 1001003, 'resultLimit limit=2 offset=1 -> servers 2 and 3');
$resp = $c->__getLastResponse();
check((bool)preg_match('~<SOAP-ENV:Header><ns1:totalItems[^>]*><amount>4</amount></ns1:totalItems></SOAP-ENV:Header>~', $resp), 'reply header <ns1:totalItems><amount>4</amount></ns1:totalItems>');
$amount = $out['totalItems'] ?? null;
$amount = $amount instanceof SoapVar ? ($amount->enc_value->amount ?? null) : ($amount->amount ?? null);
check($amount === 4, 'SoapClient output header totalItems.amount = 4');
[$page, $out] = sl('SoftLayer_Account', 'getHardware', [], null, null, '<hardware><hostname><operation>^= a</operation></hostname></hardware>', ['limit' => 5]);
check(count($page) === 1 && ($out['totalItems']->enc_value->amount ?? null) === 1, 'filter + limit: totalItems counts the filtered items (1)');
[$reqs, $out] = sl('SoftLayer_Billing_Item_Cancellation_Request', 'getAllCancellationRequests', [], null, null, null, ['limit' => 1]);
check(count($reqs) === 1 && ($out['totalItems']->enc_value->amount ?? null) === 2, 'static limitable getAllCancellationRequests: 1 of totalItems 2');
[, $out] = sl('SoftLayer_Virtual_Guest', 'getObject', [], 12345679);
check(!isset($out['totalItems']), 'no totalItems header on a non-limitable operation');

// ------------------------------------------------------------------------------------------------ stats, reset
$stats = $get('/__control/stats');
check(($stats['calls']['SoftLayer_Billing_Item::cancelService'] ?? 0) === 4, 'stats: 4 cancelService calls (3 ok + 1 fault)');
check(($stats['faults']['SoftLayer_Exception_InvalidLegacyToken'] ?? 0) === 3, 'stats: 3 InvalidLegacyToken faults');
check(($stats['lastHeaders']['authenticate']['username'] ?? null) === SL_USERNAME, 'stats: last headers show the username');
check(!str_contains((string)file_get_contents("$base/__control/stats"), SL_API_KEY), 'stats never show the API key');
$reasons = array_values(array_filter($stats['cancellations'], fn($c) => ($c['reason'] ?? null) === 'No longer needed'));
check(count($reasons) === 2 && $reasons[0]['customerNote'] === 'Api test', 'stats: cancelItem reason and customer note recorded');
$get('/__control/reset');
[$bi] = sl('SoftLayer_Virtual_Guest', 'getBillingItem', [], 12345678, 'mask[id]');
check(is_object($bi) && $bi->id === 90000001, 'after /__control/reset the cancelled billing item is back');
check(($get('/__control/stats')['total'] ?? -1) === 1, 'reset clears the counters');

echo $fail === 0 ? "SMOKE OK: $checks checks\n" : "SMOKE FAILED: $fail of $checks checks\n";
exit($fail === 0 ? 0 : 1);
