// The tally at the gate. Each tap becomes an entry with its own idempotency key, kept in this
// phone's storage until the server has acknowledged it: a dropped signal, a double tap or a
// reload never loses or doubles a count. Without JavaScript the form posts as usual.
const form = document.getElementById('tally');
const queueLine = document.getElementById('queue');
const recordedOutput = document.getElementById('recorded');
const undoForm = document.getElementById('undo');
// Each officer's queue is their own, so that taps never leave the phone under someone else's name.
const storeKey = `waymark.tally.${form.dataset.user}.${form.dataset.operation}`;
const place = form.elements.flightId
  ? { flightId: form.elements.flightId.value }
  : { location: form.elements.location.value };
const countsKey = `${storeKey}.recorded`;
const placeKey = place.flightId ? `flight:${place.flightId}` : `location:${place.location}`;
let serverRecorded = rememberRecorded(Number(recordedOutput.textContent) || 0,
  Number(recordedOutput.dataset.asOf) || 0);
let sending = false;
let problem = null;

function load() {
  try {
    return JSON.parse(localStorage.getItem(storeKey)) || [];
  } catch {
    return [];
  }
}

function store(entries) {
  localStorage.setItem(storeKey, JSON.stringify(entries));
}

// The server's count for this place, the latest known: this page may be a copy kept on the phone
// (reloaded without a signal) that is older than the counts the server acknowledged since.
function rememberRecorded(recorded, asOf) {
  let counts;
  try {
    counts = JSON.parse(localStorage.getItem(countsKey)) || {};
  } catch {
    counts = {};
  }
  const known = counts[placeKey];
  if (known && known.asOf > asOf) return known.recorded;
  counts[placeKey] = { recorded, asOf };
  localStorage.setItem(countsKey, JSON.stringify(counts));
  return recorded;
}

function samePlace(entry) {
  return entry.flightId === place.flightId && entry.location === place.location;
}

function show() {
  const entries = load();
  const pendingHere = entries.filter(samePlace).reduce((sum, entry) => sum + entry.passengers, 0);
  recordedOutput.textContent = String(serverRecorded + pendingHere);
  queueLine.hidden = false;
  if (entries.length === 0) {
    queueLine.textContent = problem || queueLine.dataset.none;
  } else {
    // How many taps are waiting always shows, followed by why when that is known.
    const why = problem || (navigator.onLine ? '' : queueLine.dataset.offline);
    queueLine.textContent = queueLine.dataset.waiting.replace('{n}', entries.length) + (why ? ` ${why}` : '');
  }
}

async function send(entry) {
  const body = new URLSearchParams();
  body.append(form.elements._csrf.name, form.elements._csrf.value);
  body.append('passengers', entry.passengers);
  body.append('idempotencyKey', entry.key);
  body.append('leaflets', entry.leaflets);
  entry.languages.forEach((language) => body.append('languages', language));
  if (entry.flightId) body.append('flightId', entry.flightId);
  if (entry.location) body.append('location', entry.location);
  return fetch(form.action, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    redirect: 'manual',
    headers: { 'X-Tally': 'script', Accept: 'application/json' },
  });
}

async function flush() {
  if (sending) return;
  sending = true;
  try {
    for (let entries = load(); entries.length > 0; entries = load()) {
      const entry = entries[0];
      let response;
      try {
        response = await send(entry);
      } catch {
        problem = queueLine.dataset.offline;
        return;
      }
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
        problem = queueLine.dataset.signin;
        return;
      }
      if (response.status >= 500) {
        return;
      }
      // Acknowledged (200/201) or refused for good (4xx): either way it leaves the queue.
      problem = response.ok ? null : queueLine.dataset.refused;
      store(load().filter((waiting) => waiting.key !== entry.key));
      if (response.ok && samePlace(entry)) {
        const acknowledged = await response.json();
        serverRecorded = rememberRecorded(acknowledged.recorded, acknowledged.asOf);
        offerUndo(acknowledged.engagementId, acknowledged.undoLabel);
      }
    }
  } finally {
    sending = false;
    show();
  }
}

// The last entry sent from this page can be taken back, as one sent without JavaScript can. The
// server words the button, so that "1 passenger" and "5 passengers" read as the page's own.
function offerUndo(engagementId, label) {
  if (!undoForm) return;
  undoForm.elements.engagementId.value = engagementId;
  const button = undoForm.querySelector('button');
  button.textContent = label;
  undoForm.hidden = false;
}

form.addEventListener('submit', (event) => {
  const button = event.submitter;
  const typed = form.elements.count.value.trim();
  // Enter in the number box submits with the first button, +1: the typed number is meant.
  const isTyped = (button && button.value === 'typed') || (document.activeElement === form.elements.count && typed);
  const passengers = isTyped ? Number(typed) : Number(button && button.value);
  const leafletsTyped = form.elements.leaflets.value.trim();
  const leafletsOk = leafletsTyped === '' || /^\d{1,5}$/.test(leafletsTyped) && Number(leafletsTyped) <= 10000;
  if (!Number.isInteger(passengers) || passengers < 1 || passengers > 500 || !leafletsOk) {
    return; // the form goes to the server, which explains what is wrong
  }
  event.preventDefault();
  const leaflets = Number(form.elements.leaflets.value.trim() || 0);
  const languages = Array.from(form.querySelectorAll('input[name="languages"]:checked'), (box) => box.value);
  const another = form.elements.anotherLanguage;
  if (another && another.value && !languages.includes(another.value)) languages.push(another.value);
  const entry = {
    key: crypto.randomUUID(), passengers, languages, leaflets: Number.isInteger(leaflets) ? leaflets : 0, ...place,
  };
  store([...load(), entry]);
  form.elements.leaflets.value = '';
  if (isTyped) form.elements.count.value = '';
  show();
  flush();
});

window.addEventListener('online', () => { problem = null; flush(); });
window.addEventListener('offline', show);
setInterval(flush, 10000);
show();
flush();

// Keep this page for a reload without a signal: the service worker serves it from the cache.
if ('serviceWorker' in navigator && 'caches' in window) {
  navigator.serviceWorker.register('/sw.js').then(() => caches.open('waymark-pages'))
    .then((cache) => cache.add(window.location.href))
    .catch(() => { /* without a cache the page still works while online */ });
}
