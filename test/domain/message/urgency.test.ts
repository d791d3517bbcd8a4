import { describe, expect, it } from 'vitest';
import { assessUrgency } from '../../../src/domain/message/urgency.js';
import type { Category } from '../../../src/domain/types.js';

const NOW = '2024-05-10T12:00:00Z';

function urgencyOf(text: string, category: Category = 'not_received', disputeDeadline?: string) {
  return assessUrgency(
    disputeDeadline === undefined
      ? { text, category, now: NOW }
      : { text, category, now: NOW, disputeDeadline },
  );
}

describe('assessUrgency: dispute deadline', () => {
  it.each([
    ['2024-05-11T12:00:00Z', 'high', 'deadline:24h left (< 48h)'],
    ['2024-05-12T11:00:00Z', 'high', 'deadline:47h left (< 48h)'],
    ['2024-05-12T12:00:00Z', 'high', 'deadline:48h left (< 48h)'],
    ['2024-05-09T12:00:00Z', 'high', 'deadline:passed 24h ago'],
    ['2024-05-12T13:00:00Z', 'normal', 'category:not_received'],
    ['2024-06-01T00:00:00Z', 'normal', 'category:not_received'],
  ] as const)('deadline %s -> %s', (deadline, urgency, reason) => {
    const result = urgencyOf('where is my order', 'not_received', deadline);
    expect(result.urgency).toBe(urgency);
    expect(result.reasons).toContain(reason);
  });

  it('understands ISO strings with offsets', () => {
    expect(urgencyOf('hi', 'other', '2024-05-11T09:00:00-03:00').urgency).toBe('high');
  });

  it('ignores an unparseable deadline but says so', () => {
    const result = urgencyOf('where is my order', 'not_received', 'next friday');
    expect(result.urgency).toBe('normal');
    expect(result.reasons).toContain('deadline:unparseable');
  });

  it('makes even a product question urgent when the deadline is close', () => {
    expect(urgencyOf('does it fit iphone 13?', 'product_question', '2024-05-10T20:00:00Z').urgency).toBe(
      'high',
    );
  });
});

describe('assessUrgency: threats in five languages', () => {
  it.each([
    ['en', 'answer me or I will open a dispute', 'dispute'],
    ['en', 'I will file a PayPal claim today', 'dispute'],
    ['en', 'I am going to do a chargeback with my bank', 'chargeback'],
    ['en', 'leaving 1 star and a bad review', 'review'],
    ['en', 'I will report you to the police', 'authorities'],
    ['en', 'my lawyer will contact you', 'authorities'],
    ['en', 'this shop is a scam', 'fraud'],
    ['es', 'si no me responden voy a abrir disputa', 'dispute'],
    ['es', 'voy a hacer un contracargo', 'chargeback'],
    ['es', 'les dejo una calificación negativa', 'review'],
    ['es', 'los voy a denunciar en profeco', 'authorities'],
    ['es', 'son unos estafadores', 'fraud'],
    ['fr', 'je vais ouvrir un litige', 'dispute'],
    ['fr', 'je vais laisser un avis négatif', 'review'],
    ['fr', 'je vais porter plainte', 'authorities'],
    ['fr', "c'est une arnaque", 'fraud'],
    ['pt', 'vou abrir disputa', 'dispute'],
    ['pt', 'vou abrir uma reclamação no Reclame Aqui', 'dispute'],
    ['pt', 'vou no procon', 'authorities'],
    ['pt', 'vou dar uma estrela', 'review'],
    ['pt', 'isso é golpe', 'fraud'],
    ['ru', 'открою спор', 'dispute'],
    ['ru', 'напишу жалобу', 'dispute'],
    ['ru', 'оставлю плохой отзыв', 'review'],
    ['ru', 'обращусь в полицию', 'authorities'],
    ['ru', 'вы мошенники', 'fraud'],
    ['ru', 'otkroyu spor esli ne otvetite', 'dispute'],
  ] as const)('%s: "%s" -> high (%s)', (_lang, text, kind) => {
    const result = urgencyOf(text);
    expect(result.urgency).toBe('high');
    expect(result.reasons.some((r) => r.startsWith(`threat:${kind}`))).toBe(true);
  });
});

describe('assessUrgency: tone', () => {
  it.each([
    ['WHERE IS MY ORDER', 'anger:caps'],
    ['ГДЕ МОЙ ЗАКАЗ', 'anger:caps'],
    ['where is my order!!!', 'anger:exclamations'],
    ['donde esta mi pedido?!?!!', 'anger:exclamations'],
    ['this is ridiculous', 'anger:words "ridiculous"'],
    ['estoy harta de esperar', 'anger:words "harta"'],
    ["c'est inadmissible", 'anger:words "inadmissible"'],
    ['que absurdo, nada chegou', 'anger:words "absurdo"'],
    ['это безобразие', 'anger:words "безобразие"'],
  ] as const)('"%s" -> high', (text, reason) => {
    const result = urgencyOf(text);
    expect(result.urgency).toBe('high');
    expect(result.reasons).toContain(reason);
  });

  it('does not treat acronyms, a single capital word or question marks as shouting', () => {
    expect(urgencyOf('DHL asks for VAT and IOF', 'customs_tax').urgency).toBe('normal');
    expect(urgencyOf('it is NOT the right color', 'wrong_item').urgency).toBe('normal');
    expect(urgencyOf('where is my order???').urgency).toBe('normal');
    expect(urgencyOf('thanks!').urgency).toBe('normal');
  });
});

