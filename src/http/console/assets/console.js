// Seller console: the language picker submits on change; pages with a `data-live` element poll
// its URL and reload when the fingerprint changes (a decision taken in Telegram, Slack or the API).
for (const form of document.querySelectorAll('form[data-autosubmit]')) {
  form.addEventListener('change', () => form.requestSubmit());
}

const live = document.querySelector('[data-live]');
if (live instanceof HTMLElement) {
  const source = live.dataset.live;
  const version = live.dataset.version;
  const poll = async () => {
    try {
      const response = await fetch(source, { headers: { accept: 'application/json' }, cache: 'no-store' });
      if (response.ok) {
        const state = await response.json();
        if (state.version !== version) {
          if (live.dataset.changed) live.textContent = live.dataset.changed;
          window.location.reload();
          return;
        }
      }
    } catch {
      // offline for a moment: try again at the next tick
    }
    setTimeout(poll, 2000);
  };
  setTimeout(poll, 2000);
}
