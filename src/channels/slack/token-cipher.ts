import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Encrypts workspace bot tokens at rest (AES-256-GCM); `open` throws on a wrong key or tampering. */
export interface TokenCipher {
  seal(token: string): string;
  open(sealed: string): string;
}

const VERSION = 'v1';

/**
 * A cipher keyed by HKDF-SHA256 of `secret` (SLACK_STATE_SECRET): sealed tokens read
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). Changing the secret makes stored tokens unreadable:
 * the workspaces then install the app again.
 */
export function createTokenCipher(secret: string): TokenCipher {
  const key = Buffer.from(hkdfSync('sha256', secret, 'sellerdesk', 'slack-bot-token', 32));
  return {
    seal(token) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join(
        '.',
      );
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new Error('not a sealed Slack token');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
