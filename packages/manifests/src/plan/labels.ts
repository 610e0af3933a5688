/** Labels every object of an app carries. */
export function appLabels(app: string, component?: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': app,
    ...(component ? { 'app.kubernetes.io/component': component } : {}),
    'app.kubernetes.io/part-of': app,
    'app.kubernetes.io/managed-by': 'sugarkube',
  };
}

/** The immutable selector of one service's pods. */
export function selectorLabels(app: string, component: string): Record<string, string> {
  return { 'app.kubernetes.io/name': app, 'app.kubernetes.io/component': component };
}
