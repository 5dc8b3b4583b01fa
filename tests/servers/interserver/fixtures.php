<?php
// Deterministic test data for server.php. Hand-made, shaped like the live API's example replies
// (not copied from them). Values deliberately exercise: non-ASCII text, an empty string, XML special
// characters, a float 34.95, an int 0, and null (sent as xsi:nil) members.
//
// 'ops'   : per-operation replies. A closure gets (array $args, string $echo) where $args are the
//           operation's parts by name (sid removed) and $echo is "op(a=1, b=x)" for status_text.
// 'rows'  : per-complex-type member overrides used by the generic row builder in server.php.
// Everything not listed here is generated from the WSDL types by server.php (make_value()).

const FX_TEXT_UNICODE = 'Zürich café';
const FX_TEXT_XML = 'a <b> & "c" \'d\'';
const FX_FLOAT = 34.95;

return [
    'ops' => [
        'get_modules' => fn(array $a, string $e) => ['domains', 'vps', 'licenses'],
        'get_locked_ips' => fn(array $a, string $e) => ['192.0.2.1', '198.51.100.7'],
        'api_get_ima' => fn(array $a, string $e) => 'client',
        'strPixels' => fn(array $a, string $e) => 6 * strlen((string)($a['string'] ?? '')),
        'get_hostname' => fn(array $a, string $e) => 'host-' . str_replace('.', '-', (string)$a['ip']) . '.example.net',
        'api_vps_get_server_name' => fn(array $a, string $e) => 'vps' . (int)$a['id'] . '.zürich.example',
        'api_add_dns_record' => fn(array $a, string $e) => 7001,
        'api_add_prepay' => fn(array $a, string $e) => 0,
        'api_get_prepay_paypal_fill_url' => fn(array $a, string $e) =>
            'https://www.paypal.example/fill?module=' . rawurlencode((string)$a['module']) . '&amount=' . $a['amount'] . '&prepay=' . (int)$a['prepay_id'],
        'api_get_prepay_remaining' => null, // generic
        'api_cancel_license_ip' => fn(array $a, string $e) => [
            'status' => 'ok',
            'status_text' => 'License ' . $a['ip'] . ' of type ' . $a['type'] . ' canceled. ' . $e,
        ],
        'api_buy_license' => fn(array $a, string $e) => [
            'status' => 'ok',
            'status_text' => 'Order placed. ' . $e,
            'invoice' => 0,
            'cost' => FX_FLOAT,
        ],
        'api_get_license_types' => fn(array $a, string $e) => [
            ['services_id' => 5006, 'services_name' => 'Softaculous', 'services_cost' => 3.0],
            ['services_id' => 10682, 'services_name' => 'cPanel ' . FX_TEXT_UNICODE . ' ' . FX_TEXT_XML, 'services_cost' => FX_FLOAT],
            ['services_id' => 0, 'services_name' => '', 'services_cost' => 0.0],
        ],
        'api_vps_screenshot' => fn(array $a, string $e) => [
            'status' => 'error',
            'status_text' => 'Your VPS has no screenshots currently. ' . $e,
            'url' => '',
            'link' => null,
            'js' => '<script>alert("x & y")</script>',
        ],
    ],
    // Member overrides per complex type, applied to every generated row of that type (row index $i).
    'rows' => [
        'sql_row_invoices' => fn(int $i) => [
            'invoices_id' => 90001 + $i,
            'invoices_description' => ['VPS ' . FX_TEXT_UNICODE, 'Licence ' . FX_TEXT_XML, ''][$i % 3],
            'invoices_amount' => [FX_FLOAT, 0.0, 10.5][$i % 3],
            'invoices_paid' => 0,
            'invoices_extra' => null,
        ],
        'postsDetail' => fn(int $i) => [],
    ],
];
