import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/domain/listing/types.js';
import { checkUntranslated } from '../../../src/domain/listing/untranslated.js';
import { nameOfEveryVersion, validateLanguageVersion } from '../../../src/domain/listing/validate.js';
import type { Language } from '../../../src/domain/types.js';
import { wordListSpeller } from './fake-speller.js';

const english = wordListSpeller(
  'so your bag stays dry wipe it clean with a damp cloth the fabric is soft light rain works with most phones in thin case us super fast charging quick charge kitchen knife professional watch car scanner torque lite fusion keep away from children not suitable for',
);
const targets: Record<string, ReturnType<typeof wordListSpeller>> = {
  es: wordListSpeller('así que tu bolso se mantiene seco la tela es suave light rain a'),
  ru: wordListSpeller(''),
  fr: wordListSpeller('le tissu est doux a phones in case compatible avec'),
};
const deps = (lang: string) => ({ target: targets[lang]!, english, isAllowed: () => false });
/** The texts of the untranslated findings in a description. */
/** The texts of the untranslated findings in a description, with the given dictionaries. */
const runsOf = (lang: Language, d: Parameters<typeof checkUntranslated>[3]) => (text: string) =>
  checkUntranslated(text, lang, 'description', d).map((i) => text.slice(i.span![0], i.span![1]));
const spans = (text: string, lang: Language) =>
  checkUntranslated(text, lang, 'description', deps(lang)).map((i) => text.slice(i.span![0], i.span![1]));

describe('checkUntranslated', () => {
  it.each([
    ['es', 'La tela es suave, so your bag stays dry.', 'so your bag stays dry'],
    ['ru', 'Ткань мягкая. Wipe it clean with a damp cloth.', 'Wipe it clean with a damp cloth'],
    ['fr', 'Le tissu est doux, the fabric is soft.', 'the fabric is soft'],
    // "phones", "in", "a" and "case" are French words too: the sentence still ends in English, and
    // the finding runs to its end (round 9).
    [
      'fr',
      'Compatible avec. Works with most phones in a thin case.',
      'Works with most phones in a thin case',
    ],
    ['es', 'La tela es suave. 纯棉面料', '纯棉面料'],
    ['en', 'The fabric is soft 纯棉面料', '纯棉面料'],
    // A sentence of two English words and a value, nothing else (round 6).
    ['es', 'La tela es suave. Kitchen knife 18 cm. La tela es suave.', 'Kitchen knife 18 cm'],
    // The value and unit ending an English sentence belong to it, decimals too (round 8).
    ['fr', 'Le tissu est doux. Works with most phones in 3.5 cm.', 'Works with most phones in 3.5 cm'],
    // A name or a number inside a Chinese or English passage does not split it (round 6).
    ['es', 'La tela es suave. 适合 Kindle 4 和 Kobo 阅读器.', '适合 Kindle 4 和 Kobo 阅读器'],
    [
      'fr',
      'Le tissu est doux, wipe it with a 20 cm Microtex cloth so your bag stays dry.',
      'wipe it with a 20 cm Microtex cloth so your bag stays dry',
    ],
  ] as const)('%s: %s', (lang, text, segment) => {
    const issues = checkUntranslated(
      text,
      lang as Language,
      'description',
      deps(lang === 'en' ? 'es' : lang),
    );
    expect(issues.map((i) => text.slice(i.span![0], i.span![1]))).toEqual([segment]);
  });

  it.each([
    ['es', 'La tela es suave y seca.'],
    ['es', 'La tela es suave, light.'],
    ['ru', 'Наушники Xiaomi Redmi Buds и кабель USB-C.'],
    ['en', 'So your bag stays dry.'],
    // Size systems and acronyms in capitals are codes, not English ("us").
    ['es', 'La tela es suave: EU 38 = US 7, EU 40 = US 9.'],
    // A short capitalised run inside a sentence is a feature name.
    ['es', 'La tela es suave (Super Fast Charging de Samsung).'],
    // Capitalised words before model numbers are product names.
    ['es', 'La tela es suave: Watch 6, Watch 5 y Watch 4 en 40 y 44 mm.'],
  ] as const)('leaves %s alone: %s', (lang, text) => {
    expect(
      checkUntranslated(text, lang as Language, 'description', deps(lang === 'en' ? 'es' : lang)),
    ).toEqual([]);
  });

  it('reports an English passage of several sentences on one line as one finding', () => {
    const text = 'Le tissu est doux. So your bag stays dry; wipe it clean with a damp cloth.';
    const issues = checkUntranslated(text, 'fr', 'description', deps('fr'));
    expect(issues.map((i) => text.slice(i.span![0], i.span![1]))).toEqual([
      'So your bag stays dry; wipe it clean with a damp cloth',
    ]);
  });

  it('still reports a capitalised English run in a title, where every word is capitalised', () => {
    const text = 'La tela es suave Professional Kitchen Knife';
    const issues = checkUntranslated(text, 'es', 'title', deps('es'));
    expect(issues.map((i) => text.slice(i.span![0], i.span![1]))).toEqual(['Professional Kitchen Knife']);
  });

  it('does not report inside skipped spans (wrong-language paragraphs)', () => {
    const text = 'so your bag stays dry';
    expect(checkUntranslated(text, 'es', 'description', deps('es'), [[0, text.length]])).toEqual([]);
  });
});

