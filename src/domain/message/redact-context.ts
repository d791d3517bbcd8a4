/**
 * Pieces every redaction detector shares: word boundaries and the "is this number an order or
 * tracking id?" context check that keeps those numbers out of redaction.
 */

/** Start of a word: no letter, digit or underscore just before. */
export const START = '(?<![\\p{L}\\p{N}_])';
/** End of a word: no letter, digit or underscore just after. */
export const END = '(?![\\p{L}\\p{N}_])';

/** Words that name an order or tracking number ("order", "pedido", "заказ", "#"). */
export const ORDER_LABEL =
  '(?:orders?|pedidos?|orden|compra|commande|cmd|заказ\\p{L}*|encomenda|transaction|transacci[oó]n|' +
  'transa[cç][aã]o|tracking|track|rastreio|rastreamento|seguimiento|suivi|трек\\p{L}*|' +
  'отслеживани\\p{L}*|gu[ií]a|parcel|package|paquete|colis|посылк\\p{L}*|#|№)';
/**
 * Words between a label and its number ("order no. 123", "pedido número de seguimiento 123").
 * Linear on any input: the alternatives are disjoint (no two read the same word: "no" once, not
 * also as `n[º°o]`) and the run is bounded, so "order no no no …" cannot fork 2^n ways.
 */
export const ORDER_FILLER =
  '(?:\\s*(?:number|num|no|nr|n[º°]|n(?:úmero|um[ée]ro)|номер|id|code|c[oó]digo|de|del|du|do|da|of|' +
  'the|is|es|est|é|:|#|№|-|\\.)){0,6}\\s*';

/** True when the text just before a number names it as an order or tracking id. */
const ORDER_CONTEXT_RE = new RegExp(`${START}${ORDER_LABEL}${ORDER_FILLER}$`, 'iu');

/** How much text before a number the context checks read (ORDER_CONTEXT_RE 48, PHONE_LABEL_RE 40). */
export const CONTEXT_WINDOW = 64;

/**
 * The last `size` characters of `before`, cut after its last digit: no label or filler word
 * contains a digit, so a context match lies wholly after it. Between the pieces of a long number
 * ("1 1 1 1 …") that leaves a few spaces, not 48 characters, for the anchored patterns to scan.
 */
export function contextWindow(before: string, size: number): string {
  const window = before.slice(-size);
  for (let i = window.length - 1; i >= 0; i--) {
    const code = window.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return window.slice(i + 1);
  }
  return window;
}

/** Whether the text just before a number names it as an order or tracking id. */
export function isOrderContext(before: string): boolean {
  return ORDER_CONTEXT_RE.test(contextWindow(before, 48));
}
