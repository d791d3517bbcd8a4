import { describe, expect, it } from 'vitest';
import { checkConsistency, extractQuantities } from '../../../src/domain/listing/consistency.js';
import type { ListingVersion } from '../../../src/domain/listing/types.js';

const v = (lang: ListingVersion['lang'], description: string, title = ''): ListingVersion => ({
  lang,
  title,
  description,
});

describe('extractQuantities', () => {
  it.each([
    ['en', 'It is 30 cm long', [['length', 300]]],
    [
      'es',
      'Mide 38 x 28 x 12 cm',
      [
        ['length', 380],
        ['length', 280],
        ['length', 120],
      ],
    ],
    ['ru', 'Объём 0,5 л', [['volume', 500]]],
    ['en', 'Battery 1,500 mAh', [['charge', 1500]]],
    ['es', 'Batería de 1.500 mAh', [['charge', 1500]]],
    // Thousands grouped by a space, and (eighth round) a list of sizes that only looks grouped.
    ['fr', 'Batterie de 10 000 mAh', [['charge', 10000]]],
    ['en', 'Cylinder set 10 25 50 100 250 ml', [['volume', 250]]],
    [
      'fr',
      'Lot de 3, 24 heures',
      [
        ['duration', 1440],
        ['count', 3],
      ],
    ],
    ['ru', 'Набор из 4 штук', [['count', 4]]],
    ['fr', 'Mémoire de 8 Go', [['storage', 8]]],
    ['ru', 'Чтение до 1050 МБ/с', [['storage', 1.05]]],
    [
      'pt',
      'Tamanhos BR 34 a BR 39',
      [
        ['size:BR', 34],
        ['size:BR', 39],
      ],
    ],
    ['en', 'Bluetooth 5.3 and 5G', []],
    // A count of things is a whole number: "5.3 earbuds" counts none.
    ['en', 'Bluetooth 5.3 earbuds', []],
    // 800 and 500 are silver hallmarks only next to a precious metal.
    ['en', 'Bike light, 800 lumens', [['count', 800]]],
    ['en', 'Sterling silver 800 chain', []],
    // A rate counts nothing; a force is a measure of its own.
    ['ru', 'Разгоняется до 40 вёрст/ч', []],
    ['en', 'Breaking strength 25 kN', [['force', 25000]]],
    ['ru', 'Прочность на разрыв 25 кН', [['force', 25000]]],
  ] as const)('%s %s', (lang, text, expected) => {
    const found = extractQuantities(text, lang, 'description').map((q) => [q.dimension, q.value]);
    expect(found).toEqual(expected);
  });
});

describe('checkConsistency', () => {
  it('flags "30 cm" in EN vs "40 cm" in ES on the Spanish value (English is the reference of two)', () => {
    const issues = checkConsistency([v('en', 'The arm is 30 cm long.'), v('es', 'El brazo mide 40 cm.')]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ lang: 'es', kind: 'inconsistent_value', suggestion: '30 cm' });
  });

  it('takes the majority of three or more versions, wherever the wrong one is', () => {
    const issues = checkConsistency([
      v('en', 'It weighs 1.5 kg.'),
      v('es', 'Pesa 1,2 kg.'),
      v('fr', 'Il pèse 1,2 kg.'),
      v('pt', 'Pesa 1200 g.'),
    ]);
    expect(issues.map((i) => [i.lang, i.suggestion])).toEqual([['en', '1.2 kg']]);
  });

  it('accepts the same value in other units and a version that does not mention it', () => {
    expect(
      checkConsistency([
        v('en', 'Holds 500 ml, 26 cm tall.'),
        v('ru', 'Объём 0,5 л, высота 260 мм.'),
        v('fr', 'Contenance 500 ml.'),
      ]),
    ).toEqual([]);
  });

  it('reads titles too', () => {
    const issues = checkConsistency([
      v('en', '', 'Backpack 12 L'),
      v('es', '', 'Mochila 15 L'),
      v('fr', '', 'Sac 12 L'),
    ]);
    expect(issues.map((i) => [i.lang, i.field])).toEqual([['es', 'title']]);
  });
});