describe('a name the seller kept in every version is no untranslated text (issue 18, round 5)', () => {
  const words = (texts: Record<string, string>) =>
    new Map(
      Object.entries(texts).map(([lang, text]) => [
        lang as Language,
        new Set(text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []),
      ]),
    );
  const run = (text: string, part: string) => {
    const start = text.indexOf(part);
    return {
      lang: 'es',
      field: 'description',
      kind: 'untranslated_segment',
      code: 'english',
      params: {},
      span: [start, start + part.length],
    } as Issue;
  };
  const all = {
    en: 'Works with the Garden Hub app and Voice Control.',
    es: 'Funciona con la app Garden Hub y Voice Control.',
    fr: "Fonctionne avec l'app Garden Hub et Voice Control.",
    pt: 'Funciona com o app Garden Hub e Voice Control.',
  };

  it('accepts a capitalised name every other version writes too', () => {
    expect(
      nameOfEveryVersion(all.es, run(all.es, 'app Garden Hub y Voice Control'), 'es', {
        shared: new Set(),
        words: words(all),
      }),
    ).toBe(true);
  });

  it('still reports an English phrase the other versions translated', () => {
    const pasted = { ...all, es: 'Funciona con la app Garden Hub. Easy Setup In Minutes.' };
    expect(
      nameOfEveryVersion(pasted.es, run(pasted.es, 'Easy Setup In Minutes'), 'es', {
        shared: new Set(),
        words: words(pasted),
      }),
    ).toBe(false);
  });

  it('accepts a short lower-case trade term two other versions keep, not a longer pasted sentence', () => {
    const craft = {
      en: 'A starter kit for needle felting and wet felting.',
      es: 'Kit de inicio para needle felting y fieltro húmedo.',
      fr: "Kit de départ pour le needle felting et le feutrage à l'eau.",
      pt: 'Kit inicial para needle felting e feltragem molhada.',
    };
    expect(
      nameOfEveryVersion(craft.es, run(craft.es, 'needle felting'), 'es', {
        shared: new Set(),
        words: words(craft),
      }),
    ).toBe(true);
    const pasted = {
      en: 'Keep the wool dry between the sessions.',
      es: 'Keep the wool dry between the sessions.',
      fr: 'Keep the wool dry between the sessions.',
      pt: 'Keep the wool dry between the sessions.',
    };
    expect(
      nameOfEveryVersion(pasted.es, run(pasted.es, 'Keep the wool dry between the sessions'), 'es', {
        shared: new Set(),
        words: words(pasted),
      }),
    ).toBe(false);
  });
});

describe('a quoted English term is a name the seller mentions (issue 18, round 7)', () => {
  it('accepts a short English run inside quotation marks, not a quoted sentence', () => {
    expect(spans('Le tissu est doux, style « so your bag stays » en été.', 'fr')).toEqual([]);
    expect(spans('La tela es suave, técnica "wipe it clean" y la tela es suave.', 'es')).toEqual([]);
    expect(spans('La tela es suave: "so your bag stays dry with a damp cloth".', 'es')).toEqual([
      'so your bag stays dry with a damp cloth',
    ]);
  });
});

describe('English trade terms joined by a conjunction of the declared language (issue 18, round 7)', () => {
  it('accepts one- or two-word terms joined by "y", not a run of three English words', () => {
    expect(spans('La tela es suave, para kitchen knife y professional watch.', 'es')).toEqual([]);
    expect(spans('La tela es suave, para super fast charging y kitchen knife.', 'es')).toEqual([
      'super fast charging y kitchen knife',
    ]);
  });
});

