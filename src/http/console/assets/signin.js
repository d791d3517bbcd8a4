// Submits the sign-in form at once: the GET that showed it used nothing (link previews are harmless).
const form = document.getElementById('signin');
if (form instanceof HTMLFormElement) form.requestSubmit();
