// The browser-side tracker: data stays in the user's IndexedDB.
const status = document.getElementById('status');
if (status !== null) status.dataset.ready = 'true';
