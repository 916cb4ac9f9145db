// GOV.UK Frontend's components (error summary focus, skip link, ...). Loaded as a module, so
// browsers too old for it keep the plain HTML, which works on its own.
import { initAll } from '/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// Parts of a page that stay current: the element is refetched from data-refresh-url every
// data-refresh-seconds and replaced; without JavaScript the page shows its state when loaded.
// An answer with no content (204) means nothing changed. The fresh element's own
// data-refresh-url, if it has one, is asked next time (it may say what the page now shows).
document.querySelectorAll('[data-refresh-url]').forEach((element) => {
  const every = Number(element.dataset.refreshSeconds || 30) * 1000;
  setInterval(async () => {
    try {
      const response = await fetch(element.dataset.refreshUrl, { credentials: 'same-origin', redirect: 'manual' });
      if (response.ok && response.status !== 204) {
        // A template parses table rows and any other element alike.
        const parsed = document.createElement('template');
        parsed.innerHTML = await response.text();
        const fresh = parsed.content.querySelector(element.tagName.toLowerCase());
        if (fresh) {
          element.replaceChildren(...fresh.childNodes);
          if (fresh.dataset.refreshUrl) element.dataset.refreshUrl = fresh.dataset.refreshUrl;
        }
      }
    } catch {
      // no signal: keep what is shown and try again next time
    }
  }, every);
});

// A page that is waiting for work to finish (such as an import) reloads itself.
document.querySelectorAll('[data-reload-every]').forEach((element) => {
  setTimeout(() => window.location.reload(), Number(element.dataset.reloadEvery) * 1000);
});

// The sign-in page (after signing out, or a session that ended) forgets the pages kept for use
// without a signal, so that the next person on this phone never sees them. Taps still waiting
// stay, under their officer's name, until that officer signs in and they are sent.
if (window.location.pathname === '/sign-in' && 'caches' in window) {
  caches.delete('waymark-pages');
}

// The shift page says how many tallies wait on this phone for a signal (kept by tally.js under
// the officer's and operation's key). Only the phone knows, so without the script it says nothing.
document.querySelectorAll('[data-tally-queue]').forEach((line) => {
  let waiting = 0;
  try {
    waiting = (JSON.parse(localStorage.getItem(line.dataset.tallyQueue)) || []).length;
  } catch {
    // an unreadable store is nothing to send
  }
  const form = waiting === 0 ? 'none' : new Intl.PluralRules('en').select(waiting);
  line.textContent = (line.dataset[form] || line.dataset.other).replace('{n}', waiting);
  line.hidden = false;
});

// "Copy as text" on a referral: the button is hidden until the script can copy, and says that
// it copied in a live region, so that a screen reader hears it too. Without the script (or the
// clipboard), the text is in a read-only box under "Show the text to copy".
document.querySelectorAll('[data-copy-from]').forEach((button) => {
  const source = document.getElementById(button.dataset.copyFrom);
  const status = document.getElementById(button.dataset.copyStatus);
  if (!source || !status || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    status.textContent = '';
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = button.dataset.copied;
    } catch {
      status.textContent = button.dataset.failed;
    }
  });
});
