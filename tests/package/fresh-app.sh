#!/usr/bin/env bash
# The SoapGen package as a user meets it: pack it into a temporary local feed, create a new console app outside the
# repository (dotnet new console), add the package from that feed, write the README's package quickstart into the app
# (the snippets after "<!-- package-quickstart: FILE -->" in README.md, as they stand), build it (Nullable,
# TreatWarningsAsErrors, AnalysisLevel=latest-recommended: the quickstart's csproj settings), run it against the
# weather test server (tests/servers/weather, PHP SoapServer on 127.0.0.1), publish it with Native AOT and run the
# native binary. Any warning fails the build and publish steps.
#
#   bash tests/package/fresh-app.sh [LOG_DIR]
#
# Prints one "PASS: package …" or "FAIL: package …" line per step (test.sh counts them) and stops at the first failure.
# The package gets a version of its own (<VersionPrefix>-local.<time>.<pid>), so a cached SoapGen is never used;
# every other package comes from the configured sources. The temporary folder, the server and that version's copy in
# the global packages folder are removed on exit.

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/soapgen-fresh-app.XXXXXX")
LOGS=${1:-$WORK/logs}
mkdir -p "$LOGS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PREFIX=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$ROOT/Directory.Build.props" | head -1)
VERSION="$PREFIX-local.$(date -u +%Y%m%d%H%M%S).$$"
FEED="$WORK/feed"
APP="$WORK/WeatherApp"
SERVER_PGID=""
GLOBAL_PACKAGES=$(dotnet nuget locals global-packages --list 2>/dev/null | sed -n 's/^global-packages: *//p')

cleanup() {
    if [[ -n "$SERVER_PGID" ]]; then
        kill -TERM -- "-$SERVER_PGID" 2>/dev/null; sleep 0.3; kill -KILL -- "-$SERVER_PGID" 2>/dev/null
    fi
    [[ -n "$GLOBAL_PACKAGES" && -n "$PREFIX" ]] && rm -rf "${GLOBAL_PACKAGES%/}/soapgen/$VERSION"
    rm -rf "$WORK/feed" "$APP" "$WORK/publish"
    [[ "$LOGS" != "$WORK/logs" ]] && rm -rf "$WORK"
}
trap cleanup EXIT

pass() { echo "PASS: package $*"; }
fail() { echo "FAIL: package $*"; exit 1; }

# step NAME LOGFILE COMMAND...: runs the command in the app folder (or the repo root), shows its tail, fails on exit != 0
step() {
    local name=$1 logf=$2; shift 2
    echo "--- $name: $*"
    "$@" >"$logf" 2>&1
    local rc=$?
    sed 's/^/    /' "$logf" | tail -25
    ((rc == 0)) || fail "$name: exit $rc (see ${logf})"
}

# The warnings of a build/publish log (MSBuild repeats each one in its summary: count them once).
warnings() { grep -E ': warning [A-Z]+[0-9]+' "$1" | sed 's/ *\[[^]]*\]$//' | sort -u; }

# snippet FILE: the fenced block after "<!-- package-quickstart: FILE -->" in README.md.
snippet() {
    awk -v want="<!-- package-quickstart: $1 -->" '
        $0 == want { found = 1; next }
        found == 1 && /^```/ { found = 2; next }
        found == 2 && /^```/ { exit }
        found == 2 { print }' "$ROOT/README.md"
}

[[ -n "$PREFIX" ]] || fail "pack: no <VersionPrefix> in Directory.Build.props"
command -v php >/dev/null 2>&1 && php -r 'exit(class_exists("SoapServer") ? 0 : 1);' \
    || fail "server: PHP with the SOAP extension is required (Debian/Ubuntu: sudo apt-get install -y php-cli php-soap php-xml)"
case "$(uname -m)" in aarch64|arm64) RID=linux-arm64 ;; *) RID=linux-x64 ;; esac

# 1. pack (the README's pack command, with a version and feed of its own)
cd "$ROOT"
step pack "$LOGS/package-pack.log" dotnet pack runtime/SoapGen.Runtime.csproj -c Release -o "$FEED" \
    -p:Version="$VERSION" -p:ContinuousIntegrationBuild=true
