import { expect } from 'vitest';
import type { E2eWorld } from './e2e.js';
import { sendTelegramUpdate } from './e2e.js';
import { textUpdate } from './fake-telegram.js';

/** A console link as the bot sends it. */
export const CONSOLE_LINK = /https?:\/\/[^\s]+\/console\/signin\/sdl_[A-Za-z0-9_-]{43}/;

/** A Telegram user sending `/console` in their private chat; returns the bot's answer to it. */
export async function askConsoleInTelegram(
  world: E2eWorld,
  userId: number,
  chat: { id: number; type: 'private' | 'group' } = { id: userId, type: 'private' },
): Promise<string> {
  const seen = world.telegram.calls.length;
  await sendTelegramUpdate(
    world.app,
    textUpdate(chat.id, '/console', {
      chat: {
        id: chat.id,
        type: chat.type,
        ...(chat.type === 'group' ? { title: 'Team' } : { first_name: 'Seller' }),
      },
      from: { id: userId, is_bot: false, first_name: `U${userId}`, username: `u${userId}` },
    }),
  );
  let answer = '';
  await world.telegram.waitFor((calls) => {
    const reply = calls
      .slice(seen)
      .find((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chat.id));
    answer = String(reply?.params.text ?? '');
    return reply !== undefined;
  });
  return answer;
}

/** The sign-in link in a bot answer (fails the test when there is none). */
export function linkIn(answer: string): string {
  const link = CONSOLE_LINK.exec(answer)?.[0];
  expect(link, answer).toBeDefined();
  return link!;
}

/** A browser-like client of the console: keeps the session cookie, reads CSRF tokens from pages. */
export function consoleClient(baseUrl: string) {
  let cookie = '';
  const origin = new URL(baseUrl).origin;
  async function request(
    method: string,
    path: string,
    form?: Record<string, string>,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded', origin } : {}),
        ...headers,
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('sd_console=')) cookie = setCookie.split(';')[0]!;
    return { status: response.status, text: await response.text(), headers: response.headers };
  }
  return {
    request,
    get: (path: string) => request('GET', path),
    post: (path: string, form: Record<string, string>, headers?: Record<string, string>) =>
      request('POST', path, form, headers),
    /** Opens a link as a browser does: its page, then the form it submits at once. */
    async signIn(link: string) {
      const page = await request('GET', new URL(link).pathname);
      expect(page.status, page.text.slice(0, 300)).toBe(200);
      const token = /name="token" value="([^"]+)"/.exec(page.text)?.[1];
      const posted = await request('POST', '/console/signin', { token: token ?? '' });
      return { page, posted };
    },
    /** The CSRF token a page's forms carry. */
    csrfOf: (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '',
    get cookie() {
      return cookie;
    },
    forget() {
      cookie = '';
    },
  };
}
