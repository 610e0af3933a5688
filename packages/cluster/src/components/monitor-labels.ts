/** The label of kube-prometheus-stack's release that its ServiceMonitors, PodMonitors and rules carry. */
export const monitorLabels = { release: 'kube-prometheus-stack' } as const;