describe('checkConsistency on real listing conventions', () => {
  const values = (versions: ListingVersion[]) =>
    checkConsistency(versions).map((i) => `${i.lang}:${i.params.value}`);

  it('compares inches with centimetres within 2%', () => {
    expect(
      values([
        v('en', 'Fits a 17.3" laptop, 48 x 32 cm.'),
        v('ru', 'Для ноутбука 17,3 дюйма, 19 x 12,6 дюйма.'),
      ]),
    ).toEqual([]);
    expect(
      values([v('en', 'Fits a 17.3" laptop, 48 cm.'), v('ru', 'Для ноутбука 17,3 дюйма, 21 дюйма.')]),
    ).toEqual(['ru:21 дюйма']);
  });

  it('reads fractions of an inch as one value, matched with the metric size the trade rounds to', () => {
    // 3/4" = 19.05 mm, 1/8" = 3.2 mm (sold as 3 mm), 1-1/2" = 38.1 mm: never "4 inches" or "8 inches".
    expect(
      values([
        v('en', 'Hex shank 3/4", tip 1/8 inch, overall 1-1/2" long; a 7/16-inch socket fits.'),
        v('fr', 'Tige hexagonale de 19 mm, pointe de 3 mm, longueur 38 mm ; une douille de 11 mm convient.'),
        v('pt', 'Haste sextavada de 19 mm, ponta de 3 mm, comprimento 38 mm; serve um soquete de 11 mm.'),
      ]),
    ).toEqual([]);
    expect(extractQuantities('a 5/16" drill and a 2 1/2 inch hole saw', 'en', 'description')).toMatchObject([
      { dimension: 'length', value: 7.938, approx: true },
      { dimension: 'length', value: 63.5, approx: true },
    ]);
    // A fraction that does not round to the stated size is still a changed value.
    expect(
      values([
        v('en', 'Bit 3/8" shank, 50 mm long.'),
        v('es', 'Broca de vástago de 12 mm, 50 mm de largo.'),
        v('fr', 'Mèche à queue de 10 mm, longueur 50 mm.'),
      ]),
    ).toEqual(['es:12 mm']);
  });

  it('reads a number of things per unit as a rate, not as a count', () => {
    expect(
      values([
        v('en', 'Ladder chain with 48 rungs per metre, 2 m long.'),
        v('fr', 'Chaîne échelle de 48 barreaux par mètre, longueur 2 m.'),
        v('ru', 'Цепь-лесенка, 15 звеньев на фут, длина 2 м.'),
      ]),
    ).toEqual([]);
  });

  it('reports a count of things that replaces the one the other versions state', () => {
    const en = v('en', 'A string of 36 LEDs with 8 modes.');
    const fr = v('fr', 'Une guirlande de 36 LED avec 8 modes.');
    expect(values([en, fr, v('es', 'Una guirnalda de 38 LED con 8 modos.')])).toEqual(['es:38 LED']);
    // Counted with repeats: the 10 of another noun does not hide the changed one.
    expect(
      values([
        v('en', 'The pack has 10 hinges, 10 plates and 40 screws.'),
        v('fr', 'Le lot a 10 charnières, 10 embases et 40 vis.'),
        v('es', 'El pack trae 8 bisagras, 10 bases y 40 tornillos.'),
      ]),
    ).toEqual(['es:8 bisagras']);
    // A count only one version states (the others spell it out or leave it) is not a conflict.
    expect(values([en, fr, v('es', 'Una guirnalda de 36 LED con 8 modos para 2 personas.')])).toEqual([]);
  });

  it('reports a value only where it replaces one: a value only one version adds is information', () => {
    const en = v('en', 'Battery lasts 6 hours and charges in 3 hours.');
    const es = v('es', 'La batería dura 6 horas y se carga en 3 horas.');
    // Russian adds "50% in 1 hour": nothing of the others is missing there.
    const ru = v('ru', 'Аккумулятор работает 6 часов, заряжается за 3 часа, на 50% — за 1 час.');
    expect(values([en, es, ru])).toEqual([]);
    // A value that stands where the others' one was is reported, even when it is written twice.
    const fr = v('fr', 'La batterie tient 8 heures et se recharge en 3 heures.');
    expect(values([en, es, fr])).toEqual(['fr:8 heures']);
    const twice = [
      v('en', 'A 65 W adapter; one port gives up to 65 W.'),
      v('es', 'Un adaptador de 65 W; un puerto da hasta 65 W.'),
      v('ru', 'Адаптер на 65 Вт; один порт выдаёт до 60 Вт.'),
    ];
    expect(values(twice)).toEqual(['ru:60 Вт']);
  });

  it('reads hallmarks as purity, not as a count, and reports one finding per dimension chain', () => {
    expect(
      values([
        v('en', 'Solid 14K gold ring, 2 stones.'),
        v('ru', 'Кольцо из золота 585 пробы (14 карат), 2 камня.'),
        v('es', 'Anillo de oro de 14 quilates, 2 piedras.'),
      ]),
    ).toEqual([]);
    const chain = checkConsistency([v('en', 'It is 100 x 80 cm.'), v('es', 'Mide 70 x 50 cm.')]);
    expect(chain).toHaveLength(1);
  });
});