describe('names listed with commas are no untranslated text (issue 18, round 8)', () => {
  it('accepts a list of capitalised names after a colon, not a list with lower-case words', () => {
    // My own wordings (the class came from blind-9, development data).
    expect(spans('Совместимые приложения: Car Scanner, Torque Lite, OBD Fusion.', 'ru')).toEqual([]);
    expect(spans('Compatible avec : Car Scanner, Torque Lite, OBD2 Fusion.', 'fr')).toEqual([]);
    expect(spans('Внимание: Keep Away from Children, Not Suitable.', 'ru')).toEqual([
      'Keep Away from Children, Not Suitable',
    ]);
    expect(spans('Внимание: keep away from children, not suitable for kitchen.', 'ru')).toEqual([
      'keep away from children, not suitable for kitchen',
    ]);
  });
});

describe('English phrases tech listings keep in every language (issue 18, round 9)', () => {
  const loanDeps = {
    target: wordListSpeller('la tela es suave conexión sin controladores teclado compatible con'),
    english: wordListSpeller('plug and play hot swap with switches the fabric is soft so your bag stays dry'),
    isAllowed: () => false,
  };
  const loans = (text: string) =>
    checkUntranslated(text, 'es', 'description', loanDeps).map((i) => text.slice(i.span![0], i.span![1]));

  it('accepts "plug and play" and "hot swap" in a Spanish sentence', () => {
    expect(loans('Conexión plug and play, sin controladores.')).toEqual([]);
    expect(loans('Conexión Plug & Play, sin controladores.')).toEqual([]);
    expect(loans('Teclado hot swap compatible con switches.')).toEqual([]);
  });

  it('still reports an English sentence that holds one', () => {
    expect(loans('La tela es suave. The fabric is soft and plug and play so your bag stays dry.')).toEqual([
      'The fabric is soft and plug and play so your bag stays dry',
    ]);
  });
});

describe('an English sentence that opens and ends with words French shares (issue 18, round 9)', () => {
  const sharedDeps = {
    // French dictionaries know "high", "pressure" and "design" as loanwords.
    target: wordListSpeller('pomme de douche en acier high pressure design compatible avec les bras débit'),
    english: wordListSpeller('high pressure water saving design compatible'),
    isAllowed: () => false,
  };
  const shared = (text: string) =>
    checkUntranslated(text, 'fr', 'description', sharedDeps).map((i) => text.slice(i.span![0], i.span![1]));

  it('reports the whole sentence, from its first word', () => {
    expect(
      shared('Pomme de douche en acier. High pressure, water saving design. Compatible avec les bras.'),
    ).toEqual(['High pressure, water saving design']);
  });

  it('reads no sentence end in a decimal point', () => {
    // "3.5" had ended the sentence, so "Water saving 3" passed for a whole English sentence.
    expect(shared('Pomme de douche en acier. Water saving 3.5 débit. Compatible avec les bras.')).toEqual([]);
    expect(
      shared('Pomme de douche en acier. High pressure, water saving 3.5 design. Compatible avec les bras.'),
    ).toEqual(['High pressure, water saving 3.5 design']);
  });

  it('leaves two English words inside a French sentence alone', () => {
    expect(shared('Pomme de douche water saving en acier.')).toEqual([]);
  });
});

describe('hobby words every market keeps in English (issue 18, round 10)', () => {
  const deps = {
    target: wordListSpeller('señuelos para de vinilo con cuaderno y para ideal'),
    english: wordListSpeller('black bass shad bullet journal scrapbook the lure swims well in the water'),
    isAllowed: () => false,
  };
  const runs = runsOf('es', deps);

  it('accepts lure, fish and paper-craft names, not an English sentence', () => {
    expect(runs('Señuelos de vinilo shad para black bass.')).toEqual([]);
    expect(runs('Cuaderno ideal para bullet journal y scrapbook.')).toEqual([]);
    expect(runs('Señuelos de vinilo. The lure swims well in the water.')).toEqual([
      'The lure swims well in the water',
    ]);
  });
});

describe('a unit symbol after a number is a value (issue 18, round 11)', () => {
  const deps = {
    target: wordListSpeller('guantes en y disponibles no es un dispositivo médico'),
    english: wordListSpeller('oz not a medical device'),
    isAllowed: () => false,
  };
  const runs = runsOf('es', deps);

  it('leaves "10 oz, 12 oz y 16 oz" alone, not an English sentence after a number', () => {
    expect(runs('Guantes disponibles en 10 oz, 12 oz y 16 oz.')).toEqual([]);
    expect(runs('Guantes disponibles en 12 oz. Not a medical device.')).toEqual(['Not a medical device']);
  });
});

