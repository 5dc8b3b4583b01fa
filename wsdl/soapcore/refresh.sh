#!/usr/bin/env bash
# Re-fetches soapcore11.wsdl and soapcore12.wsdl from the SoapCore test server (tests/servers/soapcore): starts it on a
# free loopback port, GETs ?wsdl of both endpoints, normalizes the address to http://localhost/ and writes them here.
# SoapCoreWsdlTests fails when these files differ from what the server serves; run this after changing the contract.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
exec dotnet run --project tests/servers/soapcore -- --save-wsdl "$PWD/wsdl/soapcore"  # absolute: dotnet run starts in the project directory