describe('checkConsistency on forces', () => {
  it('compares kilonewtons across versions', () => {
    const issues = checkConsistency([
      v('en', 'Rated to 25 kN along the spine.'),
      v('es', 'Resistencia de 25 kN en el eje mayor.'),
      v('ru', 'Выдерживает 23 кН вдоль спинки.'),
    ]);
    expect(issues.map((i) => `${i.lang}:${i.params.value}`)).toEqual(['ru:23 кН']);
  });
});

describe('counts spelt out in words (issue 18, round 7)', () => {
  const spans = (versions: ListingVersion[]) =>
    checkConsistency(versions).map((i) => {
      const text = versions.find((x) => x.lang === i.lang)!.description;
      return [i.lang, text.slice(i.span![0], i.span![1])];
    });

  it('reads "Thirty-two", "trente-deux", "trinta e dois", "тридцать два" as counts and reports a changed one', () => {
    expect(
      spans([
        v('en', 'Thirty-two wax crayons in a tin.'),
        v('fr', 'Trente-deux crayons de cire en boîte.'),
        v('pt', 'Trinta e dois lápis de cera na lata.'),
        v('es', 'Veintidós lápices de cera en lata.'),
      ]),
    ).toEqual([['es', 'Veintidós lápices']]);
    expect(
      spans([
        v('en', 'Thirty-two wax crayons in a tin.'),
        v('ru', 'Тридцать два восковых мелка в жестяной коробке.'),
        v('es', '32 lápices de cera en lata.'),
      ]),
    ).toEqual([]);
  });

  it('reports a spelt-out count only where it opens its sentence; inside one it is evidence only', () => {
    expect(
      spans([
        v('en', 'Steel hooks. Includes four washers.'),
        v('es', 'Ganchos de acero. Incluye cuatro arandelas.'),
        v('fr', 'Crochets en acier. Trois rondelles incluses.'),
      ]),
    ).toEqual([['fr', 'Trois rondelles']]);
    expect(
      spans([
        v('en', 'Steel hooks. Four washers included.'),
        v('es', 'Ganchos de acero. Cuatro arandelas incluidas.'),
        v('fr', 'Crochets en acier, à serrer avec deux mains.'),
      ]),
    ).toEqual([]);
  });

  it('reads pounds and ounces as no count of things', () => {
    expect(
      spans([
        v('en', 'Draw weight 11.3 kg (25 lbs), a two-piece bow.'),
        v('es', 'Potencia de 11,3 kg, arco de tres piezas.'),
        v('fr', 'Puissance de 11,3 kg, arc en trois pièces.'),
      ]),
    ).toEqual([]);
  });

  it('leaves hyphenated compounds and numbers of other things alone', () => {
    expect(
      spans([
        v('en', 'Two-way zip and 12 pockets.'),
        v('fr', 'Fermeture à deux sens et 12 poches.'),
        v('es', 'Cremallera de dos vías y 12 bolsillos.'),
      ]),
    ).toEqual([]);
  });
});

