import type { Language } from '../../types.js';

/**
 * Commerce vocabulary the general hunspell dictionaries lack (product, material and feature words
 * sellers use every day). Lower case; an entry ending in `*` matches as a prefix, for inflected
 * Russian, Portuguese and Spanish forms.
 */
export const COMMERCE_LEXICON: Readonly<Record<Language, string>> = {
  en: `outsole outsoles midsole midsoles insole insoles dimmable grippy earbud earbuds earphone earphones
    powerbank powerbanks smartwatch smartwatches fibreglass fiberglass rechargeable detachable adjustable
    washable stackable foldable breathable waterproof windproof shockproof anti-slip non-slip nonslip
    drawstring zipper zippers velcro microfiber microfibre polyester spandex elastane neoprene silicone
    ergonomic ergonomically unisex crossbody lanyard keychain keychains carabiner kickstand wristband
    wristbands touchscreen hands-free plug-and-play bpa-free pillowcase pillowcases duvet shapewear
    yoga pilates fitness crossfit leggings hoodie hoodies joggers tankini bralette sneaker sneakers
    lockring lockrings denib matcha gapping fipple fipples sewist sewists
    lippage coater coaters buzzy buzzier collet collets cleated grozing niddy unstring`,
  es: `tórica tóricas tórico tóricos antideslizante antideslizantes antiadherente antiadherentes reutilizable reutilizables recargable
    recargables regulable regulables plegable plegables impermeable impermeables transpirable transpirables
    ergonómico ergonómica ergonómicos ergonómicas inalámbrico inalámbricos inalámbrica inalámbricas
    poliéster elastano neopreno silicona microfibra esterilla esterillas zapatillas running táctil
    táctiles desmontable desmontables lavable lavables ajustable ajustables multiusos portátil portátiles
    yoga pilates fitness crossfit powerbank smartwatch leggings sudadera sudaderas mosquetón llavero llaveros
    talonera taloneras melaria melarias tarjetería planitud galce galces glasa
    pantalán pantalanes borriqueta borriquetas paneo paneos zincado zincada zincados zincadas
    escurridor escurridora escurridores escurridoras álnico alnico pasacables estireno`,
  fr: `ragage amortissant amortissante amortissants amortissantes antidérapant antidérapante antidérapants
    antidérapantes antiadhésif antiadhésive antiadhésifs antiadhésives réutilisable réutilisables
    rechargeable rechargeables réglable réglables pliable pliables imperméable imperméables respirant
    respirante respirants respirantes ergonomique ergonomiques déperlant déperlante déperlants
    déperlantes polyester élasthanne néoprène silicone microfibre lavable lavables amovible amovibles
    yoga pilates fitness crossfit powerbank smartwatch legging leggings sweat mousqueton porte-clés tactile tactiles
    dessiccant dessiccants tournassin tournassins désaffleur désaffleurs tirante tirantes`,
  ru: `смотк* наминк* спул* термобутылк* термокружк* термос* антипригарн* нескользящ* амбушюр* шалфейн* полиэстер* эластан*
    неопрен* силиконов* микрофибр* ланч-бокс* пауэрбанк* повербанк* смарт-час* беспроводн* водонепроницаем*
    водоотталкивающ* светоотражающ* перезаряжаем* регулируем* складн* съёмн* съемн* эргономичн* кроссовк*
    йог* пилатес* фитнес* леггинс* худи лонгслив* толстовк* карабин* брелок* брелк* сенсорн* usb-c
    заушник* крапан* макарун* лыск* точил* беспаечн* утяжк* сенниц* озолени* снуд* байонет* дубеет дубеют хай-хэт* миостимулятор* транц* подкатн*`,
  pt: `ferreomodelismo antiderrapante antiderrapantes antiaderente antiaderentes reutilizável reutilizáveis recarregável
    recarregáveis regulável reguláveis dobrável dobráveis impermeável impermeáveis respirável respiráveis
    ergonômico ergonômica ergonômicos ergonômicas poliéster elastano neoprene silicone microfibra
    lancheira lancheiras tênis powerbank smartwatch legging leggings moletom moletons mosquetão chaveiro
    yoga pilates fitness crossfit chaveiros touch removível removíveis lavável laváveis ajustável ajustáveis
    canote canotes garatéia garatéias dutado dutada dutados dutadas galoneira galoneiras esteca estecas
    alvado alvados molinésia molinésias perlé flamê`,
};

/** A predicate over one language's commerce lexicon (exact words and `*` prefixes). */
export function commerceLexicon(lang: Language): (word: string) => boolean {
  const words = new Set<string>();
  const prefixes: string[] = [];
  for (const entry of COMMERCE_LEXICON[lang].split(/\s+/)) {
    if (entry.length === 0) continue;
    if (entry.endsWith('*')) prefixes.push(entry.slice(0, -1));
    else words.add(entry);
  }
  return (word) => {
    const lower = word.toLowerCase();
    return words.has(lower) || prefixes.some((p) => lower.startsWith(p));
  };
}
