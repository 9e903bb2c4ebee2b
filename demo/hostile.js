// Points the portal at the local API, and drops the hostile stylesheet for ?hostile=0 so the
// page can be compared with itself.
if (new URLSearchParams(window.location.search).get('hostile') === '0') {
  document.getElementById('hostile-css')?.remove();
}

const response = await fetch('/demo-api/config');
const { apiBase } = await response.json();
document.querySelector('escalated-portal')?.setAttribute('api-base', apiBase);
