import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@sugarkube/verify';
import { fluxNamespace, type FluxController } from '../flux-controller.js';
import { fluxProcessArgs } from '../flux-process-args.js';
import { liveEntry } from './live-binary.js';
import type { Supervisor, SupervisedProcess } from './supervisor.js';
import { waitFor } from './wait-for.js';

export interface RunningFlux {
  readonly processes: Readonly<Partial<Record<FluxController, SupervisedProcess>>>;
  /** notification-controller's webhook receiver, `http://127.0.0.1:PORT`, when it runs. */
  readonly receiverUrl?: string;
}

/**
 * Starts the given Flux controllers as processes, each with its own kubeconfig (`kubeconfigs`),
 * and resolves once every one answers `/readyz` on its health port. notification-controller
 * starts first so the others can post their events to it.
 */
export async function startFluxControllers(
  supervisor: Supervisor,
  dir: string,
  controllers: readonly FluxController[],
  kubeconfigs: Readonly<Record<FluxController, string>>,
): Promise<RunningFlux> {
  const processes: Partial<Record<FluxController, SupervisedProcess>> = {};
  const health: Partial<Record<FluxController, number>> = {};
  const notification = controllers.includes('notification-controller');
  const events = notification ? await freePort() : undefined;
  const receiver = notification ? await freePort() : undefined;
  const ordered = [...controllers].sort(
    (a, b) => Number(b === 'notification-controller') - Number(a === 'notification-controller'),
  );
  for (const controller of ordered) {
    const ports = { metrics: await freePort(), health: await freePort(), storage: await freePort(), events, receiver };
    const storagePath = join(dir, 'flux', controller);
    mkdirSync(storagePath, { recursive: true });
    const args = fluxProcessArgs(controller, {
      ports,
      eventsUrl: events ? `http://127.0.0.1:${events}/` : undefined,
      storagePath,
    });
    processes[controller] = supervisor.start(controller, liveEntry(controller), args, {
      cwd: storagePath,
      env: {
        PATH: process.env.PATH,
        HOME: storagePath,
        TMPDIR: storagePath,
        KUBECONFIG: kubeconfigs[controller],
        RUNTIME_NAMESPACE: fluxNamespace,
        // As the Deployment sets it: sigstore's TUF cache in a writable place.
        TUF_ROOT: join(storagePath, '.sigstore'),
      },
    });
    health[controller] = ports.health;
  }
  await Promise.all(
    ordered.map((controller) =>
      waitFor(
        controller,
        async () => {
          const r = await fetch(`http://127.0.0.1:${health[controller]}/readyz`);
          return r.status === 200 || `${r.status} ${await r.text()}`;
        },
        { process: processes[controller], timeoutMs: 120_000, intervalMs: 500 },
      ),
    ),
  );
  return { processes, receiverUrl: receiver ? `http://127.0.0.1:${receiver}` : undefined };
}