describe('assessUrgency: calm messages', () => {
  it.each(['product_question', 'shipping_inquiry'] as const)('%s without cues is low', (category) => {
    const result = urgencyOf('hello, how long does it take and does it fit iphone 13?', category);
    expect(result.urgency).toBe('low');
    expect(result.reasons).toEqual([`category:${category} without escalation cues`]);
  });

  it.each(['not_received', 'damaged', 'refund_request', 'payment', 'other'] as const)(
    '%s without cues is normal',
    (category) => {
      expect(urgencyOf('hello, can you help me with this?', category)).toEqual({
        urgency: 'normal',
        reasons: [`category:${category}`],
        sentiment: 'neutral',
        sentimentReasons: [],
      });
    },
  );

  it('raises a pre-sale question when the buyer is angry', () => {
    expect(urgencyOf('WHY DOES SHIPPING TAKE SO LONG', 'shipping_inquiry').urgency).toBe('high');
  });

  it('does not mistake ordinary words for threats', () => {
    for (const text of [
      'the sport shoes are great',
      'ужасное качество',
      'el proceso de cambio',
      'I would like to report that the color is fine',
      'on the court of the school',
    ]) {
      expect(urgencyOf(text, 'other').urgency, text).toBe('normal');
    }
    expect(urgencyOf('I will take you to court', 'other').urgency).toBe('high');
  });
});

describe('assessUrgency: sentiment', () => {
  it.each([
    ['WHERE IS MY ORDER', 'not_received', 'caps'],
    ['where is my order!!!', 'not_received', 'exclamations'],
    ['you are idiots, where is my money', 'refund_request', 'insult'],
    ['son unos mentirosos, devuelvan la plata', 'refund_request', 'insult'],
    ['bande de nuls, rendez moi mon argent', 'refund_request', 'insult'],
    ['вы дебилы? где посылка', 'not_received', 'insult'],
    ['this shop is a scam', 'not_received', 'threat:fraud'],
    ['how many times do I have to ask where my parcel is', 'not_received', 'repeat "how many times"'],
    ['cuantas veces tengo que preguntar lo mismo', 'not_received', 'repeat "cuantas veces"'],
    ['combien de fois je dois vous écrire', 'not_received', 'repeat "combien de fois"'],
    ['quantas vezes vou ter que perguntar', 'not_received', 'repeat "quantas vezes"'],
    ['сколько можно ждать, уже писала вам', 'not_received', 'repeat "сколько можно"'],
  ] as const)('angry: "%s"', (text, category, reason) => {
    const result = urgencyOf(text, category);
    expect(result.sentiment).toBe('angry');
    expect(result.sentimentReasons).toContain(reason);
  });

  it('needs two weak cues ("again", "!!") before calling a buyer angry', () => {
    expect(urgencyOf('still waiting for my order', 'not_received').sentiment).toBe('neutral');
    expect(urgencyOf('still waiting, again nothing!!', 'not_received').sentiment).toBe('angry');
  });

  it.each([
    ['received it, thanks a lot, great seller', 'other'],
    ['gracias, todo perfecto 😊', 'other'],
    ['merci beaucoup, vendeur au top', 'other'],
    ['obrigado!', 'other'],
    ['спасибо, все отлично', 'other'],
    ['love it! does it also come in blue?', 'product_question'],
  ] as const)('positive: "%s"', (text, category) => {
    expect(urgencyOf(text, category).sentiment).toBe('positive');
  });

  it('treats "thanks" in a complaint as politeness, not a happy buyer', () => {
    expect(urgencyOf('where is my order? thanks', 'not_received').sentiment).toBe('neutral');
    expect(urgencyOf('llegó roto, gracias', 'damaged').sentiment).toBe('neutral');
  });

  it('does not read a self-deprecating or quality word as an insult', () => {
    expect(urgencyOf('sorry if this is a silly question, does it fit?', 'product_question').sentiment).toBe(
      'neutral',
    );
    expect(urgencyOf('ужасное качество', 'not_as_described').sentiment).toBe('neutral');
  });

  it('keeps urgency and sentiment separate: an angry buyer is urgent, a happy one is not', () => {
    expect(urgencyOf('ARE YOU KIDDING ME', 'other')).toMatchObject({ urgency: 'high', sentiment: 'angry' });
    expect(urgencyOf('perfect, 5 stars', 'other')).toMatchObject({
      urgency: 'normal',
      sentiment: 'positive',
    });
  });
});
