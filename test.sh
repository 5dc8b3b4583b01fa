#!/usr/bin/env bash
# SoapGen test runner — the one command that runs every test:   bash test.sh
#
#  1. prerequisites: php-cli + php-soap + php-xml + libnusoap-php (installed with apt-get when missing and running as root)
#  2. dotnet test Generator.sln (unit, golden-file, corpus, interop tests), one .trx file per test run
#  3. Native AOT: publishes samples/AotSmoke with every trimming/AOT (IL2xxx/IL3xxx) warning as an error,
#     starts the PHP SoapServer test server and runs the native binary against it
#  4. sample smoke runs: the Quickstart (no arguments), the InterServer seed ports against the same PHP server, and
#     every SoftLayer seed flow (samples/SoftLayerCancel) against the SoftLayer test server (tests/servers/softlayer)
#  5. the package as a user meets it (tests/package/fresh-app.sh): dotnet pack into a temporary feed, a new console
#     app with `dotnet add package SoapGen --source <feed>`, the README's quickstart, build, run, Native AOT publish
#  6. benchmarks (tests/SoapGen.Benchmarks): the smoke modes (every contender decodes the same values), then every
#     benchmark once (--filter '*' --job Dry --inProcess) and --build-cost on InterServer, so they keep compiling and
#     running; nothing is timed
#
# The last line is always "N passed, N failed" (", N skipped" appended when tests were skipped); it sums the
# dotnet test results (from the .trx files) plus one test per smoke step. Exit code 0 only when nothing failed.
# Results and logs go to artifacts/test-results/ (git-ignored).
#
# Environment: SOAPGEN_TEST_TIMEOUT (minutes for dotnet test, default 60), SOAPGEN_SKIP_AOT=1 (skip step 3).
#
# The package alone:  dotnet pack runtime/SoapGen.Runtime.csproj -c Release -o artifacts/packages

set -uo pipefail   # no -e: every step records its outcome and the script always reaches the summary

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd)
OUT="$ROOT/artifacts/test-results"
rm -rf "$OUT"
mkdir -p "$OUT/trx"

PASSED=0
FAILED=0
SKIPPED=0
FAILURES=()
PHP_PGID=""
SL_PGID=""
PHP_OK=0
PHP_PORT=""

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log()  { printf '\n=== %s\n' "$*"; }
pass() { PASSED=$((PASSED + 1)); echo "PASS: $*"; }
fail() { FAILED=$((FAILED + 1)); FAILURES+=("$*"); echo "FAIL: $*"; }
skip() { SKIPPED=$((SKIPPED + 1)); echo "SKIP: $*"; }

stop_php() {
    if [[ -n "$PHP_PGID" ]]; then
        # php -S workers (PHP_CLI_SERVER_WORKERS) outlive their parent: kill the whole process group.
        kill -TERM -- "-$PHP_PGID" 2>/dev/null || true
        sleep 0.5
        kill -KILL -- "-$PHP_PGID" 2>/dev/null || true
        PHP_PGID=""
    fi
    if [[ -n "$SL_PGID" ]]; then
        kill -TERM -- "-$SL_PGID" 2>/dev/null || true
        sleep 0.5
        kill -KILL -- "-$SL_PGID" 2>/dev/null || true
        SL_PGID=""
    fi
}

