import { describe, expect, it } from 'vitest';
import { structuralClaims } from '../../../src/domain/listing/claim-rules.js';
import { checkClaims } from '../../../src/domain/listing/claims.js';
import type { Language } from '../../../src/domain/types.js';

const found = (text: string, lang: Language) =>
  structuralClaims(text, lang).map((c) => [c.code, text.slice(c.span[0], c.span[1])]);

describe('claims by structure: a head and an object in one sentence', () => {
  it.each([
    [
      'en',
      'Wearing it daily eases stiff joints and arthritis flare-ups.',
      'medical',
      'eases stiff joints and arthritis',
    ],
    ['en', 'No more migraines after a long day at the screen.', 'medical', 'No more migraines'],
    ['es', 'Olvídate de la ansiedad con sus aromas.', 'medical', 'Olvídate de la ansiedad'],
    ['fr', 'Ses pierres apaisent les migraines.', 'medical', 'apaisent les migraines'],
    ['ru', 'Браслет помогает при гипертонии.', 'medical', 'помогает при гипертонии'],
    ['pt', 'Diga adeus à insônia.', 'medical', 'Diga adeus à insônia'],
    [
      'en',
      'The lightest camping chair on the market.',
      'superlative',
      'lightest camping chair on the market',
    ],
    ['es', 'La linterna más potente del mercado.', 'superlative', 'más potente del mercado'],
    ['fr', 'La lampe la plus puissante du monde.', 'superlative', 'la plus puissante du monde'],
    ['ru', 'Самая тихая помпа на рынке.', 'superlative', 'Самая тихая помпа на рынке'],
    ['pt', 'A lanterna mais forte do Brasil.', 'superlative', 'mais forte do Brasil'],
    ['en', 'Rated No. 1 in sales.', 'superlative', 'No. 1 in sales'],
    ['es', 'Marca nº 1 en Europa.', 'superlative', 'Marca nº 1'],
    ['ru', 'Хит продаж этого сезона.', 'superlative', 'Хит продаж'],
    ['en', 'FDA approved material.', 'endorsement', 'FDA approved'],
    ['fr', 'Recommandé par les vétérinaires.', 'endorsement', 'Recommandé par les vétérinaires'],
    ['pt', 'Aprovado pelo Ministério da Saúde.', 'endorsement', 'Aprovado pelo Ministério'],
    ['es', 'Certificado por Samsung.', 'endorsement', 'Certificado por Samsung'],
    ['en', 'Genuine Sony battery.', 'authenticity', 'Genuine Sony'],
    ['ru', 'Официальный кабель Xiaomi.', 'authenticity', 'Официальный кабель Xiaomi'],
    ['en', 'The seal is guaranteed to last forever.', 'absolute_guarantee', 'guaranteed to last forever'],
    ['pt', 'Nunca enferruja, garantido.', 'absolute_guarantee', 'Nunca enferruja, garantido'],
    [
      'en',
      'The toughest zip of any backpack on the market.',
      'superlative',
      'toughest zip of any backpack on the market',
    ],
    [
      'es',
      'Recomendado por 8 de cada 10 pediatras.',
      'endorsement',
      'Recomendado por 8 de cada 10 pediatras',
    ],
    ['en', 'Vet approved formula.', 'endorsement', 'Vet approved'],
    ['fr', 'Homologué par la police.', 'endorsement', 'Homologué par la police'],
    ['ru', 'Снимает колики у малышей.', 'medical', 'Снимает колики'],
    // Third round: miracles, side effects, safety for all, replicas, durability forever.
    ['en', 'This cream removes deep wrinkles overnight.', 'medical', 'removes deep wrinkles'],
    ['pt', 'Apaga as rugas da testa.', 'medical', 'Apaga as rugas'],
    ['fr', 'Rajeunit le regard de 5 ans.', 'medical', 'Rajeunit le regard de 5 ans'],
    ['en', 'Look ten years younger.', 'medical', 'years younger'],
    ['es', 'Pierde hasta 3 kilos sin dieta.', 'medical', 'Pierde hasta 3 kilos'],
    ['fr', 'Brûle les graisses du ventre.', 'medical', 'Brûle les graisses'],
    ['ru', 'Без побочных эффектов.', 'medical', 'Без побочных эффектов'],
    ['es', 'Inofensivo para todo el mundo.', 'guaranteed_result', 'Inofensivo para todo el mundo'],
    ['pt', 'Garantia de resultado em 30 dias.', 'guaranteed_result', 'Garantia de resultado'],
    ['en', 'Perfect replica of a Rolex Submariner.', 'authenticity', 'replica of a Rolex'],
    ['fr', 'Copie conforme des AirPods Pro.', 'authenticity', 'Copie conforme des AirPods'],
    ['ru', 'Неубиваемый чехол навсегда.', 'absolute_guarantee', 'Неубиваемый чехол навсегда'],
    ['pt', 'Trata problemas de coluna.', 'medical', 'Trata problemas de coluna'],
    ['en', 'Chiropractors recommend this pillow.', 'endorsement', 'Chiropractors recommend'],
    ['es', 'Científicamente probado en 200 voluntarios.', 'medical', 'Científicamente probado'],
    ['fr', 'Le choix numéro 1 des chefs.', 'superlative', 'choix numéro 1'],
    ['ru', 'Лучшая палатка, когда-либо созданная.', 'superlative', 'Лучшая палатка, когда-либо'],
    ['pt', 'Acaba com o ronco já na primeira noite.', 'medical', 'Acaba com o ronco'],
    ['fr', 'Garantie illimitée sur le moteur.', 'absolute_guarantee', 'Garantie illimitée'],
  ] as const)('%s: %s', (lang, text, code, span) => {
    expect(found(text, lang as Language)).toContainEqual([code, span]);
  });

  it.each([
    ['en', 'The resin cures in 24 hours and fully cures in 72 hours.'],
    ['en', 'An oil treatment for wood floors; treat the wood once a year.'],
    ['en', '1 year warranty. Money back if the size is wrong.'],
    ['en', 'If you have a medical condition or pain, ask your doctor before use.'],
    ['en', 'This product does not cure or treat any disease.'],
    ['en', 'Compatible with original Apple chargers and cables.'],
    ['en', 'Helmets reduce the risk of head injury; the best fit is snug.'],
    ['en', 'Run a quick test on the latest firmware before you rest it on the market stall.'],
    ['es', 'Vendido en más de 50 países del mundo.'],
    ['es', 'Garantía de 2 años, siempre con la factura de compra.'],
    ['es', 'La mejor opción para tu cocina.'],
    ['fr', 'Plus de 30 lavages par flacon, livré en France.'],
    ['fr', 'Traitement céramique, séchage en 24 heures.'],
    ['ru', 'Гарантия 1 год. Снимите пыль наклейкой.'],
    ['ru', 'При заболеваниях проконсультируйтесь с врачом.'],
    ['pt', 'Garantia de 12 meses, sempre com nota fiscal.'],
    ['pt', 'Para o iPhone original e a capinha oficial da marca.'],
    ['en', 'The steamer removes wrinkles from shirts and curtains.'],
    ['es', 'Elimina las arrugas de la ropa en segundos.'],
    ['en', 'Safe for all skin types, fragrance free.'],
    ['pt', 'Seguro para todos os modelos de carro.'],
    ['en', 'The pellet stove burns 2 kg of pellets an hour.'],
    ['es', 'Camiseta réplica oficial de la temporada.'],
    ['en', 'Waterproof to 50 m; the case is guaranteed for 2 years.'],
    ['en', 'Best value for money, and we ship worldwide.'],
    ['es', 'Los mejores materiales y envíos a nivel mundial.'],
    ['pt', 'Melhor preço, enviamos para o mundo inteiro.'],
  ] as const)('no claim in %s: %s', (lang, text) => {
    expect(found(text, lang as Language)).toEqual([]);
  });
});