describe('pressures and battery sizes (issue 18, round 9)', () => {
  const found = (versions: ListingVersion[]) =>
    checkConsistency(versions).map((i) => [i.lang, i.params.value, i.suggestion]);

  it('compares pressures in bar and kPa', () => {
    expect(
      found([
        v('en', 'Maximum pressure 150 PSI (10.3 bar).'),
        v('fr', 'Pression maximale de 10,3 bar.'),
        v('ru', 'Максимальное давление 8,3 бар.'),
      ]),
    ).toEqual([['ru', '8,3 бар', '10,3 бар']]);
    expect(found([v('en', 'Works at 2.5 bar.'), v('es', 'Funciona a 250 kPa.')])).toEqual([]);
  });

  it('reports a battery size the other versions do not name', () => {
    expect(
      found([
        v('en', 'Runs on 2 AA batteries (not included).'),
        v('es', 'Funciona con 2 pilas AA (no incluidas).'),
        v('ru', 'Питание: 2 батарейки AAA.'),
      ]),
    ).toEqual([['ru', 'AAA', 'AA']]);
    // Between two versions, English is the reference.
    expect(found([v('en', 'Uses a CR2032 battery.'), v('fr', 'Fonctionne avec une pile CR2025.')])).toEqual([
      ['fr', 'CR2025', 'CR2032'],
    ]);
    expect(found([v('en', 'Takes AAA batteries.'), v('pt', 'Usa pilhas AAA.')])).toEqual([]);
  });

  it('reads a code without a battery word as no battery size', () => {
    expect(
      found([v('en', 'AA grade walnut, 2 AA batteries.'), v('es', 'Nogal grado AAA, 2 pilas AA.')]),
    ).toEqual([]);
  });
});

describe('garment letters compared field by field (issue 18, round 9)', () => {
  const found = (versions: ListingVersion[]) =>
    checkConsistency(versions).map((i) => [i.lang, i.field, i.params.value, i.suggestion]);

  it('reports letters a version changes, reading Brazilian letters as the others', () => {
    expect(
      found([
        v('en', 'Size L/XL fits faces of 12 to 13.5 cm.', 'Snorkel mask, size L/XL'),
        v('fr', 'La taille S/M convient aux visages de 12 à 13,5 cm.', 'Masque, taille L/XL'),
        v('pt', 'O tamanho G/GG serve para rostos de 12 a 13,5 cm.', 'Máscara, tamanho G/GG'),
      ]),
    ).toEqual([['fr', 'description', 'S/M', 'L/XL']]);
  });

  it('reads lower-case letters after a size word as no size', () => {
    expect(found([v('en', 'Size M fits most.'), v('fr', "Cette taille s'adapte à tous, taille M.")])).toEqual(
      [],
    );
  });
});

describe("a count of pieces against the version's own title (issue 18, round 10)", () => {
  const found = (versions: ListingVersion[]) =>
    checkConsistency(versions).map((i) => [i.lang, i.field, i.suggestion ?? '']);

  it('reports a description that changes the pieces its title and the other versions count', () => {
    const versions = [
      v('en', 'A knife block with a sharpener and shears.', 'Knife Set, 6 Pieces'),
      v('es', 'El juego de 5 piezas incluye un afilador.', 'Juego de cuchillos, 6 piezas'),
      v('fr', 'Un bloc avec aiguiseur et ciseaux.', 'Set de couteaux, 6 pièces'),
    ];
    expect(found(versions)).toEqual([['es', 'description', '6 piezas']]);
  });

  it('leaves a part of the set counted, or a number the others write too', () => {
    // The description states the set's count too: the other count is of a part.
    expect(
      found([
        v('en', 'Six pieces in all.', 'Knife Set, 6 Pieces'),
        v('es', 'Juego de 6 piezas: 2 piezas de cerámica.', 'Juego de cuchillos, 6 piezas'),
        v('fr', 'Six pièces au total.', 'Set de couteaux, 6 pièces'),
      ]),
    ).toEqual([]);
    expect(
      found([
        v('en', 'Of them, 2 are ceramic.', 'Knife Set, 6 Pieces'),
        v('es', 'Incluye 2 piezas de cerámica.', 'Juego de cuchillos, 6 piezas'),
        v('fr', 'Dont 2 en céramique.', 'Set de couteaux, 6 pièces'),
      ]),
    ).toEqual([]);
  });
});

