/**
 * The arm64 guard: a bash script that fails when an image index lacks one of
 * the platforms. Reads `$INDEXES` (space-separated references) and
 * `$PLATFORMS` (`linux/amd64 linux/arm64`); uses `docker buildx imagetools
 * inspect --raw` and jq, both on GitHub's Ubuntu runners. Attestation
 * manifests (platform unknown/unknown) do not count.
 */
export const platformGuardScript = [
  'missing=0',
  'for index in $INDEXES; do',
  '  if ! raw=$(docker buildx imagetools inspect --raw "$index"); then',
  '    echo "::error::cannot read $index"',
  '    missing=1',
  '    continue',
  '  fi',
  '  for platform in $PLATFORMS; do',
  '    if jq -e --arg os "${platform%%/*}" --arg arch "${platform#*/}" \'[.manifests[]? | select(.platform.os == $os and .platform.architecture == $arch)] | length > 0\' <<<"$raw" > /dev/null; then',
  '      echo "ok: $index has $platform"',
  '    else',
  '      echo "::error::$index lacks $platform"',
  '      missing=1',
  '    fi',
  '  done',
  'done',
  'exit "$missing"',
].join('\n');
