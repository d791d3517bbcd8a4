import { describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../../src/channels/slack/token-cipher.js';

describe('Slack bot tokens at rest', () => {
  const cipher = createTokenCipher('a-state-secret-of-at-least-32-characters!');

  it('seals without the token readable and opens it again', () => {
    const sealed = cipher.seal('xoxb-123-456-secret');
    expect(sealed).not.toContain('xoxb');
    expect(sealed).toMatch(/^v1\./);
    expect(cipher.seal('xoxb-123-456-secret')).not.toBe(sealed); // fresh IV each time
    expect(cipher.open(sealed)).toBe('xoxb-123-456-secret');
  });

  it('refuses a tampered value or another key', () => {
    const sealed = cipher.seal('xoxb-abc');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => cipher.open([...parts.slice(0, 3), body.toString('base64url')].join('.'))).toThrow();
    expect(() => createTokenCipher('another-secret-of-at-least-32-characters').open(sealed)).toThrow();
    expect(() => cipher.open('xoxb-plain')).toThrow();
  });
});