describe('gear ratios and angles compared across versions (issue 18, round 10)', () => {
  it('reads "5.2:1", "5,2:1" and "170°" as values, not "16:9", a time or a temperature', () => {
    expect(
      extractQuantities('Gear ratio 5.2:1, smooth drag', 'en', 'description').map((q) => [
        q.dimension,
        q.value,
      ]),
    ).toEqual([['ratio', 5.2]]);
    expect(
      extractQuantities('Передаточное число 4,7:1, угол обзора 170°.', 'ru', 'description').map((q) => [
        q.dimension,
        q.value,
      ]),
    ).toEqual([
      ['ratio', 4.7],
      ['angle', 170],
    ]);
    expect(
      extractQuantities('Screen 16:9, opens at 10:15, wash at 40 °C.', 'en', 'description').filter(
        (q) => q.dimension === 'ratio' || q.dimension === 'angle',
      ),
    ).toEqual([]);
  });

  it('reports a version whose ratio or angle differs from the others', () => {
    const found = checkConsistency([
      v('en', 'Gear ratio 5.2:1. Viewing angle 170°.'),
      v('fr', 'Rapport 5,2:1. Angle de vue 170°.'),
      v('ru', 'Передаточное число 4,7:1. Угол обзора 120°.'),
    ]).map((i) => [i.lang, i.suggestion]);
    expect(found).toEqual([
      ['ru', '5,2:1'],
      ['ru', '170°'],
    ]);
  });
});

describe('current, newtons, dioptres and scales compared across versions (issue 18, round 11)', () => {
  const dims = (text: string, lang: ListingVersion['lang']) =>
    extractQuantities(text, lang, 'description').map((q) => [q.dimension, q.value]);

  it('reads amperes, kiloamperes, milliamperes, newtons, dioptres and model scales', () => {
    expect(dims('Rated 25 A, breaking capacity 10 kA, standby 3 mA.', 'en')).toEqual([
      ['current', 25],
      ['current', 10000],
      ['current', 0.003],
    ]);
    expect(dims('Ток 25 А, отключающая способность 10 кА, усилие 800 Н.', 'ru')).toEqual([
      ['current', 25],
      ['current', 10000],
      ['force', 800],
    ]);
    expect(dims('Graduação +2,5 dioptrias, miniatura à escala 1:43.', 'pt')).toEqual([
      ['optical power', 2.5],
      ['scale', 43],
    ]);
  });

  it('leaves a range in capitals, a lower-case range word and a replica 1:1 alone', () => {
    expect(dims('ENTREGA DE 5 A 10 DÍAS', 'es')).toEqual([['duration', 14400]]);
    expect(dims('Carga de 2 a 3 horas', 'es')).toEqual([
      ['duration', 120],
      ['duration', 180],
    ]);
    const scales = (text: string) => dims(text, 'es').filter(([d]) => d === 'scale');
    expect(scales('Réplica 1:1 del original, entrega a la 1:30 del mediodía')).toEqual([]);
  });

  it('reads a metronome tempo in BPM', () => {
    expect(dims('Tempo 40–208 BPM.', 'en')).toEqual([
      ['tempo', 40],
      ['tempo', 208],
    ]);
  });

  it('reads pH, seconds and fractions of a second, and compares them', () => {
    expect(dims('Precisión ±0,05 pH, respuesta en 8 s, apagado tras 1/10.000 s.', 'es')).toEqual([
      ['pH', 0.05],
      ['seconds', 8],
      ['fraction of a second', 10000],
    ]);
    const found = checkConsistency([
      v('en', 'Accuracy ±0.05 pH. Switching time 1/25,000 s.'),
      v('fr', 'Précision ±0,05 pH. Temps de commutation 1/25 000 s.'),
      v('pt', 'Precisão ±0,5 pH. Tempo de comutação 1/2.500 s.'),
    ]).map((i) => [i.lang, i.suggestion]);
    expect(found).toEqual([
      ['pt', '0,05 pH'],
      ['pt', '1/25000 s'],
    ]);
  });

  it('reports a version whose current, force, dioptres or scale differ from the others', () => {
    const found = checkConsistency([
      v('en', 'Output 3 A, clamp force 600 N, lenses +1.5 dioptres, 1:18 scale car.'),
      v('es', 'Salida 3 A, fuerza de 600 N, lentes +1,5 dioptrías, coche a escala 1:18.'),
      v('ru', 'Выход 2 А, усилие 400 Н, линзы +2,0 диоптрии, машинка в масштабе 1:24.'),
    ]).map((i) => [i.lang, i.suggestion]);
    expect(found).toEqual([
      ['ru', '3 А'],
      ['ru', '600 Н'],
      ['ru', '1,5 диоптрии'],
      ['ru', '1:18'],
    ]);
  });
});

