// Stands in for the Three.js scene: renders a route, the projects and the build info the pod was seeded with.
const projects = [
  { name: 'sugarkube', summary: 'Raspberry Pi k3s clusters, GitOps-managed, running a handful of real apps', tags: ['k3s', 'flux', 'pi5'] },
  { name: 'token.place', summary: 'Peer-to-peer generative AI relay with end-to-end encryption', tags: ['python', 'flask', 'crypto'] },
  { name: 'dspace', summary: 'An idle space exploration game built around real-world quests', tags: ['astro', 'svelte', 'game'] },
  { name: 'jobbot3000', summary: 'A self-hosted job search copilot with a static web console', tags: ['node', 'express', 'cli'] },
  { name: 'danielsmith.io', summary: 'This portfolio: a Three.js scene with a studio and a project gallery', tags: ['vite', 'three', 'webgl'] },
  { name: 'f2clipboard', summary: 'Collects failing CI logs and pastes a compact summary for review', tags: ['python', 'ci', 'tools'] },
  { name: 'flywheel', summary: 'A template repository with lint, test and release automation built in', tags: ['template', 'ci', 'docs'] },
  { name: 'gabriel', summary: 'A privacy-first personal security assistant that runs locally', tags: ['llm', 'privacy', 'local'] },
];

const app = document.getElementById('app');
const routes = { '/': 'Portfolio', '/studio': 'Studio' };
app.textContent = routes[location.pathname] ?? 'Portfolio';
app.dataset.route = location.pathname;
const list = document.createElement('ul');
for (const project of projects) {
  const item = document.createElement('li');
  item.textContent = `${project.name}: ${project.summary} (${project.tags.join(', ')})`;
  list.append(item);
}
app.append(list);
fetch('/runtime/build-info.json', { cache: 'no-store' })
  .then((response) => (response.ok ? response.json() : null))
  .then((info) => {
    if (info) app.dataset.environment = info.environment;
    app.dataset.ready = '';
  });