describe('claims in one sentence are one finding', () => {
  it('merges an approval and an endorsement of one sentence, keeps contacts apart', () => {
    const text = 'Approved by the FDA and recommended by dermatologists. Call +1 415 555 0199.';
    const issues = checkClaims(text, 'en', 'description');
    expect(issues.map((i) => text.slice(i.span![0], i.span![1]))).toEqual([
      'Approved by the FDA and recommended by dermatologists',
      '+1 415 555 0199',
    ]);
  });
});

// Fifth round: families of claims written for these tests (no corpus wording), each in five languages.
describe('claim families: body functions, medical specialists, never + failure, guaranteed effects', () => {
  const claimsOf = (text: string, lang: Language) =>
    checkClaims(text, lang, 'description').map((i) => i.code);
  it.each([
    ['en', 'These capsules strengthen your immune system all winter.', 'medical'],
    ['en', 'The lamp restores your eyesight after long screen days.', 'medical'],
    ['en', 'Regulates blood sugar naturally.', 'medical'],
    ['en', 'Slows down glaucoma and myopia in children.', 'medical'],
    ['en', 'Dermatologist approved formula for sensitive skin.', 'endorsement'],
    ['es', 'Refuerza el sistema inmunitario de toda la familia.', 'medical'],
    ['es', 'Mejora la vista cansada en pocas semanas.', 'medical'],
    ['es', 'Previene las cataratas y la miopía.', 'medical'],
    ['es', 'Aprobado por oftalmólogos.', 'endorsement'],
    ['fr', 'Ces gélules boostent l’immunité pendant l’hiver.', 'medical'],
    ['fr', 'Fait baisser la glycémie en douceur.', 'medical'],
    ['fr', 'Recommandé par les cardiologues.', 'endorsement'],
    ['fr', 'Prévient la cataracte et la presbytie.', 'medical'],
    ['ru', 'Укрепляет иммунитет всей семьи.', 'medical'],
    ['ru', 'Восстанавливает зрение за месяц.', 'medical'],
    ['ru', 'Одобрено офтальмологами.', 'endorsement'],
    ['ru', 'Снижает уровень сахара в крови.', 'medical'],
    ['pt', 'Fortalece a imunidade das crianças.', 'medical'],
    ['pt', 'Recupera a visão cansada sem óculos.', 'medical'],
    ['pt', 'Aprovado por oftalmologistas.', 'endorsement'],
    ['pt', 'Previne o glaucoma e a catarata.', 'medical'],
    ['en', 'This hose will never crack or leak.', 'absolute_guarantee'],
    ['en', 'Never breaks, even under a truck.', 'absolute_guarantee'],
    ['es', 'Nunca se rompe ni se oxida.', 'absolute_guarantee'],
    ['fr', 'Ne casse jamais, même en cas de chute.', 'absolute_guarantee'],
    ['ru', 'Никогда не ломается и не ржавеет.', 'absolute_guarantee'],
    ['ru', 'Не порвётся никогда.', 'absolute_guarantee'],
    ['pt', 'Nunca quebra, nem com quedas.', 'absolute_guarantee'],
    ['en', 'Starts the mower on the first pull, guaranteed.', 'absolute_guarantee'],
    ['es', 'Arranca a la primera, garantizado.', 'absolute_guarantee'],
    ['fr', 'Démarre du premier coup, c’est garanti.', 'absolute_guarantee'],
    ['ru', 'Гарантированно запускается с первого раза.', 'absolute_guarantee'],
    ['pt', 'Liga de primeira, garantido.', 'absolute_guarantee'],
    ['en', 'Cuts fuel use by 30%, guaranteed.', 'guaranteed_result'],
    ['es', 'Reduce el ruido un 40 %, garantizado.', 'guaranteed_result'],
    ['pt', 'Aumenta o alcance em 50%, garantido.', 'guaranteed_result'],
    ['en', 'The blade lasts forever.', 'absolute_guarantee'],
    ['es', 'La batería dura para siempre.', 'absolute_guarantee'],
    ['ru', 'Прослужит вечно.', 'absolute_guarantee'],
    ['pt', 'A lâmina dura para sempre.', 'absolute_guarantee'],
    ['en', 'This tea detoxifies your liver and flushes out toxins.', 'medical'],
    ['es', 'Elimina toxinas y depura el organismo.', 'medical'],
    ['fr', 'Élimine les toxines en une nuit.', 'medical'],
    ['ru', 'Выводит токсины и шлаки из организма.', 'medical'],
    ['pt', 'Cura feridas em dois dias.', 'medical'],
    ['en', 'Speeds up your metabolism while you sleep.', 'medical'],
    ['ru', 'Ускоряет обмен веществ.', 'medical'],
    ['en', 'Grips better than any other tyre.', 'superlative'],
    ['es', 'Corta mejor que cualquier otro cuchillo.', 'superlative'],
    ['fr', 'Coupe mieux que tous les autres couteaux.', 'superlative'],
    ['ru', 'Светит лучше любых аналогов.', 'superlative'],
    ['pt', 'Aquece melhor que qualquer outro modelo.', 'superlative'],
    ['en', 'Approved by the national cycling federation.', 'endorsement'],
    ['es', 'Homologado por la federación de pesca.', 'endorsement'],
    ['ru', 'Одобрен федерацией тенниса.', 'endorsement'],
    ['en', 'The UV lamp destroys 99% of bacteria on your toothbrush.', 'medical'],
    ['es', 'El purificador elimina el 99,9 % de los virus y bacterias del aire.', 'medical'],
    ['fr', 'Le nettoyeur vapeur tue les acariens et les germes.', 'medical'],
    ['ru', 'Лампа уничтожает бактерии и вирусы за 10 минут.', 'medical'],
    ['pt', 'O aspirador elimina ácaros e bactérias do colchão.', 'medical'],
    ['en', 'This serum stimulates hair growth in 4 weeks.', 'medical'],
    ['es', 'Estimula el crecimiento del cabello.', 'medical'],
    ['ru', 'Стимулирует рост волос.', 'medical'],
    ['pt', 'Acelera o crescimento capilar.', 'medical'],
    ['en', 'Unmatched suction power on the market.', 'superlative'],
    ['es', 'Una potencia inigualable en el mercado.', 'superlative'],
    ['fr', 'Une autonomie inégalée sur le marché.', 'superlative'],
    ['ru', 'Непревзойденная мощность на рынке.', 'superlative'],
    ['pt', 'Desempenho imbatível no mercado.', 'superlative'],
  ] as const)('%s: %s', (lang, text, code) => {
    expect(claimsOf(text, lang as Language)).toContain(code);
  });

  it.each([
    // An accessory the product works with, after a preposition of use or (Russian) in an oblique case.
    ['en', 'Charge it only with the original Garmin cable.'],
    ['es', 'Se conecta al adaptador original Sony o a cualquier USB-C.'],
    ['fr', 'Fonctionne avec la batterie d’origine Makita ou une compatible.'],
    ['ru', 'Подключается к оригинальному кабелю Apple или любому USB-C.'],
    ['ru', 'Заряжайте оригинальным блоком питания Xiaomi.'],
    ['pt', 'Funciona no carregador original Samsung ou em qualquer fonte USB.'],
    ['en', 'Improves night vision of the camera.'],
    ['pt', 'A tela melhora a visão noturna da câmera.'],
    // Warnings: "never" with an imperative, the failure a few words later.
    ['en', 'Never leave the heater unattended.'],
    ['es', 'No lo deje nunca al sol; se puede romper.'],
    ['fr', 'Ne jamais plier le câble, il pourrait casser.'],
    ['ru', 'Никогда не сгибайте кабель, он может сломаться.'],
    ['pt', 'Nunca dobre o cabo, ele pode quebrar.'],
    ['en', 'Two-year guarantee on the motor; spare parts available.'],
    ['en', 'Reduces vibration, 2-year guarantee included.'],
    ['es', 'Se entrega con un certificado de garantía de 2 años.'],
    ['ru', 'Гарантия 1 год, с первого дня покупки.'],
    // Words shaped like a specialist that name none.
    ['es', 'Catálogo completo aprobado y diálogo con el vendedor.'],
    ['fr', 'Homologué, catalogue et homologue du modèle précédent.'],
    ['ru', 'Каталог одобрен, аналоги в наличии.'],
    ['en', 'Approved by geologists and technologists for field work.'],
    ['en', 'The battery lasts 10 hours.'],
    ['es', 'La batería dura 8 horas y se carga en 2.'],
    ['ru', 'Служит долго при правильном уходе.'],
    ['en', 'Better grip in the wet than the previous model.'],
    ['es', 'Mejor agarre que el modelo anterior.'],
    ['pt', 'Compatível com qualquer outro modelo da marca.'],
    ['en', 'Filters toxins from aquarium water.'],
    ['en', 'Unbeatable price for a two-pack.'],
    ['es', 'Elimina el polvo y los pelos de mascota.'],
    ['en', 'Destroys old paint without scratching the wood.'],
    ['fr', 'Élimine les traces de calcaire.'],
    ['ru', 'Устраняет неприятные запахи.'],
    ['pt', 'Elimina manchas e odores.'],
    // A negation right before a phrase claim takes it back.
    ['en', 'The filter does not kill bacteria; boil the water first.'],
    ['es', 'Este filtro no elimina los virus.'],
  ] as const)('no claim in %s: %s', (lang, text) => {
    expect(claimsOf(text, lang as Language)).toEqual([]);
  });
});

