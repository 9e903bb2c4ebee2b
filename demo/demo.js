// Demo stand-in for a host site's sign-in. A real site signs Escalated tokens on its own
// server for the user it has signed in. This page requests a token for a seeded user from the
// local demo server instead. Loaded as a module file because the demo's CSP forbids inline script.

const element = document.querySelector('[data-escalated]');
const usersBox = document.querySelector('[data-demo-users]');
const statusLine = document.querySelector('[data-demo-status]');
const eventList = document.querySelector('[data-demo-events]');
const roles = (document.body.dataset.demoRoles ?? 'customer').split(/\s+/);
const storageKey = `escalated-demo-user:${roles.join('+')}`;

/** Fetches JSON from the demo server and throws with the server's message on failure. */
async function getJson(url, init) {
  const response = await fetch(url, init);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body?.error?.message ?? `${url} failed with HTTP ${response.status}`);
  }
  return body;
}

/** Asks the demo server to sign a fresh token for `userId`. */
async function fetchToken(userId) {
  const { token } = await getJson('/demo-api/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return token;
}

function showStatus(text) {
  statusLine.textContent = text;
}

function renderUsers(users, onChoose, onSignOut) {
  usersBox.replaceChildren();
  for (const user of users) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.userId = user.id;
    button.textContent = `Sign in as ${user.label}`;
    button.addEventListener('click', () => onChoose(user));
    usersBox.append(button);
  }
  const signOut = document.createElement('button');
  signOut.type = 'button';
  signOut.className = 'secondary';
  signOut.textContent = 'Sign out';
  signOut.addEventListener('click', onSignOut);
  usersBox.append(signOut);
}

async function signIn(apiBase, user) {
  // Fetch one token first, so a failing demo server shows up here rather than in the widget.
  await fetchToken(user.id);
  await customElements.whenDefined(element.localName);
  element.tokenProvider = () => fetchToken(user.id);
  element.apiBase = apiBase;
  sessionStorage.setItem(storageKey, user.id);
  for (const button of usersBox.querySelectorAll('button[data-user-id]')) {
    button.setAttribute('aria-pressed', String(button.dataset.userId === user.id));
  }
  showStatus(`Signed in as ${user.name} (${user.role}).`);
}

// The portal keeps its API after sign-out, so it offers its guest form; the other elements
// forget it.
async function signOut() {
  await customElements.whenDefined(element.localName);
  element.tokenProvider = undefined;
  if (element.localName !== 'escalated-portal') element.apiBase = '';
  sessionStorage.removeItem(storageKey);
  for (const button of usersBox.querySelectorAll('button[data-user-id]')) {
    button.setAttribute('aria-pressed', 'false');
  }
  showStatus('Signed out.');
}

function logEvents() {
  if (!eventList) return;
  const names = [
    'escalated-ticket-created',
    'escalated-reply-created',
    'escalated-ticket-updated',
    'escalated-ticket-rated',
  ];
  for (const name of names) {
    element.addEventListener(name, (event) => {
      const item = document.createElement('li');
      item.textContent = `${name}: ${JSON.stringify({ ...event.detail, ticket: undefined })}`;
      eventList.prepend(item);
    });
  }
}

async function main() {
  logEvents();
  const [{ apiBase }, allUsers] = await Promise.all([
    getJson('/demo-api/config'),
    getJson('/demo-api/users'),
  ]);
  const users = allUsers.filter((user) => roles.includes(user.role));
  // With the API set and no user signed in, the portal offers visitors a guest ticket.
  const offersGuests = element.localName === 'escalated-portal';
  if (offersGuests) {
    await customElements.whenDefined(element.localName);
    element.apiBase = apiBase;
  }
  const choose = (user) =>
    signIn(apiBase, user).catch((error) => showStatus(`Sign-in failed: ${error.message}`));
  renderUsers(users, choose, () => signOut());

  const remembered = users.find((user) => user.id === sessionStorage.getItem(storageKey));
  if (remembered) await choose(remembered);
  else if (offersGuests) showStatus('Not signed in. Visitors can still open a ticket as a guest.');
  else showStatus('Not signed in.');
}

main().catch((error) => showStatus(`The demo could not start: ${error.message}`));
