/** Pi-sized container resources: requests, and a memory limit but no CPU limit (CPU limits throttle). */
export function podResources(cpu: string, memory: string, memoryLimit: string) {
  return { requests: { cpu, memory }, limits: { memory: memoryLimit } };
}
