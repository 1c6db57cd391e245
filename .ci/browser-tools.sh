#!/usr/bin/env bash
# browser-tools.sh installs what the real-browser tests in web/browser need:
# Chromium's headless shell, a Java runtime (for the Nu HTML Checker), pdftotext (the brief PDF test) and the pinned npm tools
# (axe-core, vnu-jar) in the repository's ignored .tools folder. It is
# idempotent: run it as root before `go test ./web/browser/`. npm scripts are
# skipped: vnu-jar's postinstall would download its own Java, and the tests use
# the system one.
set -euo pipefail

AXE_VERSION=4.14.1
VNU_VERSION=26.9.27

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

apt_updated=
apt_install() {
	if [ -z "$apt_updated" ]; then
		apt-get update
		apt_updated=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# The headless shell is Chromium without the desktop browser around it:
# the same engine, for about 30 % less CPU over the browser tests.
if [ ! -x /usr/bin/chromium-headless-shell ]; then
	apt_install chromium-headless-shell
fi
if ! command -v java >/dev/null 2>&1; then
	apt_install default-jre-headless
fi
# pdftotext: the brief's PDF test reads its text back, proving it selectable.
if ! command -v pdftotext >/dev/null 2>&1; then
	apt_install poppler-utils
fi
if ! command -v npm >/dev/null 2>&1; then
	apt_install npm
fi

installed_version() { # package -> version in .tools, or nothing
	local pkg="$root/.tools/node_modules/$1/package.json"
	[ -f "$pkg" ] && node -p "require(process.argv[1]).version" "$pkg" 2>/dev/null || true
}

if [ "$(installed_version axe-core)" != "$AXE_VERSION" ] ||
	[ "$(installed_version vnu-jar)" != "$VNU_VERSION" ] ||
	[ ! -f "$root/.tools/node_modules/axe-core/axe.min.js" ] ||
	[ ! -f "$root/.tools/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
	mkdir -p "$root/.tools"
	(cd "$root" && npm install --prefix .tools --no-audit --no-fund --ignore-scripts --save-exact \
		"axe-core@$AXE_VERSION" "vnu-jar@$VNU_VERSION")
fi

echo "browser tools ready: $(/usr/bin/chromium-headless-shell --version 2>/dev/null || echo chromium-headless-shell)," \
	"axe-core $(installed_version axe-core), vnu-jar $(installed_version vnu-jar)"
