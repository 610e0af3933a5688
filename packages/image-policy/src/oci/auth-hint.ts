/**
 * The hint on a 401 or 403: which credentials the client tried (`tried`, from the credential
 * lookup) and how to give it working ones. A 403 with credentials means they were accepted but
 * do not reach this repository; anything else means the registry wants (other) credentials.
 */
export function authHint(status: number, host: string, tried: string, sentCredentials: boolean): string {
  const login =
    host === 'ghcr.io'
      ? 'log in with a token that has read:packages: echo "$TOKEN" | docker login ghcr.io -u USER --password-stdin'
      : `log in with: docker login ${host} (the client reads ~/.docker/config.json or $DOCKER_CONFIG, credential helpers included), or pass credentials`;
  return status === 403 && sentCredentials
    ? `Tried ${tried}: the registry accepts them but denies access to this repository; check the account's access to it (on GHCR: the package's visibility and the token's read:packages scope), or ${login}`
    : `Tried ${tried}; ${login}`;
}