describe('claim families of the sixth round: rivals, no other, never causes, every time, forever, "..., guaranteed"', () => {
  const codesOf = (text: string, lang: Language) => structuralClaims(text, lang).map((c) => c.code);

  it.each([
    ['en', 'This lantern shines brighter than any camping light you have owned.', 'superlative'],
    ['es', 'Estas ruedas giran más suave que cualquier otra del catálogo.', 'superlative'],
    ['fr', 'Ce sac sèche plus vite que n’importe quel modèle en coton.', 'superlative'],
    ['ru', 'Этот замок надёжнее любого навесного аналога.', 'superlative'],
    ['pt', 'Este pneu aguenta mais que qualquer pneu comum.', 'superlative'],
    ['en', 'No other tent in the world packs this small.', 'superlative'],
    ['es', 'Ningún otro cojín del mercado sujeta así la espalda.', 'superlative'],
    ['fr', 'Aucune autre poêle au monde ne chauffe aussi vite.', 'superlative'],
    ['pt', 'Nenhum outro colchão do mercado é tão firme.', 'superlative'],
    ['ru', 'Никакой другой чехол в мире не защищает так.', 'superlative'],
    ['en', 'The herbal tea never causes heartburn, even after dinner.', 'medical'],
    ['es', 'Esta almohada nunca provoca dolor de cuello ni migrañas.', 'medical'],
    ['fr', 'Ce parfum ne provoque jamais de migraine.', 'medical'],
    ['ru', 'Этот крем никогда не вызывает аллергии.', 'medical'],
    ['pt', 'O perfume nunca causa enxaqueca.', 'medical'],
    ['en', 'Bakes a perfect crust every time.', 'guaranteed_result'],
    ['es', 'Consigue un planchado perfecto cada vez que lo usas.', 'guaranteed_result'],
    ['fr', 'Des crêpes parfaites à chaque fois.', 'guaranteed_result'],
    ['ru', 'Идеальная пенка каждый раз.', 'guaranteed_result'],
    ['pt', 'Arroz perfeito toda vez.', 'guaranteed_result'],
    ['en', 'The colours stay vivid and bright forever.', 'absolute_guarantee'],
    ['es', 'El esmalte permanece brillante y liso para siempre.', 'absolute_guarantee'],
    ['fr', 'La teinte restera éclatante pour toujours.', 'absolute_guarantee'],
    ['ru', 'Краска останется яркой навсегда.', 'absolute_guarantee'],
    ['pt', 'A cor permanece viva para sempre.', 'absolute_guarantee'],
    ['en', 'The hinge never wears out or goes blunt.', 'absolute_guarantee'],
    ['es', 'La cuchilla nunca pierde el filo.', 'absolute_guarantee'],
    ['fr', 'La lame ne s’émousse jamais.', 'absolute_guarantee'],
    ['ru', 'Ножницы никогда не затупятся.', 'absolute_guarantee'],
    ['pt', 'A tesoura nunca perde o fio.', 'absolute_guarantee'],
    ['en', 'Your tomatoes will double in size this summer, guaranteed!', 'guaranteed_result'],
    ['es', 'Tu perro dejará de tirar de la correa en una semana, garantizado.', 'guaranteed_result'],
    ['fr', 'Vos plantes reprendront en trois jours, c’est garanti.', 'guaranteed_result'],
    ['ru', 'Рыба будет клевать весь день — гарантированно.', 'guaranteed_result'],
    ['pt', 'Seu gato vai adorar desde o primeiro dia, garantido!', 'guaranteed_result'],
  ] as const)('%s: %s', (lang, text, code) => {
    expect(codesOf(text, lang as Language)).toContain(code);
  });

  it.each([
    ['en', 'Lighter than the previous model and easier to fold.'],
    ['es', 'Cada vez más clientes eligen el tamaño perfecto.'],
    ['es', 'Es más ligero que el modelo anterior.'],
    ['fr', 'Plus léger que la version précédente.'],
    ['ru', 'Подходит для любой кожи, удобнее прежней модели.'],
    ['pt', 'Mais leve que a versão anterior.'],
    ['en', 'No other tools are needed to fit it.'],
    ['en', 'Never use on open wounds or irritated skin.'],
    ['fr', 'Ne jamais appliquer sur une plaie.'],
    ['en', 'Perfect for camping; rinse it each time after use.'],
    ['en', 'Stays in place during the ride.'],
    ['en', 'Guaranteed delivery before Christmas.'],
    ['es', 'Garantizado: dos años de garantía del fabricante.'],
    ['pt', 'Produto com 12 meses de garantia.'],
  ] as const)('no claim in %s: %s', (lang, text) => {
    expect(codesOf(text, lang as Language)).toEqual([]);
  });
});

