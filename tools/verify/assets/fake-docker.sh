#!/bin/bash
# A stand-in for the docker CLI, for the smoke workflow's container job where no Docker daemon
# runs: `docker run` starts the image's own command the way runc would with the flags the job
# passes (read-only root, tmpfs mounts with their options, the user, no new privileges, every
# capability dropped, the published port), and `inspect`/`logs` answer about that process. It
# runs inside the private mount and network namespaces the job runner made. Only the flags
# docker's CLI has are accepted (the test also checks them against `docker run --help`).
set -euo pipefail
state="${FAKE_DOCKER_STATE:?}"
command="$1"
shift
fail() { echo "fake docker: $*" >&2; exit 125; }
case "$command" in
  run)
    user="" readonly_root=0 nnp=0 capdrop="" publish="" name="" detach=0
    tmpfs=()
    while [ $# -gt 0 ]; do
      case "$1" in
        -d | --detach) detach=1 ;;
        --name) name="$2"; shift ;;
        -u | --user) user="$2"; shift ;;
        --read-only) readonly_root=1 ;;
        --cap-drop) capdrop="$2"; shift ;;
        --security-opt) [ "$2" = no-new-privileges ] || fail "unsupported --security-opt $2"; nnp=1; shift ;;
        --tmpfs) tmpfs+=("$2"); shift ;;
        -p | --publish) publish="$2"; shift ;;
        -*) fail "unknown flag $1" ;;
        *) break ;;
      esac
      shift
    done
    [ $# -eq 1 ] || fail "expected exactly the image after the flags, got: $*"
    [ "$1" = "${FAKE_DOCKER_IMAGE:?}" ] || fail "unknown image $1"
    if [ "$detach" != 1 ] || [ -z "$name" ]; then fail "the smoke job runs a detached, named container"; fi
    [[ "$user" =~ ^[0-9]+:[0-9]+$ ]] || fail "--user must be numeric uid:gid, got '$user'"
    [ -z "$capdrop" ] || [ "$capdrop" = ALL ] || fail "only --cap-drop ALL is emulated"
    [[ "$publish" =~ ^127\.0\.0\.1:([0-9]+):([0-9]+)$ ]] || fail "--publish must be 127.0.0.1:HOST:CONTAINER, got '$publish'"
    host_port="${BASH_REMATCH[1]}" container_port="${BASH_REMATCH[2]}"
    { echo "name=$name"; echo "user=$user"; echo "read-only=$readonly_root"; echo "no-new-privileges=$nnp"; echo "cap-drop=$capdrop"
      for spec in "${tmpfs[@]}"; do echo "tmpfs=$spec"; done; } >"$state/run-flags"

    root="${FAKE_DOCKER_ROOTFS:?}"
    mount --bind "$root" "$root"
    mkdir -p "$root/proc" "$root/dev"
    mount --rbind /proc "$root/proc"
    mount --rbind /dev "$root/dev"
    for spec in "${tmpfs[@]}"; do
      path="${spec%%:*}" options=""
      [ "$spec" = "$path" ] || options="${spec#*:}"
      mkdir -p "$root$path" # runc creates a missing mount point, as here
      mount -t tmpfs ${options:+-o "$options"} tmpfs "$root$path"
    done
    [ "$readonly_root" = 0 ] || mount -o remount,bind,ro "$root"

    # The published port: a loopback forwarder to the container's port (same network namespace).
    node "${FAKE_DOCKER_FORWARDER:?}" "$host_port" "$container_port" >"$state/forwarder.log" 2>&1 &
    echo $! >"$state/forwarder.pid"
    # The container's stdio is a file its user owns (runc hands the container user its stdio).
    : >"$state/app.log"
    chown "$user" "$state/app.log"
    mapfile -d '' env <"$state/image-env"
    mapfile -d '' argv <"$state/image-argv"
    workdir="$(cat "$state/image-workdir")"
    caps=(--bounding-set "-all,+setuid,+setgid,+sys_chroot") # only what chroot needs to switch to the user; gone after it
    [ "$nnp" = 1 ] && caps=(--no-new-privs "${caps[@]}")
    # shellcheck disable=SC2016 # $0 and $@ are the inner shell's: the workdir and the image's command.
    setsid /usr/bin/env -i "${env[@]}" /usr/bin/setpriv "${caps[@]}" /usr/sbin/chroot --userspec="$user" "$root" \
      /bin/sh -c 'cd "$0" && exec "$@"' "$workdir" "${argv[@]}" >>"$state/app.log" 2>&1 </dev/null &
    echo $! >"$state/app.pid"
    echo "fake-$name"
    ;;
  inspect)
    if [ "$1" != --format ] || [ "$2" != '{{.State.Running}}' ]; then fail "unsupported inspect $*"; fi
    if kill -0 "$(cat "$state/app.pid")" 2>/dev/null; then echo true; else echo false; fi
    ;;
  logs)
    cat "$state/app.log"
    ;;
  *)
    fail "unsupported command $command"
    ;;
esac
