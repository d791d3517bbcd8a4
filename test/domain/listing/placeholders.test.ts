import { describe, expect, it } from 'vitest';
import { checkPlaceholders } from '../../../src/domain/listing/placeholders.js';

describe('checkPlaceholders', () => {
  it.each([
    ['Choose size {{size}} before ordering.', 'template', '{{size}}'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the debris under test is a literal ${...}
    ['Colour: ${color}', 'template', '${color}'],
    ['Touchez le bouton {button_name} du socle.', 'template', '{button_name}'],
    ['Available in %s colours', 'template', '%s'],
    ['This bottle in %COLOR% keeps drinks cold', 'template', '%COLOR%'],
    ['Size: $SIZE$', 'template', '$SIZE$'],
    ['[PRODUCT NAME] is made of steel', 'bracket', '[PRODUCT NAME]'],
    ['[Название товара] из стали', 'bracket', '[Название товара]'],
    ['[insert brand here] water bottle', 'bracket', '[insert brand here]'],
    ['Lorem ipsum dolor sit amet. Real text.', 'lorem', 'Lorem ipsum dolor sit amet'],
    ['Lavable. Traducido por Google.', 'mt_artifact', 'Traducido por'],
    ['Готово. Переведено с помощью Google.', 'mt_artifact', 'Переведено с помощью Google.'],
    ['Wipe clean. TODO: add size chart', 'mt_artifact', 'TODO'],
    ['Лампа&nbsp;потребляет 10 Вт', 'markup', '&nbsp;'],
    ['sèche vite.<br> Noir', 'markup', '<br>'],
    ['percal sÃ³ave', 'encoding', 'Ã³'],
    // Fifth round: instructions in capitals, accented capitals, numbers left as X (my own wordings).
    ['Housse pour [MODÈLE DU VÉLO] en néoprène.', 'bracket', '[MODÈLE DU VÉLO]'],
    ['Chaleco reflectante ENTER BRAND NAME para ciclistas.', 'bracket', 'ENTER BRAND NAME'],
    ['Tapis de yoga AJOUTER LA COULEUR antidérapant.', 'bracket', 'AJOUTER LA COULEUR'],
    ['Коврик для йоги, УКАЖИТЕ ЦВЕТ, нескользящий.', 'bracket', 'УКАЖИТЕ ЦВЕТ'],
    ['Mochila de ADICIONAR VOLUME litros.', 'bracket', 'ADICIONAR VOLUME'],
    ['Espessura do tapete: XX mm.', 'bracket', 'XX'],
    ['Peso: X,X kg con la funda.', 'bracket', 'X,X'],
    // Sixth round: quantity abbreviations, "[N]" before a noun, lower-case instructions (my own wordings).
    ['Pack of [QTY] hooks in zinc.', 'bracket', '[QTY]'],
    ['Набор из [КОЛ-ВО] крючков.', 'bracket', '[КОЛ-ВО]'],
    ['Incluye [N] ganchos de acero.', 'bracket', '[N]'],
    ['Cable length: type length here, braided nylon.', 'bracket', 'type length here'],
    // Seventh round: a count left as XX before a noun (my own wordings).
    ['Resiste a XX lavados sin perder color.', 'bracket', 'XX'],
    ['Batterie rechargeable jusqu’à xx fois.', 'bracket', 'xx'],
    ['Couleur : indiquez la couleur ici, coton bio.', 'bracket', 'indiquez la couleur ici'],
    ['Set of [X] hooks.', 'bracket', '[X]'],
  ])('%s -> %s', (text, code, found) => {
    const issues = checkPlaceholders(text, 'en', 'description');
    expect(issues.map((i) => i.code)).toEqual([code]);
    const [start, end] = issues[0]!.span!;
    expect(text.slice(start, end)).toBe(found.trim());
  });

  it.each([
    'Envio livre para todo o Brasil e todo o mundo.',
    'Size chart: S, M, L [see photos]',
    'Dimensions 30 x 20 cm, 100% cotton, 2 {pieces',
    'Set of 3 [pcs]',
    'Tamaño: 40 x 30 cm (aprox.)',
    'CARBIDE INSERT TOOL SET 10 PCS',
    'Lathe insert holder, ADD-ON kit included',
    'Sizes XS to XXL; XXL fits 120 cm chest',
    'Force measured in [N] and torque in [Nm].',
    'Insert the battery here and close the lid.',
    'Rated force 500 [N] at 20 °C.',
    'Model XX-200 with a 5 m cable',
    'Shirt size XL, chest 112 cm',
    'Style of the XX century, oak veneer',
    'Sizes L, XL, XX large on request',
  ])('leaves clean text alone: %s', (text) => {
    expect(checkPlaceholders(text, 'en', 'description')).toEqual([]);
  });
});

describe('placeholder values in lower case', () => {
  it('reports "xxx" left for a value, in any case', () => {
    expect(checkPlaceholders('Mide xxx cm de alto.', 'es', 'description')).toHaveLength(1);
    expect(checkPlaceholders('Talla XXL, 3 XL.', 'es', 'description')).toEqual([]);
  });
});

describe('fill-ins in angle brackets (issue 18, round 9)', () => {
  const texts = (text: string) =>
    checkPlaceholders(text, 'es', 'description').map((i) => text.slice(i.span![0], i.span![1]));

  it('reports "<insert colour>" as it does "[insert colour]", not markup or a comparison', () => {
    expect(texts('Disponible en <insert colour> y negro.')).toEqual(['<insert colour>']);
    expect(texts('Funda <nombre del producto> de silicona.')).toEqual(['<nombre del producto>']);
    expect(texts('Peso < 200 g, potencia <5 W y tamaño compacto.')).toEqual([]);
    expect(texts('Primera línea<br>segunda línea')).toEqual(['<br>']);
  });
});

describe('"TODO" as a Spanish and Portuguese word in capitals (issue 18, round 10)', () => {
  const texts = (text: string, lang: 'es' | 'pt' | 'en') =>
    checkPlaceholders(text, lang, 'description').map((i) => text.slice(i.span![0], i.span![1]));

  it('leaves "TODO" between words in capitals, reports it as a note', () => {
    expect(texts('PROTEGE TODO EL AÑO CONTRA LA LLUVIA.', 'es')).toEqual([]);
    expect(texts('TODO O KIT VEM NA CAIXA.', 'pt')).toEqual([]);
    expect(texts('Cable USB-C de 2 m. TODO: revisar medidas.', 'es')).toEqual(['TODO']);
    expect(texts('Bateria para drones FPV TODO', 'pt')).toEqual(['TODO']);
    expect(texts('SHIPS WITH TODO LIST', 'en')).toEqual(['TODO']);
  });
});

describe('catalogue fields a template fills in (issue 18, round 21)', () => {
  it('reports "[SKU]" and "[EAN]" left in the text, not the same letters outside brackets', () => {
    const codes = (text: string) => checkPlaceholders(text, 'es', 'description').map((i) => i.code);
    expect(codes('Referencia del fabricante: [SKU]. Envío en 24 h.')).toEqual(['bracket']);
    expect(codes('Código de barras [EAN] en la caja.')).toEqual(['bracket']);
    expect(codes('Cada pieza lleva su SKU y su código EAN grabados.')).toEqual([]);
  });
});
