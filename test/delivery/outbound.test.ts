import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../../src/config.js';
import type { DeliveryPayload } from '../../src/db/schema/index.js';
import { createOutbound, signatureHeader, verifySignature } from '../../src/delivery/outbound.js';
import { isLoopbackHost, outboundUrlProblem } from '../../src/delivery/outbound-url.js';
import { startFakeOutbound } from '../support/fake-outbound.js';

const SECRET = 'receiver-secret-0123456789';
const BODY = '{"shopId":"shop_1","ticketId":"tkt_1","text":"Olá"}';
const NOW = 1_796_000_000;

describe('outbound v2 signatures (docs/API.md, "Outbound replies")', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256 and a unix-seconds timestamp', () => {
    const header = signatureHeader(BODY, SECRET, NOW + 0.7);
    const expected = createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex');
    expect(header).toBe(`t=${NOW},v1=${expected}`);
  });

  it.each([
    ['fresh', NOW, true],
    ['4 min 59 s late', NOW + 299, true],
    ['exactly 5 min late', NOW + 300, true],
    ['a replay 5 min 1 s later', NOW + 301, false],
    ['an hour later', NOW + 3600, false],
    ['from 6 min in the future', NOW - 360, false],
  ])('%s: %s', (_name, receiverClock, valid) => {
    expect(verifySignature(BODY, signatureHeader(BODY, SECRET, NOW), SECRET, receiverClock)).toBe(valid);
  });

  it('refuses a changed body, a moved timestamp, another secret and malformed headers', () => {
    const header = signatureHeader(BODY, SECRET, NOW);
    const v1 = header.split('v1=')[1]!;
    expect(verifySignature(Buffer.from(BODY), header, SECRET, NOW)).toBe(true);
    expect(verifySignature(BODY.replace('Olá', 'Ola'), header, SECRET, NOW)).toBe(false);
    // Refreshing t on a captured body without the secret does not verify.
    expect(verifySignature(BODY, `t=${NOW + 600},v1=${v1}`, SECRET, NOW + 600)).toBe(false);
    expect(verifySignature(BODY, header, 'another-secret-0123456', NOW)).toBe(false);
    for (const bad of [
      undefined,
      '',
      `sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`,
      `v1=${v1}`,
      `t=${NOW}`,
      `t=abc,v1=${v1}`,
      `t=${NOW},v1=${v1.toUpperCase()}`,
      `t=${NOW},v1=${v1.slice(2)}`,
      `t=${NOW},v0=${v1}`,
      'x'.repeat(5000),
    ]) {
      expect(verifySignature(BODY, bad, SECRET, NOW), String(bad).slice(0, 40)).toBe(false);
    }
    // Extra fields and a second v1 (secret rotation on the receiver side) are tolerated.
    expect(verifySignature(BODY, `${header},v2=zz`, SECRET, NOW)).toBe(true);
    expect(verifySignature(BODY, `t=${NOW},v1=${'0'.repeat(64)},v1=${v1}`, SECRET, NOW)).toBe(true);
  });

  it('verifySignature runs in linear time on hostile headers', () => {
    const hostile = `t=${NOW},${'v1=,'.repeat(250)}`;
    const started = performance.now();
    for (let i = 0; i < 1000; i++) verifySignature(BODY, hostile, SECRET, NOW);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('outbound destinations', () => {
  const payload: DeliveryPayload = {
    shopId: 'shop_a',
    ticketId: 'tkt_1',
    orderId: 'O-1',
    buyerId: 'b-1',
    language: 'pt',
    text: 'Olá',
    idempotencyKey: 'tkt_1:1',
  };

  it('a shop receiver wins over the environment, which wins over the log outbox', async () => {
    const own = { url: 'https://shop-a.example/replies', secret: 'shop-a-secret-0123456' };
    const outbound = createOutbound({
      fallback: { url: 'https://env.example/replies', secret: 'env-secret-0123456' },
      shopDestination: async (shopId) => (shopId === 'shop_a' ? own : null),
    });
    expect(await outbound.destinationFor('shop_a')).toEqual({ target: 'http', ...own });
    expect(await outbound.destinationFor('shop_b')).toEqual({
      target: 'http',
      url: 'https://env.example/replies',
      secret: 'env-secret-0123456',
    });
    const none = createOutbound({ shopDestination: async () => null });
    expect(await none.destinationFor('shop_b')).toEqual({ target: 'log' });
    expect(await none.send(payload, { target: 'log' })).toEqual({ ok: true, status: 200 });
  });

  it('posts the payload signed with the destination secret and the sender clock', async () => {
    let clock = NOW;
    const receiver = await startFakeOutbound(SECRET, () => clock);
    try {
      const outbound = createOutbound({ nowSeconds: () => NOW });
      const result = await outbound.send(payload, { target: 'http', url: receiver.url, secret: SECRET });
      expect(result).toEqual({ ok: true, status: 200 });
      const [got] = receiver.received;
      expect(got!.signatureValid).toBe(true);
      expect(got!.body).toEqual(payload);
      expect(got!.signatureHeader).toMatch(new RegExp(`^t=${NOW},v1=[0-9a-f]{64}$`));
      // The same bytes replayed six minutes later are refused by the receiver's check.
      clock = NOW + 360;
      expect(await receiver.replay(got!.raw, got!.signatureHeader)).toBe(401);
      const wrong = await outbound.send(payload, {
        target: 'http',
        url: receiver.url,
        secret: 'not-the-secret-0123',
      });
      expect(wrong).toMatchObject({ ok: false, status: 401 });
    } finally {
      await receiver.close();
    }
  });
});

describe('outbound URLs: plain http only to loopback', () => {
  it.each([
    ['https://market.example/replies', true],
    ['http://127.0.0.1:8080/replies', true],
    ['http://127.8.9.10/r', true],
    ['http://localhost:3001/r', true],
    ['http://LOCALHOST/r', true],
    ['http://[::1]:9000/r', true],
    ['http://market.example/replies', false],
    ['http://10.0.0.8/replies', false],
    ['http://192.168.1.2/r', false],
    ['http://128.0.0.1/r', false],
    ['http://127.0.0.1.nip.io/r', false],
    ['http://localhost.market.example/r', false],
    ['http://[::ffff:7f00:1]/r', false],
    ['ftp://market.example/r', false],
    ['not a url', false],
  ])('%s -> %s', (url, ok) => {
    expect(outboundUrlProblem(url) === undefined).toBe(ok);
  });

  it('isLoopbackHost accepts exactly 127.0.0.0/8, ::1 and localhost', () => {
    expect(['127.0.0.1', '127.255.255.255', 'localhost', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['127.0.0.256', '127.0.0', '0.0.0.0', 'example.com', '::2'].some(isLoopbackHost)).toBe(false);
  });

  it('OUTBOUND_URL over plain http to a remote host stops start-up with one line', () => {
    const lines = (() => {
      try {
        loadConfig({ OUTBOUND_URL: 'http://market.example/replies', OUTBOUND_SECRET: 'x'.repeat(20) });
        return [];
      } catch (error) {
        return (error as ConfigError).lines;
      }
    })();
    expect(lines).toEqual([
      'OUTBOUND_URL: plain http is allowed only to loopback hosts (127.0.0.0/8, ::1, localhost); use https for market.example',
    ]);
    expect(
      loadConfig({ OUTBOUND_URL: 'http://127.0.0.1:9/r', OUTBOUND_SECRET: 'x'.repeat(20) }).OUTBOUND_URL,
    ).toBe('http://127.0.0.1:9/r');
  });
});
