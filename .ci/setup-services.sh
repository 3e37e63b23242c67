#!/usr/bin/env bash
# Prepare the services the integration tests use on Debian 12 (run as root; idempotent, no systemd needed):
# PostgreSQL binaries (the tests start their own throw-away cluster), a running cupsd, and the cups-pdf
# queue "Sekretariat_PDF" that writes every job as a PDF under /var/spool/cups-pdf/<user>/.
set -euo pipefail

QUEUE=Sekretariat_PDF
CUPS_PDF_CONF=/etc/cups/cups-pdf.conf
CUPS_PDF_BASE=/var/spool/cups-pdf
# ${USER} is expanded by cups-pdf itself (literal here), so each job owner gets a directory of their own.
# shellcheck disable=SC2016
CUPS_PDF_OUT='/var/spool/cups-pdf/${USER}'

log() { echo "setup-services: $*"; }
die() {
    echo "setup-services: ERROR: $*" >&2
    exit 1
}

[ "$(id -u)" -eq 0 ] || die "must run as root (it installs packages and configures CUPS)"
command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script targets Debian/Ubuntu"

# --- packages -------------------------------------------------------------------------------------------

have_initdb() {
    local bindir
    if command -v pg_config >/dev/null 2>&1; then
        bindir=$(pg_config --bindir 2>/dev/null || true)
        [ -n "$bindir" ] && [ -x "$bindir/initdb" ] && return 0
    fi
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && return 0
    command -v initdb >/dev/null 2>&1
}

pkg_installed() {
    dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii'
}

wanted=(cups cups-client printer-driver-cups-pdf poppler-utils zbar-tools fonts-liberation2
    libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libcups2 chromium chromium-driver)
# The packaging checks (issue 16): readelf for the bundle's libraries, the .desktop and AppStream validators,
# makensis for the Windows installer script, xvfb for the installed app's screenshots.
wanted+=(binutils desktop-file-utils appstream nsis)
have_initdb || wanted=(postgresql "${wanted[@]}")

apt_run() { # apt-get "$@", waiting (up to ~10 min) while another apt/dpkg process holds the lock
    local out
    for _ in $(seq 1 120); do
        if out=$(apt-get -o DPkg::Lock::Timeout=60 "$@" 2>&1); then
            [ -z "$out" ] || echo "$out"
            return 0
        fi
        if ! grep -qE 'Could not get lock|Unable to lock' <<<"$out"; then
            echo "$out" >&2
            return 1
        fi
        log "another apt/dpkg process holds the lock; waiting"
        sleep 5
    done
    echo "$out" >&2
    return 1
}

missing=()
for pkg in "${wanted[@]}"; do
    pkg_installed "$pkg" || missing+=("$pkg")
done

if [ "${#missing[@]}" -gt 0 ]; then
    log "installing: ${missing[*]}"
    # Keep package maintainer scripts from starting services (the main PostgreSQL cluster, cupsd): without
    # systemd we start exactly what the tests need ourselves, below.
    policy_created=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        policy_created=1
    fi
    # An "if", not "&&": under set -e a false test as the last command would end the script with status 1
    # when policy-rc.d was already there before us.
    cleanup_policy() { if [ "$policy_created" -eq 1 ]; then rm -f /usr/sbin/policy-rc.d; fi; }
    trap cleanup_policy EXIT
    export DEBIAN_FRONTEND=noninteractive
    apt_run update -qq || die "apt-get update failed"
    apt_run install -y -qq --no-install-recommends "${missing[@]}" || die "apt-get install ${missing[*]} failed"
    cleanup_policy
    trap - EXIT
fi

have_initdb || die "PostgreSQL initdb still not found after installing postgresql"
for tool in cupsd lpstat lpadmin cupsenable cupsaccept lp; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found (is the cups package installed?)"
done
[ -x /usr/lib/cups/backend/cups-pdf ] || die "cups-pdf backend missing (/usr/lib/cups/backend/cups-pdf)"