describe('an English label that opens a line (issue 18, round 12)', () => {
  const deps = {
    target: wordListSpeller('texto base de ferro fundido cm volume max ok'),
    english: wordListSpeller('package includes power output stirring volume max crawler'),
    isAllowed: () => false,
  };
  const runs = runsOf('pt', deps);

  it('reports "Package includes:" over a list and "• Max stirring volume: 3 L", not a scale or a local label', () => {
    expect(runs('Texto base.\n\nPackage includes:\n• Base de ferro fundido, 20 cm')).toEqual([
      'Package includes',
    ]);
    expect(runs('Texto base.\n• Max stirring volume: 3 L')).toEqual(['Max stirring volume']);
    expect(runs('Texto base.\n• Volume max: 3 L')).toEqual([]);
    expect(runs('Crawler max 1:10 texto base')).toEqual([]);
  });
});

describe('party and water-sport loans; a messenger handle is a contact (issue 18, round 13)', () => {
  const sports = {
    target: wordListSpeller('ideal para caiaque pesca e decoração de chá de'),
    english: wordListSpeller('baby shower gender reveal stand up paddle rafting surf party perfect for any'),
    isAllowed: () => false,
  };
  const runs = runsOf('pt', sports);

  it('keeps the English names of parties and water sports', () => {
    expect(runs('Ideal para caiaque, stand up paddle, rafting e pesca.')).toEqual([]);
    expect(runs('Decoração de chá de bebê, baby shower e gender reveal.')).toEqual([]);
    expect(runs('Ideal para caiaque, perfect for any surf party.')).toEqual(['perfect for any surf party']);
  });

  it('reports a messenger handle as a contact only, not as English left in a Russian version', () => {
    const text = 'Наклейки на стены для детской комнаты. Оптом — пишите в Telegram @stickers_opt_ru.';
    const issues = validateLanguageVersion(
      { lang: 'ru', title: 'Наклейки на стены', description: text },
      {
        spellers: {
          ru: wordListSpeller('наклейки на стены для детской комнаты оптом пишите в'),
          en: wordListSpeller('telegram stickers'),
        },
        isAllowed: () => false,
      },
    ).filter((i) => i.field === 'description');
    expect(issues.map((i) => [i.kind, text.slice(i.span![0], i.span![1])])).toEqual([
      ['forbidden_claim', 'Telegram @stickers_opt_ru'],
    ]);
  });
});

describe('an English line among lines of another language (issue 18, round 15)', () => {
  const deps = {
    spellers: {
      es: wordListSpeller(
        'mantiene las bebidas frías hasta horas y calientes la doble pared evita condensación así que tu bolso se seco contenido del paquete botella tapa',
      ),
      en: wordListSpeller(
        'this bottle keeps drinks cold for up to hours and hot the double wall prevents condensation so your bag stays dry do not put it in the dishwasher wash by hand',
      ),
    },
    isAllowed: () => false,
  };
  const kinds = (description: string) =>
    validateLanguageVersion({ lang: 'es', title: 'Botella', description }, deps)
      .filter(
        (i) =>
          i.field === 'description' && (i.kind === 'wrong_language' || i.kind === 'untranslated_segment'),
      )
      .map((i) => [i.kind, description.slice(i.span![0], i.span![1])]);
  const ES =
    'Mantiene las bebidas frías hasta 24 horas y calientes hasta 12 horas. La doble pared evita la condensación, así que tu bolso se mantiene seco.';

  it('reports one English sentence on its own line as left untranslated', () => {
    const LINE = 'Do not put it in the dishwasher, wash it by hand.';
    expect(kinds(`${ES}\n${LINE}\nContenido del paquete: 1 botella, 1 tapa.`)).toEqual([
      ['untranslated_segment', LINE.slice(0, -1)],
    ]);
  });

  it('reports a pasted paragraph of several English sentences as the wrong language', () => {
    const PARAGRAPH =
      'This bottle keeps drinks cold for up to 24 hours and hot for up to 12 hours. The double wall prevents condensation, so your bag stays dry.';
    expect(
      kinds(`${ES}\n\n${PARAGRAPH}\n\nContenido del paquete: 1 botella, 1 tapa.`).map(([k]) => k),
    ).toEqual(['wrong_language']);
  });
});

describe('an English line of one English-only word and words French shares (issue 18, round 18)', () => {
  const fr = {
    target: wordListSpeller('raccords pour tuyau de diamètre pressure tension max rc'),
    english: wordListSpeller('operating working pressure max tension crawler'),
    isAllowed: () => false,
  };
  const runs = runsOf('fr', fr);

  it('reports the line left in English', () => {
    expect(runs('Raccords pour tuyau de 8 mm. Working pressure 0–10 bar.')).toEqual([
      'Working pressure 0–10 bar',
    ]);
  });

  it('leaves a model name in capitals alone', () => {
    expect(runs('Raccords pour tuyau de 8 mm. Crawler RC 1.')).toEqual([]);
  });
});
