/* eslint-disable @typescript-eslint/no-explicit-any -- test helpers walk untyped Kubernetes JSON */
/**
 * The Pod Security Standards "restricted" profile (baseline + restricted
 * controls, Kubernetes v1.33), written from
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/,
 * plus Sugarkube's own rules (read-only root, probes on main containers).
 * Returns one line per violation; empty means the pod is admitted.
 */
type Json = Record<string, any>;

const allowedVolumeKinds = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
const safeSysctls = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

export function restrictedViolations(pod: Json, options: { sugarkube?: boolean } = {}): string[] {
  const out: string[] = [];
  const podSc: Json = pod.securityContext ?? {};
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC'])
    if (pod[field] === true) out.push(`${field} must be false`);
  for (const volume of pod.volumes ?? []) {
    const kinds = Object.keys(volume).filter((k) => k !== 'name');
    for (const kind of kinds)
      if (!allowedVolumeKinds.has(kind)) out.push(`volume ${volume.name}: type ${kind} not allowed`);
  }
  for (const sysctl of podSc.sysctls ?? [])
    if (!safeSysctls.has(sysctl.name)) out.push(`sysctl ${sysctl.name} not allowed`);
  if (podSc.seLinuxOptions?.user || podSc.seLinuxOptions?.role) out.push('pod seLinuxOptions user/role not allowed');
  if (podSc.appArmorProfile?.type === 'Unconfined') out.push('pod appArmorProfile Unconfined');
  if (podSc.runAsUser === 0) out.push('pod runAsUser 0');
  if (podSc.seccompProfile && !['RuntimeDefault', 'Localhost'].includes(podSc.seccompProfile.type))
    out.push('pod seccompProfile must be RuntimeDefault or Localhost');
  if (podSc.windowsOptions?.hostProcess) out.push('hostProcess not allowed');
  const containers: [string, Json][] = [
    ...(pod.initContainers ?? []).map((c: Json) => ['initContainer', c] as [string, Json]),
    ...(pod.containers ?? []).map((c: Json) => ['container', c] as [string, Json]),
    ...(pod.ephemeralContainers ?? []).map((c: Json) => ['ephemeralContainer', c] as [string, Json]),
  ];
  if (!(pod.containers ?? []).length) out.push('no containers');
  for (const [kind, c] of containers) {
    const where = `${kind} ${c.name}`;
    const sc: Json = c.securityContext ?? {};
    if (sc.privileged === true) out.push(`${where}: privileged`);
    for (const port of c.ports ?? []) if (port.hostPort) out.push(`${where}: hostPort ${port.hostPort}`);
    if (sc.procMount && sc.procMount !== 'Default') out.push(`${where}: procMount`);
    if (sc.seLinuxOptions?.user || sc.seLinuxOptions?.role) out.push(`${where}: seLinuxOptions user/role`);
    if (sc.appArmorProfile?.type === 'Unconfined') out.push(`${where}: appArmorProfile Unconfined`);
    if (sc.allowPrivilegeEscalation !== false) out.push(`${where}: allowPrivilegeEscalation must be false`);
    const runAsNonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
    if (runAsNonRoot !== true) out.push(`${where}: runAsNonRoot must be true`);
    if (sc.runAsNonRoot === false) out.push(`${where}: runAsNonRoot false`);
    if (sc.runAsUser === 0) out.push(`${where}: runAsUser 0`);
    const seccomp = sc.seccompProfile?.type ?? podSc.seccompProfile?.type;
    if (!['RuntimeDefault', 'Localhost'].includes(seccomp))
      out.push(`${where}: seccompProfile must be RuntimeDefault or Localhost`);
    const drop: string[] = sc.capabilities?.drop ?? [];
    if (!drop.includes('ALL')) out.push(`${where}: capabilities must drop ALL`);
    for (const cap of sc.capabilities?.add ?? [])
      if (cap !== 'NET_BIND_SERVICE') out.push(`${where}: capability ${cap} added`);
    if (options.sugarkube !== false) {
      if (sc.readOnlyRootFilesystem !== true) out.push(`${where}: readOnlyRootFilesystem must be true`);
      const uid = sc.runAsUser ?? podSc.runAsUser;
      if (!Number.isInteger(uid) || uid < 1) out.push(`${where}: needs a numeric non-root runAsUser`);
      if (kind === 'container' && c.name === pod.containers[0].name && !(c.readinessProbe && c.livenessProbe))
        out.push(`${where}: needs readiness and liveness probes`);
      if (kind === 'container' && !(c.readinessProbe || c.livenessProbe)) out.push(`${where}: needs a probe`);
    }
  }
  return out;
}

/** Pod specs of workload objects (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod). */
export function podSpecs(objects: readonly Json[]): { id: string; spec: Json }[] {
  const out: { id: string; spec: Json }[] = [];
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata?.name}`;
    if (o.kind === 'Pod') out.push({ id, spec: o.spec });
    else if (o.kind === 'CronJob') out.push({ id, spec: o.spec?.jobTemplate?.spec?.template?.spec });
    else if (o.spec?.template?.spec) out.push({ id, spec: o.spec.template.spec });
  }
  return out;
}

/** True when a namespace's objects include a policy selecting every pod and denying both directions. */
export function hasDefaultDeny(objects: readonly Json[], namespace: string): boolean {
  return objects.some(
    (o) =>
      o.kind === 'NetworkPolicy' &&
      o.metadata.namespace === namespace &&
      Object.keys(o.spec.podSelector ?? {}).length === 0 &&
      ['Ingress', 'Egress'].every((t) => (o.spec.policyTypes ?? []).includes(t)) &&
      !o.spec.ingress?.length &&
      !o.spec.egress?.length,
  );
}