# --- cups-pdf output directory ---------------------------------------------------------------------------
# cups-pdf reads its configuration for every job, so no restart is needed after editing it.

[ -f "$CUPS_PDF_CONF" ] || die "$CUPS_PDF_CONF missing (printer-driver-cups-pdf broken?)"
set_conf() { # key value: replace the active or commented "key ..." line, or append it
    local key=$1 value=$2
    if grep -qxF "$key $value" "$CUPS_PDF_CONF"; then
        return 0
    fi
    if grep -qE "^$key[[:space:]]" "$CUPS_PDF_CONF"; then
        sed -i -E "s|^$key[[:space:]].*|$key $value|" "$CUPS_PDF_CONF"
    elif grep -qE "^#$key[[:space:]]" "$CUPS_PDF_CONF"; then
        sed -i -E "0,/^#$key[[:space:]].*/s||$key $value|" "$CUPS_PDF_CONF"
    else
        echo "$key $value" >>"$CUPS_PDF_CONF"
    fi
    log "cups-pdf.conf: $key $value"
}
set_conf Out "$CUPS_PDF_OUT"
set_conf AnonDirName "$CUPS_PDF_BASE/ANONYMOUS"
install -d -m 0755 "$CUPS_PDF_BASE"
install -d -m 1777 "$CUPS_PDF_BASE/ANONYMOUS"

# --- cupsd ----------------------------------------------------------------------------------------------

cups_running() { LC_ALL=C lpstat -r 2>/dev/null | grep -q 'is running'; }

if ! cups_running; then
    log "starting cupsd"
    install -d -m 0755 /run/cups
    cupsd || die "cupsd failed to start; see /var/log/cups/error_log"
    for _ in $(seq 1 100); do
        cups_running && break
        sleep 0.1
    done
    cups_running || die "cupsd started but 'lpstat -r' does not report it running; see /var/log/cups/error_log:
$(tail -n 20 /var/log/cups/error_log 2>/dev/null || true)"
fi

# --- the queue ------------------------------------------------------------------------------------------

find_ppd() {
    local p
    for p in /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd \
        /usr/share/ppd/cups-pdf/*.ppd /usr/share/cups/model/CUPS-PDF*.ppd; do
        [ -f "$p" ] && {
            echo "$p"
            return 0
        }
    done
    return 1
}

if ! lpstat -v "$QUEUE" >/dev/null 2>&1; then
    ppd=$(find_ppd) || die "no CUPS-PDF PPD found under /usr/share/ppd/cups-pdf/"
    log "creating queue $QUEUE (cups-pdf:/, $ppd)"
    # abort-job: a failing test job must fail fast instead of blocking the queue with retries.
    lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$ppd" -D "Sekretariat test PDF printer" \
        -o printer-error-policy=abort-job 2> >(grep -v 'deprecated' >&2) ||
        die "lpadmin could not create $QUEUE"
fi

state=$(LC_ALL=C lpstat -p "$QUEUE" 2>/dev/null || true)
if ! grep -q 'enabled' <<<"$state" || grep -qi 'disabled' <<<"$state"; then
    cupsenable "$QUEUE" || die "cupsenable $QUEUE failed"
fi
accepting() { # "lpstat -a" says "<queue> accepting requests …" or "<queue> not accepting requests …"
    local out
    out=$(LC_ALL=C lpstat -a "$QUEUE" 2>/dev/null) || return 1
    grep -q 'accepting requests' <<<"$out" && ! grep -q 'not accepting' <<<"$out"
}
accepting || cupsaccept "$QUEUE" || die "cupsaccept $QUEUE failed"
accepting || die "$QUEUE is not accepting jobs: $(lpstat -a "$QUEUE" 2>&1)"

log "ready: queue $QUEUE; PDFs land in $CUPS_PDF_BASE/<user>/ (unknown users: $CUPS_PDF_BASE/ANONYMOUS)"
echo "export SEKRETARIAT_CUPS_QUEUE=$QUEUE"
echo "export SEKRETARIAT_CUPS_PDF_BASE=$CUPS_PDF_BASE"
