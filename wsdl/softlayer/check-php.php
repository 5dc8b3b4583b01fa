<?php
// Proves PHP's ext/soap accepts the SoftLayer WSDLs: for each wsdl/softlayer/*.wsdl, a temp copy whose
// xsd:include schemaLocation (https://api.softlayer.com/soap/v3.1/<Service>?xsd) points at the local
// SoftLayer_Types.xsd, then new SoapClient(copy) + __getFunctions()/__getTypes(). Also checks that the operations and
// properties the seed 004 flows use are there. No network.
//   php wsdl/softlayer/check-php.php [wsdl-dir]          (from the repo root; exit code 0 = all good)
declare(strict_types=1);

ini_set('display_errors', 'stderr');
error_reporting(E_ALL);
// PHP has been seen to crash with the in-memory WSDL cache on multi-MB WSDLs: no cache at all.
ini_set('soap.wsdl_cache_enabled', '0');

$dir = rtrim($argv[1] ?? __DIR__, '/');
$xsd = realpath("$dir/SoftLayer_Types.xsd");
if ($xsd === false) {
    fwrite(STDERR, "no SoftLayer_Types.xsd in $dir\n");
    exit(2);
}
$tmp = sys_get_temp_dir() . '/soapgen-softlayer-check-' . getmypid();
@mkdir($tmp, 0700, true);

// What seed 004 calls (service => operations) and reads (type => properties, checked in __getTypes()).
$seedOps = [
    'SoftLayer_Virtual_Guest' => ['getBillingItem', 'getObject'],
    'SoftLayer_Billing_Item' => ['cancelService', 'cancelItem'],
    'SoftLayer_Account' => ['getHardware', 'getCdnAccounts'],
    'SoftLayer_Network_Application_Delivery_Controller_LoadBalancer_VirtualIpAddress' => ['getObject'],
    'SoftLayer_Billing_Item_Cancellation_Request' => ['createObject'],
    'SoftLayer_Network_Subnet' => ['getGlobalIpRecord', 'getBillingItem'],
    'SoftLayer_Network_Storage' => ['getObject'],
    'SoftLayer_Network_Vlan' => ['getObject'],
];
$seedProps = [
    'SoftLayer_Hardware' => ['primaryBackendIpAddress', 'billingItem'],
    'SoftLayer_Network_Application_Delivery_Controller_LoadBalancer_VirtualIpAddress' => ['accountId', 'dedicatedFlag', 'dedicatedBillingItem', 'billingItem'],
    'SoftLayer_Billing_Item_Cancellation_Request' => ['accountId', 'items'],
    'SoftLayer_Billing_Item_Cancellation_Request_Item' => ['billingItemId', 'immediateCancellationFlag'],
    'SoftLayer_Network_ContentDelivery_Account' => ['id', 'accountId', 'cdnAccountName', 'billingItem'],
    'SoftLayer_Network_Subnet_IpAddress_Global' => ['id', 'billingItem'],
    'SoftLayer_Network_Storage' => ['billingItem'],
    'SoftLayer_Network_Vlan' => ['billingItem'],
    'SoftLayer_Virtual_Guest' => ['billingItem'],
    'SoftLayer_Billing_Item' => ['id'],
];

$fail = 0;
$files = glob("$dir/*.wsdl") ?: [];
sort($files);
foreach ($files as $wsdl) {
    $service = basename($wsdl, '.wsdl');
    $text = (string)file_get_contents($wsdl);
    $local = preg_replace('~schemaLocation="https://api\.softlayer\.com/soap/v3\.1/[A-Za-z_]+\?xsd"~', 'schemaLocation="' . $xsd . '"', $text, -1, $n);
    if ($n !== 1) {
        echo "FAIL: $service: expected one xsd:include schemaLocation, found $n\n";
        $fail++;
        continue;
    }
    $copy = "$tmp/$service.wsdl";
    file_put_contents($copy, $local);
    $t0 = microtime(true);
    try {
        $client = new SoapClient($copy, ['cache_wsdl' => WSDL_CACHE_NONE, 'exceptions' => true]);
    } catch (Throwable $e) {
        echo "FAIL: $service: SoapClient: " . $e->getMessage() . "\n";
        $fail++;
        continue;
    }
    $functions = $client->__getFunctions() ?? [];
    $types = $client->__getTypes() ?? [];
    $ops = substr_count($text, '<operation name=') / 2;
    $names = array_map(fn(string $f) => preg_match('/ (\w+)\(/', $f, $m) ? $m[1] : $f, $functions);
    if (count($functions) !== (int)$ops) {
        echo "FAIL: $service: __getFunctions() has " . count($functions) . " entries, the WSDL $ops operations\n";
        $fail++;
    }
    foreach ($seedOps[$service] ?? [] as $op) {
        if (!in_array($op, $names, true)) {
            echo "FAIL: $service: no operation $op\n";
            $fail++;
        }
    }
    printf("%s: %d functions, %d types, %.2f s\n", $service, count($functions), count($types), microtime(true) - $t0);
    if ($service === 'SoftLayer_Account') {
        foreach ($functions as $f) {
            if (str_contains($f, ' getHardware(') || str_contains($f, ' getCdnAccounts(')) echo "  $f\n";
        }
        $byName = [];
        foreach ($types as $t) {
            if (preg_match('/^struct (\w+) \{/', $t, $m)) $byName[$m[1]] = $t;
        }
        foreach ($seedProps as $type => $props) {
            foreach ($props as $p) {
                if (!isset($byName[$type]) || !preg_match('/\s' . $p . ';/', $byName[$type])) {
                    echo "FAIL: type $type has no property $p\n";
                    $fail++;
                }
            }
        }
    }
}
array_map('unlink', glob("$tmp/*") ?: []);
@rmdir($tmp);
if ($files === []) {
    echo "FAIL: no WSDL in $dir\n";
    $fail++;
}
echo $fail === 0 ? "PHP CHECK OK: " . count($files) . " WSDLs\n" : "PHP CHECK FAILED: $fail problem(s)\n";
exit($fail === 0 ? 0 : 1);
