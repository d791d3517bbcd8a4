import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../../src/domain/listing/claims.js';
import type { Language } from '../../../src/domain/types.js';

describe('checkClaims', () => {
  it.each([
    ['en', 'Regular use cures back pain.', 'medical', 'cures back pain'],
    ['en', 'Clinically proven to reduce stress.', 'medical', 'Clinically proven'],
    ['en', '100% original product.', 'authenticity', '100% original'],
    ['en', 'Guaranteed delivery in 3 days.', 'delivery_guarantee', 'Guaranteed delivery'],
    ['en', 'Also available on Amazon.', 'off_platform', 'Amazon'],
    ['en', 'Questions? Write to shop@example.com', 'contact', 'shop@example.com'],
    ['en', 'Lifetime warranty included.', 'lifetime_warranty', 'Lifetime warranty'],
    ['es', 'Alivia y cura el dolor de espalda.', 'medical', 'Alivia y cura el dolor'],
    ['es', 'Entrega garantizada en 48 horas.', 'delivery_guarantee', 'Entrega garantizada'],
    ['es', 'Cómpralo también en Mercado Libre.', 'off_platform', 'Mercado Libre'],
    ['fr', 'Garantie à vie.', 'lifetime_warranty', 'Garantie à vie'],
    ['fr', 'Produit 100% authentique.', 'authenticity', '100% authentique'],
    ['ru', 'Коврик лечит боль в спине.', 'medical', 'лечит боль'],
    ['ru', 'Пишите в Телеграм.', 'contact', 'Телеграм'],
    ['ru', 'Звоните 8 (912) 345-67-89', 'contact', '8 (912) 345-67-89'],
    ['pt', 'Garantia vitalícia.', 'lifetime_warranty', 'Garantia vitalícia'],
    ['pt', 'Chama no zap (11) 98765-4321', 'contact', '(11) 98765-4321'],
    ['pt', 'Entrega garantida em 2 dias.', 'delivery_guarantee', 'Entrega garantida'],
    ['es', 'Also 100% original, copied from the English page.', 'authenticity', '100% original'],
    ['en', 'Sleeping on it relieves chronic neck pain.', 'medical', 'relieves chronic neck pain'],
    ['en', 'The copper band eases the symptoms of arthritis.', 'medical', 'eases the symptoms of arthritis'],
    ['es', 'Su uso diario alivia la ciática.', 'medical', 'alivia la ciática'],
    ['fr', 'Le coussin soulage les douleurs articulaires.', 'medical', 'soulage les douleurs'],
    ['ru', 'Чай избавляет от бессонницы.', 'medical', 'избавляет от бессонницы'],
    ['ru', 'Браслет нормализует артериальное давление.', 'medical', 'нормализует артериальное давление'],
    ['pt', 'O uso diário trata a hérnia de disco.', 'medical', 'trata a hérnia de disco'],
    // Eighth round: cures in the future tense, skin and hoof diseases of animals (my own wordings).
    ['fr', 'Ce baume guérira les dermatoses du chien.', 'medical', 'guérira les dermatoses'],
    ['fr', 'Le bain de pieds soigne le piétin des moutons.', 'medical', 'soigne le piétin'],
    ['es', 'El champú curará la sarna del perro.', 'medical', 'curará la sarna'],
    ['pt', 'O spray curará a sarna do gato.', 'medical', 'curará a sarna'],
    ['ru', 'Мазь вылечит лишай у кошки.', 'medical', 'вылечит лишай'],
    ['en', 'This spray will cure mange in dogs.', 'medical', 'will cure mange'],
  ] as const)('%s: %s -> %s', (lang, text, code, found) => {
    const issues = checkClaims(text, lang as Language, 'description');
    expect(issues.map((i) => i.code)).toContain(code);
    const issue = issues.find((i) => i.code === code)!;
    expect(text.slice(issue.span![0], issue.span![1])).toBe(found);
  });

  it.each([
    ['en', 'Genuine leather strap, original packaging, 2-year warranty.'],
    ['es', 'Cuero genuino. Envío en 24 horas desde nuestro almacén.'],
    ['fr', 'Cuir véritable, garantie 2 ans.'],
    ['ru', 'Натуральная кожа, гарантия 1 год. Доставка по всей России.'],
    ['pt', 'Couro legítimo, garantia de 12 meses. O curador escolheu as cores.'],
    ['en', 'The bottle is 26 cm tall and 7.5 cm wide; 220 V, 50 Hz.'],
    ['en', 'The lid prevents drinks going cold and stops the bottle from leaking.'],
    ['es', 'La tapa evita que se pierda una sola gota y reduce el ruido.'],
    ['ru', 'Матрас снижает давление на позвоночник во время сна.'],
    ['pt', 'A alça reduz o peso nos ombros.'],
    // "tina" is a tub in Spanish; ringworm ("tiña") is left out of the conditions for it.
    ['es', 'Elimina la cal de la tina de baño en minutos.'],
  ] as const)('no claim in %s: %s', (lang, text) => {
    expect(checkClaims(text, lang as Language, 'description')).toEqual([]);
  });

  it('reports claims of one kind in one sentence as one finding, and separate sentences apart', () => {
    const text = 'Escríbanos por WhatsApp al +34 612 345 678. Alivia la ciática y cura el dolor lumbar.';
    const issues = checkClaims(text, 'es', 'description');
    expect(issues.map((i) => [i.code, text.slice(i.span![0], i.span![1])])).toEqual([
      ['contact', 'WhatsApp al +34 612 345 678'],
      ['medical', 'Alivia la ciática y cura el dolor'],
    ]);
  });
});

