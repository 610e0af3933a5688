// Stands in for the Three.js scene: renders a route and the build info the pod was seeded with.
const app = document.getElementById('app');
const routes = { '/': 'Portfolio', '/studio': 'Studio' };
app.textContent = routes[location.pathname] ?? 'Portfolio';
app.dataset.route = location.pathname;
fetch('/runtime/build-info.json', { cache: 'no-store' })
  .then((response) => (response.ok ? response.json() : null))
  .then((info) => {
    if (info) app.dataset.environment = info.environment;
    app.dataset.ready = '';
  });