[[ -f "$FEED/SoapGen.$VERSION.nupkg" && -f "$FEED/SoapGen.$VERSION.snupkg" ]] || fail "pack: no SoapGen.$VERSION.nupkg/.snupkg in the feed"
echo "    $(unzip -l "$FEED/SoapGen.$VERSION.nupkg" | grep -cE ' (lib|analyzers|build|buildTransitive)/') package files:"
unzip -l "$FEED/SoapGen.$VERSION.nupkg" | grep -E ' (lib|analyzers|build|buildTransitive)/' | awk '{ print "      " $4 }'
pass "pack: SoapGen $VERSION"

# 2. the weather test server the app will call (and fetch the WSDL from, as the README does)
PORT=$(php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);')
setsid php -S "127.0.0.1:$PORT" "$ROOT/tests/servers/weather/server.php" >"$LOGS/package-weather-server.log" 2>&1 &
SERVER_PGID=$!
ENDPOINT="http://127.0.0.1:$PORT/weather"
for _ in $(seq 1 50); do
    php -r 'exit(@file_get_contents($argv[1]) === false ? 1 : 0);' "$ENDPOINT" 2>/dev/null && break
    sleep 0.2
done

# 3. a new app, the package from the local feed, the README's files
step "new console" "$LOGS/package-new.log" dotnet new console -o "$APP"
cd "$APP"
step "add package" "$LOGS/package-add.log" dotnet add package SoapGen --version "$VERSION" --source "$FEED"
if command -v curl >/dev/null 2>&1; then
    curl -fsS -o weather.wsdl "$ENDPOINT?wsdl" || fail "server: GET $ENDPOINT?wsdl failed (see package-weather-server.log)"
else
    php -r 'copy($argv[1], "weather.wsdl") || exit(1);' "$ENDPOINT?wsdl" || fail "server: GET $ENDPOINT?wsdl failed"
fi
csproj=$(snippet WeatherApp.csproj); program=$(snippet Program.cs)
[[ -n "$csproj" && -n "$program" ]] || fail "README: the package-quickstart snippets (WeatherApp.csproj, Program.cs) were not found"
awk -v add="$csproj" '/^<\/Project>/ { print add } { print }' WeatherApp.csproj >WeatherApp.csproj.new && mv WeatherApp.csproj.new WeatherApp.csproj
printf '%s\n' "$program" >Program.cs
grep -q "Include=\"SoapGen\" Version=\"$VERSION\"" WeatherApp.csproj || fail "add package: WeatherApp.csproj has no PackageReference to SoapGen $VERSION"
echo "    WeatherApp.csproj:"; sed 's/^/      /' WeatherApp.csproj

# 4. build (the restore here takes everything but SoapGen from the configured sources)
step build "$LOGS/package-build.log" dotnet build
BUILD_WARNINGS=$(warnings "$LOGS/package-build.log")
[[ -z "$BUILD_WARNINGS" ]] || { echo "$BUILD_WARNINGS"; fail "build: warnings"; }
pass "build: Nullable, TreatWarningsAsErrors, AnalysisLevel=latest-recommended, 0 warnings"

# 5. run against the server
EXPECTED="Basel: 2 days, summary 'days=2 tags=sun'"
step run "$LOGS/package-run.log" dotnet run --no-build -- "$ENDPOINT"
grep -qxF "$EXPECTED" "$LOGS/package-run.log" || fail "run: expected the line \"$EXPECTED\" (see package-run.log)"
pass "run: the generated client against the weather server"

# 6. Native AOT
step "AOT publish" "$LOGS/package-publish.log" dotnet publish -c Release -r "$RID" -o "$WORK/publish"
PUBLISH_WARNINGS=$(warnings "$LOGS/package-publish.log")
[[ -z "$PUBLISH_WARNINGS" ]] || { echo "$PUBLISH_WARNINGS"; fail "AOT publish: warnings"; }
[[ -x "$WORK/publish/WeatherApp" ]] || fail "AOT publish: no native binary WeatherApp"
pass "AOT publish: 0 warnings, native binary $(stat -c %s "$WORK/publish/WeatherApp") bytes"
step "native run" "$LOGS/package-native-run.log" "$WORK/publish/WeatherApp" "$ENDPOINT"
grep -qxF "$EXPECTED" "$LOGS/package-native-run.log" || fail "native run: expected the line \"$EXPECTED\""
pass "native run: the AOT binary against the weather server"
