import type { FluxController } from './flux-controller.js';

/** The loopback ports one Flux controller process listens on. */
export interface FluxPorts {
  readonly metrics: number;
  readonly health: number;
  /** source-controller: the artifact server kustomize- and helm-controller download from. */
  readonly storage?: number;
  /** notification-controller: where the other controllers post their events. */
  readonly events?: number;
  /** notification-controller: the webhook receiver. */
  readonly receiver?: number;
}

export interface FluxProcessSettings {
  readonly ports: FluxPorts;
  /** `http://127.0.0.1:PORT/` of notification-controller's event endpoint, when it runs. */
  readonly eventsUrl?: string;
  /** source-controller's artifact storage, image-reflector-controller's tag database. */
  readonly storagePath?: string;
}

/**
 * The arguments of one Flux controller run as a process: the arguments of its Deployment in
 * the controller's release (`config/manager/deployment.yaml`: --watch-all-namespaces,
 * --log-level=info, --log-encoding=json, --enable-leader-election, source-controller's
 * --storage-path and --storage-adv-addr) and of the FluxInstance's install (--events-addr to
 * notification-controller), with in-cluster addresses replaced by loopback ports and leader
 * election off (one replica, nothing to elect).
 */
export function fluxProcessArgs(controller: FluxController, settings: FluxProcessSettings): string[] {
  const { ports } = settings;
  const args = [
    '--watch-all-namespaces=true',
    '--log-level=info',
    '--log-encoding=json',
    '--enable-leader-election=false',
    `--metrics-addr=127.0.0.1:${ports.metrics}`,
    `--health-addr=127.0.0.1:${ports.health}`,
  ];
  if (controller === 'notification-controller') {
    args.push(`--events-addr=127.0.0.1:${required(ports.events, controller, 'events')}`);
    args.push(`--receiverAddr=127.0.0.1:${required(ports.receiver, controller, 'receiver')}`);
  } else if (settings.eventsUrl) {
    args.push(`--events-addr=${settings.eventsUrl}`);
  }
  if (controller === 'source-controller') {
    const storage = `127.0.0.1:${required(ports.storage, controller, 'storage')}`;
    args.push(
      `--storage-path=${required(settings.storagePath, controller, 'storagePath')}`,
      `--storage-addr=${storage}`,
      `--storage-adv-addr=${storage}`,
    );
  }
  if (controller === 'image-reflector-controller') {
    args.push(`--storage-path=${required(settings.storagePath, controller, 'storagePath')}`);
  }
  return args;
}

function required<T>(value: T | undefined, controller: string, what: string): T {
  if (value === undefined) throw new Error(`fluxProcessArgs: ${controller} needs ${what}`);
  return value;
}