describe('a count per bag beside the whole pack (issue 18, round 13)', () => {
  it("leaves a count per bag alone when the version states the others' pack count before a noun", () => {
    const en = v('en', 'Cable ties, 200 pcs, black nylon, 15 cm.');
    const es = v(
      'es',
      'Bridas de nailon negro de 15 cm, en bolsas de 50 unidades. Pack de 200 bridas (4 bolsas).',
    );
    expect(checkConsistency([en, es])).toEqual([]);
    // Without the pack count the count per bag stands where the others' 200 belongs.
    const short = v('es', 'Bridas de nailon negro de 15 cm, en bolsas de 50 unidades.');
    expect(checkConsistency([en, short]).map((i) => i.params.value)).toEqual(['50 unidades']);
  });
});

describe('hours and minutes, rotation speed and air flow (issue 18, round 14)', () => {
  const dims = (text: string, lang: ListingVersion['lang']) =>
    extractQuantities(text, lang, 'description').map((q) => [q.dimension, q.value]);

  it('reads "1 h 30" and "1 ч 30 мин" as 90 minutes, not one hour', () => {
    expect(dims('Temps de charge : 1 h 30.', 'fr')).toEqual([['duration', 90]]);
    expect(dims('Зарядка 2 ч 15 мин.', 'ru')).toEqual([['duration', 135]]);
    expect(dims('Autonomía de 2 h, 15 cm de largo.', 'es')).toEqual([
      ['duration', 120],
      ['length', 150],
    ]);
    const en = v('en', 'Charges in 1.5 hours.');
    const fr = v('fr', 'Se recharge en 1 h 30.');
    expect(checkConsistency([en, fr])).toEqual([]);
  });

  it('compares rotation speeds and air flows, cubic feet per minute converted', () => {
    expect(dims('Motor 2500 rpm, 2500 tr/min, 2500 об/мин.', 'en')).toEqual([
      ['rotation', 2500],
      ['rotation', 2500],
      ['rotation', 2500],
    ]);
    const en = v('en', 'Extractor fan: 120 CFM, 2400 rpm.');
    const es = v('es', 'Extractor: 204 m³/h, 2400 rpm.');
    expect(checkConsistency([en, es])).toEqual([]);
    const ru = v('ru', 'Вытяжка: 204 м³/ч, 3000 об/мин.');
    expect(checkConsistency([en, ru]).map((i) => i.params.value)).toEqual(['3000 об/мин']);
  });
});