describe('claim families of the seventh round: total for life, zero risk, detox, a maker named in Latin letters', () => {
  const codesOf = (text: string, lang: Language) => structuralClaims(text, lang).map((c) => c.code);

  it.each([
    ['en', 'Total protection of your knees for life.', 'absolute_guarantee'],
    ['es', 'Sellado absoluto y estanqueidad para toda la vida.', 'absolute_guarantee'],
    ['fr', 'Une isolation totale, pour la vie.', 'absolute_guarantee'],
    ['ru', 'Полная защита от влаги на всю жизнь.', 'absolute_guarantee'],
    ['pt', 'Vedação total por toda a vida útil do barco.', 'absolute_guarantee'],
    ['en', 'Zero risk of burns for your children.', 'absolute_guarantee'],
    ['es', 'Riesgo cero de fugas.', 'absolute_guarantee'],
    ['fr', 'Risque zéro de moisissure.', 'absolute_guarantee'],
    ['ru', 'Нулевой риск перегрева.', 'absolute_guarantee'],
    ['pt', 'Zero risco de ferrugem.', 'absolute_guarantee'],
    ['en', 'Guarantees clear water and zero odours within days.', 'guaranteed_result'],
    ['fr', 'Zéro moustique garanti dans le jardin.', 'guaranteed_result'],
    ['en', 'This herbal blend detoxifies the body overnight.', 'medical'],
    ['es', 'Una infusión que desintoxica el organismo.', 'medical'],
    ['fr', 'Ce thé détoxifie l’organisme en douceur.', 'medical'],
    ['ru', 'Сбор очищает кровь и печень.', 'medical'],
    ['pt', 'Chá que desintoxica o corpo em 3 dias.', 'medical'],
    ['ru', 'Оригинальные ножницы фирмы Kaiser Falcon.', 'authenticity'],
    ['ru', 'Подлинный нож Opinel из Франции.', 'authenticity'],
  ] as const)('%s: %s', (lang, text, code) => {
    expect(codesOf(text, lang as Language)).toContain(code);
  });

  it.each([
    ['en', 'Total length 120 cm; the cover lasts for years.'],
    ['es', 'Peso total 2 kg.'],
    ['fr', 'Le risque de rayure est réduit par le film de protection.'],
    ['ru', 'Очищает поверхность кровли от мха.'],
    ['ru', 'Оригинальный подарок для поклонников Star Wars.'],
    ['ru', 'Оригинальный дизайн, USB-C, LED-подсветка.'],
    ['pt', 'Corpo de alumínio, fácil de limpar.'],
    ['es', 'Garantía de 2 años y cero comisiones de envío a partir de 3 unidades.'],
  ] as const)('no claim in %s: %s', (lang, text) => {
    expect(codesOf(text, lang as Language)).toEqual([]);
  });
});