describe('claims of results and rank', () => {
  it.each([
    ['en', "The world's best kettle.", 'superlative'],
    ['es', 'El mejor hervidor del mundo.', 'superlative'],
    ['fr', 'Le meilleur du marché.', 'superlative'],
    ['ru', 'Лучший чайник в мире.', 'superlative'],
    ['pt', 'O melhor do mundo.', 'superlative'],
    ['en', 'Results guaranteed.', 'guaranteed_result'],
    ['ru', 'Эффект гарантирован.', 'guaranteed_result'],
    ['fr', 'Élimine 99,9 % des bactéries.', 'medical'],
    ['pt', 'Ajuda a emagrecer.', 'medical'],
  ] as const)('%s: %s -> %s', (lang, text, code) => {
    expect(checkClaims(text, lang as Language, 'description').map((i) => i.code)).toEqual([code]);
  });

  it.each([
    ['en', 'The best choice for small kitchens.'],
    ['es', 'La mejor opción para cocinas pequeñas.'],
    ['fr', 'Le meilleur allié de vos randonnées.'],
  ] as const)('%s: an ordinary "best" is not a rank claim (%s)', (lang, text) => {
    expect(checkClaims(text, lang as Language, 'description')).toEqual([]);
  });
});

describe('warnings and products that read like claims (issue 18, round 10)', () => {
  const codes = (text: string, lang: Language) =>
    checkClaims(text, lang, 'description').map((i) => [i.code, text.slice(i.span![0], i.span![1])]);

  it('reads a condition of use as no health claim, and "lower back" as a place', () => {
    expect(codes('Start slowly and stop if you feel any pain in the wrists.', 'en')).toEqual([]);
    expect(codes('Do not use it when you have back pain.', 'en')).toEqual([]);
    expect(codes('Suspenda el uso si siente dolor.', 'es')).toEqual([]);
    expect(codes('Rest if the pain in your lower back gets worse.', 'en')).toEqual([]);
    // The promise itself is still one.
    expect(codes('This belt stops back pain in a week.', 'en')).toEqual([['medical', 'stops back pain']]);
    expect(codes('Helps lower blood pressure naturally.', 'en')).toEqual([
      ['medical', 'lower blood pressure'],
    ]);
  });

  it('names Amazon devices without sending buyers to Amazon', () => {
    expect(codes('Works with Amazon Alexa and Google Assistant.', 'en')).toEqual([]);
    expect(codes('Compatible con Amazon Echo Dot.', 'es')).toEqual([]);
    expect(codes('Also sold on Amazon at a higher price.', 'en')).toEqual([['off_platform', 'Amazon']]);
  });
});

