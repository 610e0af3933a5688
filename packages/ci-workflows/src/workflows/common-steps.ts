import { actionPins } from '../pins/action-pins.js';
import type { Permission, Step } from './workflow-model.js';

/** Check out without leaving the token in `.git/config` (zizmor's artipacked). */
export const checkoutStep: Step = {
  kind: 'uses',
  name: 'Check out',
  uses: actionPins.checkout,
  with: { 'persist-credentials': false },
};

/** docker/login-action to GHCR with the job's own `GITHUB_TOKEN` (no stored secret). */
export function loginGhcrStep(condition?: string): Step {
  return {
    kind: 'uses',
    name: 'Log in to GHCR with the job token',
    ...(condition ? { if: condition } : {}),
    uses: actionPins.login,
    with: { registry: 'ghcr.io', username: '${{ github.actor }}', password: '${{ secrets.GITHUB_TOKEN }}' },
  };
}

export const readPermission = (scope: Permission['scope'], reason: string): Permission => ({
  scope,
  access: 'read',
  reason,
});
export const writePermission = (scope: Permission['scope'], reason: string): Permission => ({
  scope,
  access: 'write',
  reason,
});