describe('claim families of the ninth round: 100 % safe, unbreakable or protective, diseases kept away', () => {
  const codesOf = (text: string, lang: Language) => structuralClaims(text, lang).map((c) => c.code);

  it.each([
    ['en', 'This car seat is 100% safe for babies.', 'absolute_guarantee'],
    ['es', 'Un chupete 100 % seguro para tu bebé.', 'absolute_guarantee'],
    ['fr', 'Un jouet sans danger à 100 % pour les tout-petits.', 'absolute_guarantee'],
    ['ru', 'Игрушка на 100% безопасна для малышей.', 'absolute_guarantee'],
    ['pt', 'Mamadeira 100% segura para recém-nascidos.', 'absolute_guarantee'],
    ['en', 'The glass lid is 100% shatterproof.', 'absolute_guarantee'],
    ['es', 'Vaso infantil 100% irrompible.', 'absolute_guarantee'],
    ['fr', 'Gourde 100 % incassable.', 'absolute_guarantee'],
    ['pt', 'Copo 100% inquebrável.', 'absolute_guarantee'],
    ['en', 'Knee pads with 100% protection from every fall.', 'absolute_guarantee'],
    ['fr', 'Ce casque vous protège à 100 % des chocs.', 'absolute_guarantee'],
    ['es', 'Protección 100% contra golpes en la cabeza.', 'absolute_guarantee'],
    ['en', 'The net protects your family against malaria.', 'medical'],
    ['fr', 'Le bracelet protège contre la dengue.', 'medical'],
    ['pt', 'Repelente que protege contra dengue e zika.', 'medical'],
    ['en', 'Its breathable mesh prevents SIDS.', 'medical'],
  ] as const)('%s: %s', (lang, text, code) => {
    expect(codesOf(text, lang as Language)).toContain(code);
  });

  it.each([
    ['es', 'Pago 100% seguro con tarjeta o PayPal.'],
    ['pt', 'Compra 100% segura e entrega rastreada.'],
    ['en', 'Polarised lenses with 100% UV400 protection.'],
    ['fr', 'Verres offrant une protection 100 % UV.'],
    ['en', 'Case made of 100% recycled plastic; protects against scratches and dust.'],
    ['en', 'The tent is 100% waterproof up to 3000 mm.'],
  ] as const)('no claim in %s: %s', (lang, text) => {
    expect(codesOf(text, lang as Language)).toEqual([]);
  });
});

