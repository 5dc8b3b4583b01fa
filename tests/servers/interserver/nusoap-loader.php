<?php
// Loads Debian's nusoap 0.9.5 (libnusoap-php, /usr/share/php/nusoap/nusoap.php) on PHP 8.
// nusoap 0.9.5 uses PHP 4-style constructors (a method named like its class), which PHP 8 no longer calls: this
// loader adds a __construct forwarding to each of them, in a patched COPY (the system file is never edited) -
// the same approach as wsdl/nusoap-reference.php. The copy is cached in the temp dir, keyed by the source's hash.
// Also silences what nusoap does that PHP 8.2 deprecates or warns about (utf8_decode, dynamic properties, ...).

const NUSOAP_SYSTEM_FILE = '/usr/share/php/nusoap/nusoap.php';
const NUSOAP_INSTALL_HINT = 'apt-get install -y libnusoap-php php-xml';

function load_nusoap(): void
{
    if (class_exists('nusoap_server', false)) return;
    $file = getenv('SOAPGEN_NUSOAP') ?: NUSOAP_SYSTEM_FILE;
    if (!is_file($file)) {
        throw new RuntimeException("nusoap not found at $file: install it (" . NUSOAP_INSTALL_HINT . ")");
    }
    error_reporting(E_ALL & ~E_DEPRECATED & ~E_WARNING & ~E_NOTICE);
    $src = file_get_contents($file);
    $cached = sys_get_temp_dir() . '/soapgen-nusoap-' . md5($src . PHP_VERSION . '1') . '.php';
    if (!is_file($cached)) {
        $patched = preg_replace_callback('/^class\s+(\w+)([^{]*)\{/m', function ($m) use ($src) {
            $cls = $m[1];
            if (!preg_match('/function\s+' . preg_quote($cls) . '\s*\(/', $src)) return $m[0];
            return $m[0] . "\n function __construct(...\$a) { \$this->$cls(...\$a); }\n";
        }, $src);
        $tmp = $cached . '.' . getmypid() . '.tmp';
        file_put_contents($tmp, $patched);
        rename($tmp, $cached);   // atomic: concurrent php -S workers never read a half-written copy
    }
    require_once $cached;
}