describe('claims in fresh wordings (issue 18, round 10; test/fixtures/claims-dev, development data)', () => {
  const lines = (file: string) =>
    readFileSync(new URL(`../../fixtures/claims-dev/${file}`, import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { lang: Language; text: string; claim?: string });

  it('finds at least the share measured after this round and flags at most one near miss', () => {
    const claims = lines('claims.jsonl');
    const found = claims.filter((c) => {
      const start = c.text.indexOf(c.claim!);
      const end = start + c.claim!.length;
      return checkClaims(c.text, c.lang, 'description').some((i) => i.span![0] < end && start < i.span![1]);
    }).length;
    // 84 of 200 at the first run, 125 after round 10's classes, 133 after round 11's, 134 after
    // round 12's, 135 after round 15's.
    expect(found).toBeGreaterThanOrEqual(135);
    const near = lines('near-misses.jsonl').filter(
      (n) => checkClaims(n.text, n.lang, 'description').length > 0,
    );
    expect(near.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ['en', 'Used daily, the massager fixed my sciatica for good.', 'medical'],
    ['en', 'The numbness from diabetes goes away after a week.', 'medical'],
    ['en', 'Wear it and melt up to 3 kg in ten days.', 'medical'],
    ['en', 'Physicians prescribe this brace to their patients.', 'endorsement'],
    ['en', 'The strap is totally harmless for sensitive skin.', 'absolute_guarantee'],
    ['en', 'Real Gucci belt with box.', 'authenticity'],
    ['es', 'El colchón cuenta con el aval de traumatólogos.', 'endorsement'],
    ['fr', 'Un collier qui fait tomber la fièvre.', 'medical'],
    ['pt', 'Bolsa Michael Kors verdadeira com etiqueta.', 'authenticity'],
    ['en', 'Join us at t.me/deals_shop for coupons.', 'contact'],
    ['es', 'Escríbenos al wasap y te respondemos.', 'contact'],
    ['ru', 'Каталог на сайте myshop точка ру.', 'contact'],
    ['en', 'Follow our Facebook page for new colours.', 'contact'],
  ] as const)('%s: %s', (lang, text, code) => {
    expect(checkClaims(text, lang as Language, 'description').map((i) => i.code)).toContain(code);
  });

  it.each([
    ['ru', 'После полного созревания глазурь безопасна для посуды.'],
    ['en', 'Totally dishwasher-safe lid? No: hand wash only.'],
    ['es', 'El punto es que la tapa no gotea.'],
    ['en', 'Pain in the lower back? Consult a doctor before use.'],
  ] as const)('%s: no claim in "%s"', (lang, text) => {
    expect(checkClaims(text, lang as Language, 'description')).toEqual([]);
  });
});

describe('absolute promises of safety, no harm, calories and no exceptions (issue 18, round 11)', () => {
  const spans = (text: string, lang: Language) =>
    checkClaims(text, lang, 'description').map((i) => [i.code, text.slice(i.span![0], i.span![1])]);

  it.each([
    ['en', 'This visor is guaranteed to prevent all scratches on your helmet.', 'guaranteed to prevent all'],
    ['es', 'Esta silla garantiza una protección total en cualquier viaje.', 'garantiza una protección total'],
    ['fr', 'Le casque garantit une sécurité totale à votre enfant.', 'garantit une sécurité totale'],
    ['ru', 'Чехол гарантирует полную защиту телефона.', 'гарантирует полную защиту'],
    ['pt', 'A escova não estraga os fios em hipótese alguma.', 'estraga os fios em hipótese alguma'],
    ['fr', "Ce fer n'abîme en aucun cas vos cheveux.", 'abîme en aucun cas'],
    ['ru', 'Средство ни в коем случае не повредит лак.', 'ни в коем случае не повредит'],
    ['en', 'This steel lock is 100% theft-proof.', '100% theft-proof'],
    ['pt', 'Mordedor de borracha natural sem nenhum risco para o bebê.', 'sem nenhum risco'],
    [
      'fr',
      'Un sérum qui fonctionne sur toutes les peaux, sans exception.',
      'fonctionne sur toutes les peaux, sans exception',
    ],
  ] as const)('%s: %s', (lang, text, claim) => {
    expect(spans(text, lang).map(([, s]) => s)).toContain(claim);
  });

  it('reports a number of calories burnt as a weight-loss promise, not burning calories as such', () => {
    expect(spans('Con esta cuerda quemas 800 calorías en media hora.', 'es')).toEqual([
      ['medical', 'quemas 800 calorías'],
    ]);
    expect(spans('Walk on the pad and burn calories while you work.', 'en')).toEqual([]);
  });

  it.each([
    ['en', 'Do not use it under any circumstances near water: it may damage the motor.'],
    ['es', 'Protección total contra los rayos UV con certificado CE.'],
    ['fr', 'Ne plongez en aucun cas l’appareil dans l’eau.'],
    ['pt', 'Trava antifurto com chave reserva.'],
  ] as const)('%s: no claim in "%s"', (lang, text) => {
    expect(checkClaims(text, lang, 'description')).toEqual([]);
  });
});

describe('endorsements by agencies and by every manufacturer (issue 18, round 11)', () => {
  it.each([
    ['en', 'Drone homologated by the FAA for flights in every country.'],
    ['es', 'Cerradura inteligente certificada por el FBI.'],
    ['fr', 'Sangle homologuée par tous les constructeurs automobiles.'],
    ['pt', 'Bexigas aprovadas pela ONU.'],
    ['ru', 'Фонарь одобрен МЧС для спасательных работ.'],
  ] as const)('%s: %s', (lang, text) => {
    expect(checkClaims(text, lang, 'description').map((i) => i.code)).toContain('endorsement');
  });
});

describe('endorsements and authenticity in more words (issue 18, round 12)', () => {
  it.each([
    ['es', 'Mascarilla recomendada por la Organización Mundial de la Salud.', 'endorsement'],
    ['fr', "Approuvé par l'Organisation mondiale de la santé.", 'endorsement'],
    ['en', 'Genuine Selmer neck strap.', 'authenticity'],
    ['en', 'These gloves are 100% cut-proof.', 'absolute_guarantee'],
  ] as const)('%s: %s -> %s', (lang, text, code) => {
    expect(checkClaims(text, lang, 'description').map((i) => i.code)).toContain(code);
  });

  it("leaves a recommendation for an academy's students alone", () => {
    expect(checkClaims('Recommended for music academy students.', 'en', 'description')).toEqual([]);
  });
});

describe('syndromes, growth of lashes, teachers and printer brands (issue 18, round 13)', () => {
  it.each([
    ['en', 'Wearing it eases restless legs syndrome within days.', 'medical'],
    ['es', 'Suplemento que cura el síndrome del intestino irritable.', 'medical'],
    ['ru', 'Массажёр лечит проблемы с зубами у детей.', 'medical'],
    ['fr', 'Ce sérum stimule la pousse des cils.', 'medical'],
    ['pt', 'O chá melhora a digestão em poucos dias.', 'medical'],
    ['ru', 'Игра повышает IQ ребёнка.', 'medical'],
    ['en', 'Recommended by music teachers worldwide.', 'endorsement'],
    ['pt', 'Aprovado por professores do conservatório.', 'endorsement'],
    ['en', 'Original Epson ink, made in Japan.', 'authenticity'],
  ] as const)('%s: %s -> %s', (lang, text, code) => {
    expect(checkClaims(text, lang, 'description').map((i) => i.code)).toContain(code);
  });

  it('leaves a compatible cartridge and a lesson with a teacher alone', () => {
    expect(checkClaims('Compatible with original Epson cartridges.', 'en', 'description')).toEqual([]);
    expect(checkClaims('Ideal for lessons with your teacher.', 'en', 'description')).toEqual([]);
  });

  it('reports a messenger handle with the messenger', () => {
    const text = 'Заказ оптом — пишите в Telegram @shop_opt_24.';
    expect(checkClaims(text, 'ru', 'description').map((i) => text.slice(i.span![0], i.span![1]))).toEqual([
      'Telegram @shop_opt_24',
    ]);
  });
});

describe('heat stroke, tennis elbow, diagnoses, airlines, "sûre à 100 %" (issue 18, round 14)', () => {
  it.each([
    ['en', 'This cap prevents heat stroke on hot days.', 'medical'],
    ['es', 'El collar previene el golpe de calor en perros.', 'medical'],
    ['fr', 'La sangle soulage l’épicondylite en une semaine.', 'medical'],
    ['en', 'The monitor diagnoses sleep apnea at home.', 'medical'],
    ['pt', 'Aprovado por todas as companhias aéreas.', 'endorsement'],
    ['fr', 'Une barrière de lit 100 % sûre pour votre enfant.', 'absolute_guarantee'],
  ] as const)('%s: %s -> %s', (lang, text, code) => {
    expect(checkClaims(text, lang, 'description').map((i) => i.code)).toContain(code);
  });

  it('leaves a discount "sur" an article, a car diagnosis and a solar panel\'s sunshine alone', () => {
    expect(checkClaims('Remise de 100 % sur le deuxième article.', 'fr', 'description')).toEqual([]);
    expect(checkClaims('Diagnostica las averías del coche.', 'es', 'description')).toEqual([]);
    expect(checkClaims('Panneau solaire : 6 heures d’insolation suffisent.', 'fr', 'description')).toEqual(
      [],
    );
  });
});

describe('trusted by laureates, chosen by special forces, crash-proof (issue 18, round 15)', () => {
  it.each([
    ['en', 'Trusted by Nobel laureates in their labs.', 'endorsement'],
    ['ru', 'Эти часы выбирают спецназ и ФСБ.', 'endorsement'],
    ['en', 'A 100% crash-proof car seat.', 'absolute_guarantee'],
  ] as const)('%s: %s -> %s', (lang, text, code) => {
    expect(checkClaims(text, lang, 'description').map((i) => i.code)).toContain(code);
  });

  it('leaves "used by professionals" and buyers who choose a colour alone', () => {
    expect(checkClaims('Used by athletes and physiotherapists.', 'en', 'description')).toEqual([]);
    expect(checkClaims('Покупатели выбирают этот цвет.', 'ru', 'description')).toEqual([]);
  });
});

describe('conservation groups and roadworthiness tests cannot endorse (issue 18, round 16)', () => {
  it.each([
    ['en', 'Approved by Greenpeace for gardens.', 'endorsement'],
    ['es', 'Faros homologados por la ITV.', 'endorsement'],
  ] as const)('%s: %s -> %s', (lang, text, code) => {
    expect(checkClaims(text, lang, 'description').map((i) => i.code)).toContain(code);
  });
});

describe('armed forces, national institutes, "the only one approved", lock-proof (issue 18, round 17)', () => {
  it.each([
    ['en', 'Boots tested and approved by the US Army.', 'endorsement'],
    ['es', 'Balanza verificada y certificada por el Instituto Nacional de Calidad.', 'endorsement'],
    ['fr', "Couteau homologué par l'armée de terre.", 'endorsement'],
    ['pt', 'Capacete aprovado pelo Exército Brasileiro.', 'endorsement'],
    ['ru', 'Фонарь одобрен Министерством обороны.', 'endorsement'],
    ['en', 'The only knife sharpener recommended by chefs.', 'endorsement'],
    ['es', 'El único cepillo aprobado para uso diario.', 'endorsement'],
    ['pt', 'Cadeado 100% à prova de arrombamento.', 'absolute_guarantee'],
    ['ru', 'Чехлы не портят сиденья при любых условиях.', 'absolute_guarantee'],
  ] as const)('%s: %s -> %s', (lang, text, code) => {
    expect(checkClaims(text, lang, 'description').map((i) => i.code)).toContain(code);
  });

  it.each([
    ['en', 'Military-style backpack, 40 L, recommended for hiking.'],
    ['fr', 'Le seul inconvénient : il faut le recharger chaque semaine.'],
    ['ru', 'Работает при любых условиях освещения.'],
  ] as const)('leaves %s "%s" alone', (lang, text) => {
    expect(checkClaims(text, lang, 'description')).toEqual([]);
  });
});

describe('ear infections, lazy eye, miraculous powers, blessings (issue 18, round 18)', () => {
  it.each([
    ['fr', 'Soigne les otites des enfants en 3 jours.', 'medical'],
    ['es', 'Corrige el ojo vago sin gafas.', 'medical'],
    ['pt', 'Pulseira com poderes de cura comprovados.', 'medical'],
    ['es', 'Medalla bendecida por el Papa Francisco.', 'endorsement'],
  ] as const)('%s: %s -> %s', (lang, text, code) => {
    expect(checkClaims(text, lang, 'description').map((i) => i.code)).toContain(code);
  });

  it.each([
    ['en', 'Miraculous Ladybug backpack for school.'],
    ['es', 'Papa frita cortada con la mandolina.'],
  ] as const)('leaves %s "%s" alone', (lang, text) => {
    expect(checkClaims(text, lang, 'description')).toEqual([]);
  });
});

describe('endorsements by a trade, mastitis (issue 18, round 19)', () => {
  it.each([
    ['en', 'Chalk endorsed by professional climbers.', 'endorsement'],
    ['en', 'Recommended by Olympic swimmers.', 'endorsement'],
    ['fr', 'Huile approuvée par les horlogers de Genève.', 'endorsement'],
    ['es', 'Tijeras recomendadas por los peluqueros profesionales.', 'endorsement'],
    ['ru', 'Масло одобрено часовщиками.', 'endorsement'],
    ['pt', 'Pomada que cura a mastite das vacas.', 'medical'],
  ] as const)('%s: %s -> %s', (lang, text, code) => {
    expect(checkClaims(text, lang, 'description').map((i) => i.code)).toContain(code);
  });

  it.each([
    ['en', 'Recommended for professionals and beginners alike.'],
    ['fr', 'Recommandé pour les coiffeurs et les particuliers.'],
  ] as const)('leaves %s "%s" alone', (lang, text) => {
    expect(checkClaims(text, lang, 'description')).toEqual([]);
  });
});