describe('a count after a model code and a comma (issue 18, round 16)', () => {
  it('reads "W-25, 21 функция" as a count of functions, not a part of the name', () => {
    const en = v('en', '', 'TrailMeter Bike Computer with 25 Functions');
    const fr = v('fr', '', 'Compteur de vélo TrailMeter, 25 fonctions');
    const ru = v('ru', '', 'Велокомпьютер TrailMeter W-25, 21 функция');
    expect(checkConsistency([en, fr, ru]).map((i) => i.params.value)).toEqual(['21 функция']);
  });
});

describe('a number inside a model code (issue 18, review)', () => {
  it('reads "W-25 Bike Computer" as a name, not 25 bikes', () => {
    const counts = (text: string) =>
      extractQuantities(text, 'en', 'title')
        .filter((q) => q.dimension === 'count')
        .map((q) => text.slice(q.span[0], q.span[1]));
    expect(counts('TrailMeter W-25 Bike Computer with 25 Functions')).toEqual(['25 Functions']);
    // A range of counts keeps its numbers: "5-10 pieces".
    expect(counts('Pack of hooks, 5-10 pieces')).toEqual(['5-10 pieces', '10 pieces']);
  });
});

describe('products of counts, threads and doubled chain members (issue 18, round 17)', () => {
  it('reads "12 bags x 50 ties" as the others\' 600 ties', () => {
    const en = v('en', 'Cable ties 600 pcs', 'Packed as 12 bags x 50 ties, black nylon.');
    const es = v('es', 'Bridas 600 uds', 'Se entregan 600 bridas de nailon negro.');
    expect(checkConsistency([en, es])).toEqual([]);
  });

  it('still compares a gauge of two counts ("20 stitches × 26 rows" against 28 rows)', () => {
    const en = v('en', '', 'Gauge: 20 stitches × 26 rows = 10 cm.');
    const fr = v('fr', '', 'Échantillon : 20 mailles × 28 rangs = 10 cm.');
    const es = v('es', '', 'Muestra: 20 puntos × 28 vueltas = 10 cm.');
    expect(checkConsistency([en, fr, es]).map((i) => i.params.value)).toEqual(['26 rows']);
  });

  it('counts no threads after an inch size ("3/8"-16 with")', () => {
    const counts = (text: string) =>
      extractQuantities(text, 'en', 'description')
        .filter((q) => q.dimension === 'count')
        .map((q) => text.slice(q.span[0], q.span[1]));
    expect(counts('Tripod screw 3/8"-16 with a locking ring')).toEqual([]);
  });

  it('reports the member of a chain changed to the other member ("90 x 90 cm" for 90 x 120)', () => {
    const en = v('en', 'Rug 90 x 120 cm', 'Size: 90 x 120 cm, short pile.');
    const fr = v('fr', 'Tapis 90 x 120 cm', 'Dimensions : 90 x 120 cm, poils ras.');
    const pt = v('pt', 'Tapete 90 x 120 cm', 'Tamanho: 90 x 90 cm, pelo curto.');
    const issues = checkConsistency([en, fr, pt]);
    expect(issues.map((i) => [i.lang, i.params.value, i.suggestion])).toEqual([['pt', '90 cm', '120 cm']]);
  });

  it('leaves a square written twice alone when the others write it so too', () => {
    const en = v('en', '', 'Cushion 45 x 45 cm, cover 45 x 45 cm.');
    const es = v('es', '', 'Cojín de 45 x 45 cm, funda de 45 x 45 cm.');
    expect(checkConsistency([en, es])).toEqual([]);
  });
});

describe('counts multiplied with a word (issue 18, round 18)', () => {
  it('reads "12 пакетов по 50 шт" as the others\' 600 pieces', () => {
    const en = v('en', 'Zip ties 600 pcs', 'Twelve bags, 600 pcs in total.');
    const ru = v('ru', 'Стяжки 12 пакетов по 50 шт', 'Всего 600 шт.');
    const es = v('es', 'Bridas 600 uds', 'En total 600 uds.');
    expect(checkConsistency([en, ru, es])).toEqual([]);
  });
});