describe('conditions of feet, nose and sleep, quantified weight loss (issue 18, round 21)', () => {
  const codesOf = (text: string, lang: Language) => structuralClaims(text, lang).map((c) => c.code);

  it.each([
    ['en', 'These insoles correct flat feet in two weeks.', 'medical'],
    ['es', 'Plantillas que alivian el espolón calcáneo desde el primer día.', 'medical'],
    ['fr', 'Ce bandeau nasal soulage la rhinite et le ronflement.', 'medical'],
    ['ru', 'Стельки избавляют от плоскостопия за месяц.', 'medical'],
    ['pt', 'Almofada que acaba de vez com a rinite alérgica.', 'medical'],
    ['fr', 'Ceinture chauffante : une perte de 6 kg en trois semaines.', 'medical'],
    ['es', 'Faja reductora: pérdida de 4 kilos en un mes.', 'medical'],
  ] as const)('%s: %s', (lang, text, code) => {
    expect(codesOf(text, lang as Language)).toContain(code);
  });

  it.each([
    ['es', 'Plantillas de gel para pies planos, talla 38-42.'],
    ['pt', 'Palmilha ortopédica para pés chatos, confortável.'],
    ['fr', 'Perte de 2 pièces dans le colis : contactez-nous.'],
  ] as const)('no claim in %s: %s', (lang, text) => {
    expect(codesOf(text, lang as Language)).toEqual([]);
  });
});

describe('fin rot of aquarium fish (issue 18, round 21)', () => {
  const codesOf = (text: string, lang: Language) => structuralClaims(text, lang).map((c) => c.code);

  it.each([
    ['en', 'These drops cure fin rot within a week.'],
    ['ru', 'Кондиционер лечит плавниковую гниль у рыб.'],
    ['pt', 'Trata a podridão das barbatanas em poucos dias.'],
  ] as const)('%s: %s', (lang, text) => {
    expect(codesOf(text, lang as Language)).toContain('medical');
  });
});