summary() {
    stop_php
    echo
    if ((${#FAILURES[@]} > 0)); then
        echo "Failures:"
        printf '  - %s\n' "${FAILURES[@]}"
    fi
    echo "Results and logs: ${OUT#"$ROOT"/}/"
    local line="$PASSED passed, $FAILED failed"
    ((SKIPPED > 0)) && line+=", $SKIPPED skipped"
    echo "$line"
    if ((FAILED > 0)); then exit 1; fi
    exit 0
}
trap summary EXIT
trap 'echo "interrupted"; FAILED=$((FAILED + 1)); FAILURES+=("interrupted"); exit 130' INT TERM

# --------------------------------------------------------------------------------------------------------------------
log "1/7 prerequisites"

if ! command -v dotnet >/dev/null 2>&1; then
    fail "prerequisites: the .NET SDK (dotnet, 10.0) is not on PATH"
    exit 1
fi
dotnet --version

php_ready() {
    command -v php >/dev/null 2>&1 \
        && php -r 'exit(class_exists("SoapServer") && class_exists("DOMDocument") && function_exists("xml_parser_create") ? 0 : 1);' >/dev/null 2>&1 \
        && [[ -f /usr/share/php/nusoap/nusoap.php ]]   # libnusoap-php: the nusoap flavour of the interop test server
}

if php_ready; then
    PHP_OK=1
elif [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "php-cli / php-soap / php-xml / libnusoap-php missing: installing them with apt-get"
    if { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y php-cli php-soap php-xml libnusoap-php; } \
        >"$OUT/apt-get.log" 2>&1 && php_ready; then
        PHP_OK=1
    else
        tail -20 "$OUT/apt-get.log"
        fail "prerequisites: apt-get install php-cli php-soap php-xml libnusoap-php failed (see apt-get.log)"
    fi
else
    fail "prerequisites: PHP with the soap, dom and xml extensions and nusoap are required for the interop and AOT tests; install them (Debian/Ubuntu: sudo apt-get install -y php-cli php-soap php-xml libnusoap-php) and run again"
fi
((PHP_OK)) && php --version | head -1

# --------------------------------------------------------------------------------------------------------------------
log "2/7 dotnet test Generator.sln"

TEST_MINUTES=${SOAPGEN_TEST_TIMEOUT:-60}
timeout --kill-after=60 "${TEST_MINUTES}m" \
    dotnet test Generator.sln \
        --logger "trx" \
        --results-directory "$OUT/trx" \
        --blame-hang-timeout 15m --blame-hang-dump-type none \
        2>&1 | tee "$OUT/dotnet-test.log"
TEST_RC=${PIPESTATUS[0]}

# Sum the <Counters> of every .trx file (one per test project and target framework).
trx_passed=0; trx_failed=0; trx_skipped=0; trx_files=0
attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2" | head -1; }
while IFS= read -r -d '' trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    [[ -z "$counters" ]] && continue
    trx_files=$((trx_files + 1))
    p=$(attr passed "$counters"); f=$(attr failed "$counters"); e=$(attr error "$counters")
    t=$(attr timeout "$counters"); a=$(attr aborted "$counters"); n=$(attr notExecuted "$counters")
    trx_passed=$((trx_passed + ${p:-0}))
    trx_failed=$((trx_failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
    trx_skipped=$((trx_skipped + ${n:-0}))
    echo "trx: $(basename "$trx"): passed=${p:-0} failed=$((${f:-0} + ${e:-0} + ${t:-0} + ${a:-0})) skipped=${n:-0}"
done < <(find "$OUT/trx" -name '*.trx' -print0 2>/dev/null)

# Cross-check with the per-project console summary lines
# "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ...": when they account for more tests than
# the .trx files (a missing or overwritten .trx, an older runner), trust them instead.
con_passed=0; con_failed=0; con_skipped=0
while IFS= read -r line; do
    f=$(sed -n 's/.*Failed: *\([0-9]*\).*/\1/p' <<<"$line")
    p=$(sed -n 's/.*Passed: *\([0-9]*\).*/\1/p' <<<"$line")
    s=$(sed -n 's/.*Skipped: *\([0-9]*\).*/\1/p' <<<"$line")
    con_passed=$((con_passed + ${p:-0})); con_failed=$((con_failed + ${f:-0})); con_skipped=$((con_skipped + ${s:-0}))
done < <(grep -E '^(Passed|Failed)! +- ' "$OUT/dotnet-test.log" || true)
if ((con_passed + con_failed + con_skipped > trx_passed + trx_failed + trx_skipped)); then
    echo "note: the console summaries count more tests than the .trx files; using the console counts"
    trx_passed=$con_passed; trx_failed=$con_failed; trx_skipped=$con_skipped
fi

PASSED=$((PASSED + trx_passed)); SKIPPED=$((SKIPPED + trx_skipped))
if ((trx_failed > 0)); then
    FAILED=$((FAILED + trx_failed)); FAILURES+=("dotnet test: $trx_failed failing test(s) (see dotnet-test.log / trx/)")
fi
echo "dotnet test: exit $TEST_RC, $trx_passed passed, $trx_failed failed, $trx_skipped skipped ($trx_files trx files)"
if ((TEST_RC != 0 && trx_failed == 0)); then
    # Build errors, a crashed or hung test host, a timeout: no failing test was recorded, so count one failure.
    if ((TEST_RC == 124 || TEST_RC == 137)); then
        fail "dotnet test: timed out after ${TEST_MINUTES} minutes"
    else
        fail "dotnet test: exited with $TEST_RC without a failing test in the results (build error or test host crash; see dotnet-test.log)"
    fi
    grep -E ': error [A-Z]+[0-9]+' "$OUT/dotnet-test.log" | sort -u | head -20 || true
fi

# --------------------------------------------------------------------------------------------------------------------
log "3/7 PHP SoapServer test server"

free_port() {
    php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}

http_get() { curl -fsS --max-time 5 "$1" 2>/dev/null || php -r 'echo @file_get_contents($argv[1]);' "$1"; }

start_php() {
    PHP_PORT=$(free_port)
    # setsid: php becomes the leader of a new process group, so stop_php can kill it with all its workers.
    setsid php -S "127.0.0.1:$PHP_PORT" tests/servers/interserver/server.php >"$OUT/php-server.log" 2>&1 &
    PHP_PGID=$!
    for _ in $(seq 1 50); do
        if http_get "http://127.0.0.1:$PHP_PORT/__control/reset" | grep -q '{'; then
            echo "PHP test server on http://127.0.0.1:$PHP_PORT/api.php (process group $PHP_PGID)"
            return 0
        fi
        sleep 0.2
    done
    tail -20 "$OUT/php-server.log"
    return 1
}

SERVER_UP=0
if ((PHP_OK)); then
    if start_php; then SERVER_UP=1; else fail "PHP test server did not start (see php-server.log)"; fi
fi
ENDPOINT="http://127.0.0.1:${PHP_PORT:-0}/api.php"

# --------------------------------------------------------------------------------------------------------------------
log "4/7 Native AOT smoke (samples/AotSmoke)"

case "$(uname -m)" in
    aarch64|arm64) RID=linux-arm64 ;;
    *) RID=linux-x64 ;;
esac

if [[ "${SOAPGEN_SKIP_AOT:-0}" == 1 ]]; then
    skip "AOT smoke (SOAPGEN_SKIP_AOT=1)"
else
    # PublishAot is set in AotSmoke.csproj (a global PublishAot would reach the netstandard2.0 generator).
    # TreatWarningsAsErrors (→ IlcTreatWarningsAsErrors/ILLinkTreatWarningsAsErrors) makes every IL2xxx/IL3xxx an error;
    # the grep below is a second check that no trimming/AOT warning slipped through.
    timeout 30m dotnet publish samples/AotSmoke/AotSmoke.csproj -c Release -r "$RID" -o "$OUT/aot" \
        -p:TreatWarningsAsErrors=true -p:IlcTreatWarningsAsErrors=true -p:ILLinkTreatWarningsAsErrors=true \
        -warnaserror:IL2026,IL2055,IL2057,IL2067,IL2070,IL2072,IL2075,IL2087,IL2091,IL2104,IL3050,IL3051,IL3053,IL3000,IL3002 \
        2>&1 | tee "$OUT/aot-publish.log"
    PUBLISH_RC=${PIPESTATUS[0]}
    IL_WARNINGS=$(grep -E '(warning|error) IL[0-9]{4}' "$OUT/aot-publish.log" | sort -u)
    IL_COUNT=$(grep -cE '.' <<<"$IL_WARNINGS" || true)
    [[ -z "$IL_WARNINGS" ]] && IL_COUNT=0
    BIN="$OUT/aot/AotSmoke"
    if ((PUBLISH_RC != 0)); then
        fail "AOT smoke: dotnet publish failed (exit $PUBLISH_RC, $IL_COUNT IL warnings/errors; see aot-publish.log)"
        [[ -n "$IL_WARNINGS" ]] && echo "$IL_WARNINGS" | head -20
    elif ((IL_COUNT > 0)); then
        fail "AOT smoke: $IL_COUNT trimming/AOT warnings in the publish output"
        echo "$IL_WARNINGS" | head -20
    elif [[ ! -x "$BIN" ]]; then
        fail "AOT smoke: no native binary at ${BIN#"$ROOT"/}"
    elif ((SERVER_UP == 0)); then
        fail "AOT smoke: published (0 IL warnings, $(du -h "$BIN" | cut -f1)) but no PHP test server to run it against"
    else
        echo "native binary: ${BIN#"$ROOT"/} ($(stat -c %s "$BIN") bytes), 0 IL warnings"
        if timeout 120 "$BIN" "$ENDPOINT" test@example.com secret 2>&1 | tee "$OUT/aot-run.log"; then
            pass "AOT smoke: native AotSmoke against the PHP server"
        else
            fail "AOT smoke: the native binary failed against the PHP server (see aot-run.log)"
        fi
    fi
fi

# --------------------------------------------------------------------------------------------------------------------
log "5/7 sample smoke runs"

# run_sample NAME EXPECTED_EXIT EXPECTED_TEXT PROJECT [ARGS...]   (RUN_FLAGS: extra `dotnet run` options)
RUN_FLAGS=()
run_sample() {
    local name=$1 want_rc=$2 want_text=$3 project=$4; shift 4
    local logf="$OUT/sample-$name.log" rc
    timeout 300 dotnet run --project "$project" "${RUN_FLAGS[@]}" -- "$@" >"$logf" 2>&1
    rc=$?
    sed 's/^/    /' "$logf" | tail -30
    if ((rc == want_rc)) && grep -qF -- "$want_text" "$logf"; then
        pass "sample $name"
    else
        fail "sample $name: exit $rc (expected $want_rc) or missing \"$want_text\" (see sample-$name.log)"
    fi
}

run_sample Quickstart 0 "Quickstart OK" samples/Quickstart
if ((SERVER_UP)); then
    run_sample CancelLicenseIp 0 "status_text: License 192.0.2.9 of type 10682 canceled." \
        samples/CancelLicenseIp test@example.com secret 192.0.2.9 10682 "$ENDPOINT"
    run_sample BuyLicense 0 "cost: 34.95" \
        samples/BuyLicense test@example.com secret 192.0.2.9 10682 SPRING "$ENDPOINT"
    run_sample BuyLicense-bad-login 1 "Got A Blank Session" \
        samples/BuyLicense test@example.com wrong-password 192.0.2.9 10682 "$ENDPOINT"
else
    fail "samples CancelLicenseIp/BuyLicense: no PHP test server to run them against"
fi

# The SoftLayer seed flows, each through the generated clients, against the SoftLayer test server (PHP SoapServer).
if ((PHP_OK)); then
    SL_PORT=$(free_port)
    SL_STATE=$(mktemp -d)
    SOAPGEN_SOFTLAYER_STATE="$SL_STATE" setsid php -S "127.0.0.1:$SL_PORT" tests/servers/softlayer/server.php >"$OUT/softlayer-server.log" 2>&1 &
    SL_PGID=$!
    SL_UP=0
    for _ in $(seq 1 50); do
        if http_get "http://127.0.0.1:$SL_PORT/__control/reset" | grep -q '{'; then SL_UP=1; break; fi
        sleep 0.2
    done
    if ((SL_UP)) && timeout 600 dotnet build samples/SoftLayerCancel >"$OUT/softlayer-build.log" 2>&1; then
        export SL_USERNAME=SL-TEST SL_API_KEY=0123456789abcdef SL_ENDPOINT_URL="http://127.0.0.1:$SL_PORT/soap/v3.1/"
        RUN_FLAGS=(--no-build)   # built once above: the eight services' clients take a while to compile
        run_softlayer() { local name=$1 want_rc=$2 want_text=$3; shift 3; run_sample "SoftLayer-$name" "$want_rc" "$want_text" samples/SoftLayerCancel "$@"; }
        run_softlayer guest 0 "cancelService(90000001): True" guest 12345678
        run_softlayer guest-again 0 "already cancelled" guest 12345678
        run_softlayer servers 0 "2.2.2.2: cancelItem(90000012) = True" servers 10.48.66.132 2.2.2.2
        run_softlayer loadbalancer 0 "items [90000021]" loadbalancer 109225 true
        run_softlayer globalip 0 "cancelItem(90000031): requested" globalip 880617
        run_softlayer cdn 0 "items [90000041]" cdn 14793 true
        run_softlayer storage 0 "Service cancelled" storage 4471311
        run_softlayer subnet 0 "cancelItem(90000061): True" subnet 85467
        run_softlayer vlan 0 "cancelService: True" vlan 563298
        SL_API_KEY=wrong run_softlayer bad-key 2 "Invalid API token." vlan 563298
        RUN_FLAGS=()
    else
        tail -20 "$OUT/softlayer-build.log" 2>/dev/null
        fail "SoftLayer samples: the test server did not start or samples/SoftLayerCancel did not build (see softlayer-server.log, softlayer-build.log)"
    fi
    rm -rf "$SL_STATE"
else
    fail "SoftLayer samples: no PHP to run the SoftLayer test server"
fi

# --------------------------------------------------------------------------------------------------------------------
log "6/7 package: a fresh app consumes SoapGen (tests/package/fresh-app.sh)"

# One PASS/FAIL per step of the script (pack, build, run, AOT publish, native run); it stops at the first failure.
timeout 1800 bash tests/package/fresh-app.sh "$OUT" >"$OUT/package.log" 2>&1
PACKAGE_RC=$?
grep -vE '^(PASS|FAIL): package ' "$OUT/package.log" | sed 's/^/    /' | tail -80
while IFS= read -r line; do
    case "$line" in
        "PASS: "*) pass "${line#PASS: }" ;;
        "FAIL: "*) fail "${line#FAIL: }" ;;
    esac
done < <(grep -E '^(PASS|FAIL): package ' "$OUT/package.log")
if ((PACKAGE_RC != 0)) && ! grep -q '^FAIL: package ' "$OUT/package.log"; then
    fail "package: tests/package/fresh-app.sh exited with $PACKAGE_RC (see package.log)"
fi

# --------------------------------------------------------------------------------------------------------------------
log "7/7 benchmarks: smoke modes, then every benchmark once (tests/SoapGen.Benchmarks)"

# Nothing is timed here: the smoke modes check that every contender decodes the same values, and one Dry run of every
# benchmark (in process: no per-benchmark project build) keeps them compiling and running. Figures: see README.
BENCH=tests/SoapGen.Benchmarks
if timeout 900 dotnet build -c Release "$BENCH" >"$OUT/bench-build.log" 2>&1; then
    run_bench() {
        local name=$1 want_text=$2 logf="$OUT/bench-$1.log" rc; shift 2
        timeout 600 dotnet run -c Release --no-build --project "$BENCH" -- "$@" >"$logf" 2>&1
        rc=$?
        grep -E '^(smoke|finding|  inner)|^\| |benchmark\(s\) (found|failed)|ERROR' "$logf" | sed 's/^/    /' | tail -40
        if ((rc == 0)) && grep -qF -- "$want_text" "$logf"; then
            pass "benchmarks $name"
        else
            fail "benchmarks $name: exit $rc or missing \"$want_text\" (see bench-$name.log)"
        fi
    }
    run_bench smoke "smoke OK" --smoke
    run_bench smoke-serializers "smoke-serializers OK" --smoke-serializers
    run_bench dry-run "Global total time" --filter '*' --job Dry --inProcess --artifacts "$OUT/benchmarks"
    # The build-cost mode on its smallest case: it exits 1 if the generated code does not compile either way.
    run_bench build-cost "| InterServer" --build-cost --runs 1 --case InterServer
    # The loop to profile, one second of it.
    run_bench call-loop "µs per call" --call-loop api_get_license_types --seconds 1
else
    tail -20 "$OUT/bench-build.log"
    fail "benchmarks: tests/SoapGen.Benchmarks did not build (see bench-build.log)"
fi
