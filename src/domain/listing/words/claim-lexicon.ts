import type { Language } from '../../types.js';

/**
 * The parts claims are built from, per language, for the structural claim rules (`claim-rules.ts`):
 * a claim is a head and an object in one sentence ("relieves" + "sciatica", "the best" + "in the
 * world", "approved by" + "the FDA", "original" + "Apple", "guaranteed" + "forever"), however the
 * seller words the rest.
 *
 * Entries are separated by white space; `_` joins the words of one entry ("say_goodbye_to"); a word
 * ending in `*` matches any word it starts ("arthrit*": arthritis, arthritic); `#` matches a number.
 * Words are compared folded (lower case, no diacritics), split at apostrophes and hyphens ("l'eczéma"
 * is "l" + "eczema", "best-selling" is "best" + "selling").
 */
export type ClaimTag =
  /** A promise of an effect on the body: cures, relieves, prevents, "say goodbye to". */
  | 'therapy'
  /** A disease, symptom or injury. */
  | 'condition'
  /** best, most, the sharpest, самый, le plus. */
  | 'superlative'
  /** Where a superlative claims its rank: in the world, on the market, of 2024. */
  | 'scope'
  /** A sales rank on its own: best seller, хит продаж, le plus vendu. */
  | 'sales'
  /** What a "No. 1" ranks in: sales, brand. */
  | 'rankContext'
  /** approved, certified, recommended, endorsed. */
  | 'approval'
  /** Who cannot have approved a consumer product: health authorities, ministries, doctors, the EU. */
  | 'authority'
  /** original, genuine, official. */
  | 'original'
  /** guaranteed, guarantee. */
  | 'guarantee'
  /** never, forever, always, perfect. */
  | 'absolute'
  /** Words that turn a claim around: "does not cure", "compatible with the original Apple...". */
  | 'negation'
  /** if, when, si, quand, если: what follows is a condition of use ("stop if you feel pain"). */
  | 'conditional'
  | 'compatibility'
  /** Promises to undo ageing: erase, eliminate, banish ("efface les rides"). */
  | 'erase'
  /** What anti-ageing miracles undo: wrinkles, ageing, crow's feet. */
  | 'ageing'
  /** rejuvenates, омолаживает, "younger": with a number of years it is a miracle claim. */
  | 'rejuvenate'
  | 'years'
  /** Weight-loss verbs: lose, сбросить, perca. */
  | 'lose'
  /** burn, melt, сжигает: a weight-loss claim only with fat as the object. */
  | 'burn'
  | 'fat'
  /** What weight loss takes away: fat, belly fat, kilos, pounds. */
  | 'bodyFat'
  /** Weight-loss nouns (loss, perte, pérdida, perda, потеря): a claim with a number of kilos after them. */
  | 'loss'
  /** "no side effects", "без побочных эффектов": a medical claim on its own. */
  | 'sideEffects'
  /** safe, seguro, безопасна: with "for everyone" it promises what no product can. */
  | 'safe'
  | 'everyone'
  /** replica, copy, réplique, копия: a copy of another brand's product. */
  | 'replica'
  /** exact, perfect, 1:1, один в один: what makes a replica a counterfeit. */
  | 'exact'
  /** waterproof, unbreakable, indestructible: durability that a listing cannot promise forever. */
  | 'durable'
  /** forever, for life, навсегда (a subset of `absolute` without "never" and "always"). */
  | 'forever'
  /** results, effect, eficacia: with a guarantee it is a guaranteed result. */
  | 'result'
  /** clinically, scientifically: with "proven" a proof no listing can show. */
  | 'clinical'
  | 'proven'
  /** Fixed phrases that are miracle claims on their own: "10 years younger", "лет моложе". */
  | 'miracle'
  /** Clothes and fabric: "removes wrinkles" from a shirt is no anti-ageing claim. */
  | 'fabric'
  /** Verbs that promise to strengthen or restore a function of the body: boosts, refuerza, укрепляет. */
  | 'boost'
  /** Functions of the body such a verb acts on: immune system, eyesight, blood sugar, metabolism. */
  | 'bodyFunction'
  /** never, nunca, jamais, никогда: with a verb of failure it promises what nothing can. */
  | 'never'
  /** Verbs of failure: breaks, cracks, rusts, se rompe, casse, ломается, quebra. */
  | 'breaks'
  /** "on the first try", "a la primera", "du premier coup", "с первого раза", "de primeira". */
  | 'firstTime'
  /** Verbs of a measurable change: increases, reduces, cuts, aumenta, réduit, снижает. */
  | 'change'
  /** The participle or adverb of a guarantee ("..., guaranteed"), not the warranty noun. */
  | 'guaranteed'
  /** better, mejor que, лучше: with "any other" a comparison no listing can prove. */
  | 'better'
  | 'anyOther'
  /** kills, elimina, уничтожает: with germs a biocidal claim. */
  | 'kill'
  /** bacteria, germs, viruses, mites: what a biocidal claim kills. */
  | 'germs'
  /** Comparatives: faster, more, más, plus, быстрее (Russian -ее forms are found by their shape). */
  | 'comparative'
  /** "than anyone", "que nadie", "que quiconque", "чем кто-либо": a comparison with every rival. */
  | 'thanAny'
  /** "no other", "ningún otro", "aucun autre", "никакой другой": with a scope, a superlative. */
  | 'noOther'
  /** "never causes", "nunca provoca", "ne provoque jamais": with a condition, a health promise. */
  | 'neverCauses'
  /** perfect, flawless, impecable, идеальный: with "every time" a result no product can promise. */
  | 'perfect'
  /** every time, cada vez, à chaque fois, каждый раз. */
  | 'everyTime'
  /** stays, remains, reste, остаётся: with "forever" a promise of lasting state. */
  | 'stay'
  /** total, absolute, totale, полная: with "for life" a protection no product can promise. */
  | 'total'
  /** totally, completely, полностью: adverbs of degree only (not "полного"), for "totally harmless". */
  | 'totally'
  /** zero, cero, нулевой: with "risk" an absolute promise ("risque zéro", "нулевой риск"). */
  | 'zero'
  | 'risk'
  /** detoxifies, desintoxica, очищает: with the body or the blood a health claim. */
  | 'detox'
  /** The body as a whole and what detox claims say they clean: organism, blood, liver. */
  | 'body'
  /** unbreakable, irrompible, incassable, небьющийся: with "100 %" a promise nothing can keep. */
  | 'unbreakable'
  /** protection, protects, protège, защищает: "100 % protection", "protects against malaria". */
  | 'protection'
  /** UV, ultraviolet: "100 % UV protection" is a filter's measured rating, no promise. */
  | 'uv'
  /** Payment and purchase: "pago 100 % seguro" is about the checkout, not the product. */
  | 'payment'
  /** Total safety or protection: with "guarantees" a promise nothing can keep ("garantiza la seguridad total"). */
  | 'totalSafety'
  /** "prevent all", "evita todos": what a guarantee promises to stop entirely. */
  | 'preventAll'
  /** "in no case", "en ningún caso", "ни в коем случае": with a verb of harm a promise of none. */
  | 'inNoCase'
  /** damages, daña, abîme, повреждает: harm the product promises never to do. */
  | 'harms'
  /** calories, calorías, калорий: burnt in a stated number, a weight-loss promise. */
  | 'calories'
  /** "not the slightest risk", "sin ningún riesgo", "без малейшего риска": a promise on its own. */
  | 'noRisk'
  /** works, funciona, marche, работает: with "without exception" a promise for everyone. */
  | 'works'
  /** "no exceptions", "sin excepción", "без исключения". */
  | 'noException'
  /** the only, le seul, el único: with an approval, an exclusive endorsement no listing can prove. */
  | 'onlyOne';

/** Brands and branded product lines that a generic product cannot be "original" of or approved by. */
export const CLAIM_BRANDS = `apple iphone ipad airpods macbook imac samsung xiaomi huawei sony bose jbl dyson
  nike adidas puma reebok new_balance the_north_face gucci prada chanel dior louis_vuitton hermes rolex
  ray_ban oakley lego disney philips bosch makita dewalt garmin gopro dji canon nikon logitech anker
  lenovo asus dell microsoft google nintendo playstation xbox pandora swarovski michelin tommy_hilfiger
  calvin_klein levi levis longchamp michael_kors casio stanley yeti hydro_flask thermos tupperware lg motorola oneplus
  shimano sram campagnolo trek specialized cannondale giant wahl babyliss remington braun oral_b gillette
  l_oreal loreal lancome nivea la_roche_posay cerave clinique estee_lauder maybelline milwaukee ryobi
  hilti metabo festool stihl husqvarna karcher daiwa rapala abu_garcia fender gibson ibanez yamaha vincent_bach selmer
  roland korg zildjian brother epson kyocera ricoh xerox dymo lexmark
  singer janome bernina juki pfaff brembo pirelli bridgestone goodyear continental sennheiser jabra
  beats marshall razer corsair logitech sandisk kingston seagate nokia realme oppo tefal moulinex
  delonghi de_longhi nespresso krups kitchenaid thermomix ikea asics under_armour salomon patagonia
  columbia versace armani cartier tiffany casio seiko swatch sonos bang_olufsen harman_kardon`;

/** Health authorities and professionals (institutions in upper case only where the word is also common). */
/**
 * Trades and groups that endorse nothing a listing can show, only with the word that makes them the
 * agent ("endorsed by Olympic climbers", "certifié par les horlogers suisses"): "recommended for
 * professionals" names a user, not an endorser.
 */
function byTrade(prepositions: string, trades: string): string {
  const ps = prepositions.split(' ');
  return trades
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .flatMap((t) => ps.map((p) => `${p}_${t}`))
    .join(' ');
}

const TRADES_EN =
  'experts professionals professional_* pros chefs barbers hairdressers mechanics electricians plumbers watchmakers jewellers jewelers athletes olympians olympic_* champions coaches midwives nurses pharmacists';
const TRADES_ES =
  'expertos profesionales chefs cocineros peluqueros barberos mecanicos electricistas fontaneros plomeros relojeros joyeros atletas olimpicos campeones entrenadores matronas enfermeras farmaceuticos';
const TRADES_FR =
  'experts professionnels chefs cuisiniers coiffeurs barbiers mecaniciens electriciens plombiers horlogers bijoutiers athletes olympiques champions entraineurs sages_femmes infirmieres pharmaciens';
const TRADES_PT =
  'especialistas profissionais chefs cozinheiros cabeleireiros barbeiros mecanicos eletricistas encanadores relojoeiros joalheiros atletas olimpicos campeoes treinadores parteiras enfermeiras farmaceuticos';

const AUTHORITIES_LATIN =
  'fda nasa oms anvisa cofepris aemps ansm anmat invima fbi nato otan onu faa easa nhtsa interpol unesco unicef wwf greenpeace';

export const CLAIM_LEXICON: Readonly<Record<Language, Readonly<Partial<Record<ClaimTag, string>>>>> = {
  en: {
    comparative: `more better less faster quicker stronger sharper longer lighter brighter easier cleaner
      smoother safer louder clearer tougher harder`,
    thanAny:
      'than_anyone than_anybody than_any than_everyone than_everybody than_all_the_others than_all_others',
    noOther: 'no_other nothing_else no_other_brand',
    neverCauses:
      'never_causes never_cause never_gives never_give never_leaves never_leave will_never_cause will_never_give',
    perfect: 'perfect perfectly flawless flawlessly',
    everyTime: 'every_time each_time every_single_time without_fail',
    stay: 'stays stay remains remain will_stay will_remain keeps keep',
    kill: 'kill kills killing destroys destroy eradicates eradicate neutralizes neutralises eliminates eliminate wipes_out wipe_out wiped_out',
    germs: 'bacteria germs viruses virus microbes pathogens dust_mites mites',
    better: 'better superior_to outperforms beats',
    anyOther: 'any_other all_other all_others all_the_others every_other the_competition',
    boost: `strengthen strengthens strengthening boost boosts boosting restore restores restoring
      regulate regulates regulating improve improves improving enhance enhances rebuild rebuilds slow_down
      slows_down slows accelerate accelerates speed_up speeds_up stimulate stimulates promote promotes`,
    bodyFunction: `immune_system immunity immune_defences immune_defenses eyesight your_vision blood_sugar
      blood_glucose glucose_levels metabolism libido potency blood_circulation memory_and_concentration hair_growth hair_regrowth
      eyelash_growth lash_growth eyelash_regrowth digestion iq`,
    never: 'never cannot can_t',
    breaks: `break breaks crack cracks fail fails rust rusts wear_out wears_out tear tears snap snaps
      leak leaks fade fades dull dulls blunt blunts get_dull gets_dull go_blunt goes_blunt
      lose_its_edge loses_its_edge clog clogs`,
    firstTime: 'first_time first_try first_pull first_attempt first_go',
    change: `increase increases boost boosts cut cuts reduce reduces lower lowers save saves double doubles
      triple triples`,
    guaranteed: 'guaranteed',
    clinical: 'clinically scientifically',
    proven: 'proven proved demonstrated',
    erase:
      'erase erases erasing eliminat* remove removes removing banish* reverse reverses reversing undo undoes',
    ageing: 'wrinkle wrinkles crow_s_feet ageing aging signs_of_ageing signs_of_aging age_spots',
    rejuvenate: 'rejuvenat* younger_looking',
    years: 'years year yrs',
    miracle: 'years_younger miraculous_power* healing_power* healing_properties',
    lose: 'lose loses losing slim_down shed sheds melt melts melting',
    bodyFat: 'fat belly_fat body_fat kilos kg pounds lbs weight extra_weight sizes dress_sizes',
    burn: 'burn burns burning melt melts melting',
    fat: 'fat belly_fat body_fat',
    sideEffects: 'no_side_effects without_side_effects free_of_side_effects zero_side_effects',
    safe: 'safe harmless',
    everyone: 'for_everyone for_everybody for_all for_anyone',
    replica: 'replica replicas copy clone dupe imitation fake',
    exact: 'exact perfect identical 1_1 aaa mirror first_copy high_quality top_quality indistinguishable',
    durable: `waterproof unbreakable indestructible shatterproof rustproof leakproof scratchproof
      water_resistant lasts last will_last`,
    forever: 'forever for_ever for_life for_a_lifetime for_all_time eternally',
    result: 'results result effectiveness',
    fabric: 'clothes clothing garment garments shirt shirts fabric fabrics curtains bedding steamer iron',
    therapy: `cure cures cured curing curative heal heals healed healing treat treats treated treating will_cure will_heal diagnoses diagnose
      treatment treatments remedy remedies relieve relieves relieved relieving relief alleviat* ease eases
      eased easing soothe soothes soothing eliminat* prevent prevents prevented preventing prevention fight
      fights fighting combat combats combating stop stops stopped stopping end ends banish* get_rid_of
      gets_rid_of getting_rid_of beat beats overcome overcomes revers* reduce reduces reducing lower
      lowers lowering normaliz* normalis* therapeutic therapy medicinal say_goodbye_to goodbye_to
      no_more never_again anti_inflammatory antiinflammatory antiviral antifungal helps_with good_for
      slows_down slow_down corrects correct detox detoxes detoxify detoxifies flush_out flushes_out fix fixes fixed fixing wipes_out wipe_out wiped_out goes_away go_away disappears vanishes real_relief`,
    condition: `sids sudden_infant_death* mastitis otitis ear_infection* lazy_eye amblyopia cot_death crib_death malaria dengue zika lyme_disease pain pains painful ache aches aching headache* migraine* arthrit* osteoarthrit* arthros* dermatos* mange ringworm foot_rot hoof_rot scabies syndrome* dental_problems tooth_problems heatstroke heat_stroke sunstroke hyperthermia epicondylitis tennis_elbow golfer_s_elbow
      rheumat* gout sciatica lumbago hernia* slipped_disc herniated_disc* tendinitis tendonitis bursitis
      fibromyalgia neuropath* eczema psoriasis dermatitis acne rosacea insomnia anxiety depression
      diabet* cancer* tumor* tumour* hypertension high_blood_pressure blood_pressure cholesterol asthma
      allerg* hay_fever colds flu influenza covid* coronavirus virus viruses infection* inflammation*
      hair_loss alopecia baldness cellulite obesity dementia alzheimer* parkinson* varicose* hemorrhoid*
      haemorrhoid* cystitis prostatitis impotence erectile_dysfunction fungus fungal athlete_s_foot herpes
      warts apnea apnoea osteoporosis osteochondrosis scoliosis fasciitis nausea
      motion_sickness constipation acid_reflux heartburn ulcer* anemia anaemia disease* illness*
      disorder* ailment* medical_conditions colic colics gum_disease periodont* gingivitis
      spinal_curvature curvature_of_the_spine back_problems joint_problems snoring snore stretch_marks
      scars dandruff hangover* bloating bad_breath halitosis tinnitus sinusitis bronchitis gastritis
      cracked_heels canker_sore* mouth_ulcers carpal_tunnel cellulitis
      cataract* glaucoma myopia presbyopia macular_degeneration astigmatism dry_eye* floaters toxins wounds bruises numbness tingling dysplasia inflamation fever fevers
      flat_feet fallen_arches heel_spur heel_spurs plantar_fasciitis numbness rhinitis snoring bunion bunions hallux_valgus prostate_problems enlarged_prostate fin_rot fin_and_tail_rot`,
    superlative: `best most greatest finest strongest sharpest brightest fastest lightest toughest
      quietest thinnest smallest safest cheapest highest top_rated unmatched unrivalled unrivaled unbeatable unsurpassed`,
    scope: `in_the_world in_the_whole_world world_s on_the_market on_earth on_the_planet in_the_universe ever of_all_time
      in_the_country in_europe in_america in_the_usa in_the_us in_the_uk of_#`,
    sales: `best_seller best_sellers bestseller bestsellers best_selling top_seller top_selling`,
    rankContext: 'seller sellers selling sales brand in_sales choice among worldwide',
    approval: `approved certified endorsed blessed recommended accredited validated authorized authorised recommend
      recommends approve approves endorse endorses approval certificated prescribe prescribes prescribed advise advises homologated
      trusted_by chosen_by`,
    authority: `${AUTHORITIES_LATIN} ministry government ${byTrade('by by_the', TRADES_EN)} the_pope pope health_ministry doctors physicians teachers professors conservatory airlines all_airlines iata nobel nobel_prize nobel_prize_winners nobel_laureates
      dermatologists dermatologist physiotherapists chiropractors dentists dentist pediatricians pediatrician paediatricians orthopedists
      orthopaedists vets vet veterinarians veterinarian european_union european_commission police federation olympic_committee world_health_organi* ophthalmologists optometrists un united_nations royal_academy
      all_manufacturers all_car_manufacturers every_manufacturer army navy us_army us_navy armed_forces national_institute_of* national_institutes_of*`,
    original: 'original genuine authentic official real',
    guarantee: 'guarantee guaranteed guarantees',
    absolute:
      'never forever for_ever always for_life for_a_lifetime for_all_time perfect perfectly eternal unlimited',
    negation: 'not no never doesn_t don_t cannot can_t nor without',
    conditional: 'if when whenever unless',
    compatibility: 'for compatible with fits fit replaces replacement like to into',
    totally: 'totally completely absolutely entirely',
    total: 'total absolute totally absolutely',
    zero: 'zero',
    risk: 'risk risks',
    detox: 'detox detoxes detoxify detoxifies detoxifying detoxing',
    body: 'body organism bloodstream blood liver',
    unbreakable:
      'unbreakable indestructible shatterproof shatter_proof theft_proof theftproof burglar_proof tamper_proof cut_proof cutproof crash_proof crashproof pick_proof pickproof bump_proof',
    protection: 'protection protects protect protecting',
    uv: 'uv uva uvb uv400 ultraviolet',
    totalSafety:
      'total_safety total_protection complete_protection complete_safety full_protection absolute_safety absolute_protection',
    preventAll: 'prevent_all prevents_all prevent_any prevents_any stop_all stops_all',
    inNoCase:
      'under_no_circumstances in_no_case in_no_way under_any_conditions in_any_conditions under_all_conditions',
    harms: 'damage damages harm harms',
    calories: 'calories kcal',
    loss: 'loss',
    noRisk: 'no_risk_at_all without_any_risk not_the_slightest_risk',
    works: 'works work worked',
    noException: 'no_exceptions no_exception without_exception',
    onlyOne: 'the_only',
    payment: 'payment payments checkout transaction transactions purchase purchases shopping',
  },
  es: {
    comparative: 'mas mejor mejores menos',
    thanAny: 'que_nadie que_cualquier que_cualquiera que_todos_los_demas que_ningun_otro que_ninguna_otra',
    noOther: 'ningun_otro ninguna_otra ningun_producto_como',
    neverCauses:
      'nunca_provoca nunca_provocan nunca_causa nunca_causan nunca_da nunca_dan nunca_produce jamas_provoca jamas_causa jamas_da',
    perfect: 'perfecto perfecta perfectos perfectas perfectamente impecable impecables',
    everyTime: 'cada_vez todas_las_veces siempre_perfect* sin_fallar',
    stay: 'se_mantiene se_mantienen permanece permanecen seguira seguiran queda quedan',
    kill: 'mata matan elimina eliminan destruye destruyen erradica erradican neutraliza neutralizan',
    germs: 'bacterias germenes virus microbios patogenos acaros',
    better: 'mejor mejores superior_a supera',
    anyOther: 'cualquier_otro cualquier_otra todos_los_demas todas_las_demas la_competencia',
    boost: `refuerza refuerzan reforzar fortalece fortalecen fortalecer mejora mejoran mejorar restaura
      restauran restaurar regula regulan regular recupera recuperan recuperar potencia potencian acelera aceleran estimula estimulan`,
    bodyFunction: `sistema_inmunitario sistema_inmune inmunidad defensas vista vista_cansada la_vista
      glucemia glucosa azucar_en_sangre nivel_de_azucar metabolismo libido circulacion_sanguinea crecimiento_del_cabello crecimiento_del_pelo crecimiento_capilar
      crecimiento_de_las_pestanas digestion coeficiente_intelectual`,
    never: 'nunca jamas',
    breaks: `rompe rompen se_rompe se_rompen raja rajan agrieta agrietan oxida oxidan se_oxida falla fallan
      desgasta desgastan destine destinen pierde_el_filo pierden_el_filo pierde_filo se_desafila se_desafilan
      se_embota se_atasca se_atascan`,
    firstTime: 'a_la_primera primer_intento primera_vez_que_lo_uses',
    change: `aumenta aumentan reduce reducen ahorra ahorran duplica duplican triplica mejora mejoran
      recorta recortan baja bajan`,
    guaranteed: 'garantizado garantizada garantizados garantizadas',
    clinical: 'clinicamente cientificamente',
    proven: 'probado probada probados comprobado comprobada comprobados demostrado demostrada',
    erase:
      'borra borran borrar elimina eliminan eliminar adios_a adios_a_las quita quitan revierte revierten',
    ageing: 'arruga arrugas patas_de_gallo envejecimiento manchas_de_la_edad',
    rejuvenate: 'rejuvenece rejuvenecen rejuvenecer rejuvenecedor* rejuvenecimiento',
    years: 'anos ano',
    miracle:
      'anos_mas_joven anos_mas_jovenes anos_menos milagroso milagrosa poder_milagroso poderes_milagrosos poder_curativo poderes_curativos',
    lose: 'pierde pierda pierdes perder pierden adelgaza* adelgace derrite derriten derretir',
    bodyFat: 'grasa grasa_abdominal kilos kg libras peso barriga tripa tallas',
    burn: 'quema queman quemar quemas quemaras quemara derrite derriten derretir',
    fat: 'grasa grasa_abdominal grasa_corporal',
    sideEffects:
      'sin_efectos_secundarios ningun_efecto_secundario sin_efectos_adversos sin_contraindicaciones',
    safe: 'seguro segura seguros seguras inofensivo inofensiva',
    everyone: 'para_todos para_todo_el_mundo para_cualquiera todo_el_mundo',
    replica: 'replica replicas copia imitacion clon falsificacion',
    exact: 'exacta exacto perfecta perfecto identica identico 1_1 aaa espejo alta_calidad indistinguible',
    durable: 'impermeable irrompible indestructible resistente_al_agua dura duran durara duraran',
    forever: 'para_siempre de_por_vida para_toda_la_vida toda_la_vida eternamente',
    result: 'resultados resultado eficacia',
    fabric: 'ropa prenda prendas camisa camisas tejido tejidos tela telas cortinas vaporizador plancha',
    therapy: `cura curan curar curando curativ* sana sanan sanar trata tratan tratar tratando tratamiento curara curaran sanara sanaran diagnostica diagnostican
      tratamientos remedio remedios alivia alivian aliviar aliviando alivio elimina eliminan eliminar
      previene previenen prevenir prevencion combate combaten combatir frena frenan frenar detiene
      detienen acaba_con acaban_con acabar_con acaba_de_una_vez_con acaban_de_una_vez_con reduce reducen reducir baja bajan normaliza* calma calman
      quita quitan terapeutic* medicinal* adios_a di_adios_a dile_adios_a olvidate_de despidete_de
      antiinflamatori* antiviral* antifungic* ayuda_contra nunca_mas
      ralentiza ralentizan corrige corrigen desintoxica depura depuran eliminas adios_al se_olvidara`,
    condition: `paludismo malaria mastitis otitis ojo_vago ambliopia dengue zika muerte_subita* dolor dolores dolor_de_cabeza jaqueca* migrana* cefalea* artritis artrosis reuma reumatismo* ciatica dermatosis sarna pododermatitis sindrome* problemas_dentales golpe_de_calor golpes_de_calor insolacion hipertermia epicondilitis codo_de_tenista
      lumbalgia* lumbago hernia* tendinitis bursitis fibromialgia neuropatia* eccema* eczema* psoriasis
      dermatitis acne rosacea insomnio ansiedad depresion diabetes cancer tumor tumores hipertension
      presion_arterial tension_arterial colesterol asma alergia* resfriado* gripe covid* coronavirus virus
      infeccion* inflamacion* caida_del_cabello caida_del_pelo alopecia calvicie celulitis obesidad
      demencia alzheimer* parkinson* varices hemorroides cistitis prostatitis impotencia
      disfuncion_erectil hongos herpes verrugas apnea osteoporosis osteocondrosis escoliosis fascitis
      enfermedad* padecimiento* nauseas estrenimiento reflujo ulcera* anemia
      colico colicos gingivitis periodontitis piorrea desviacion*_de_columna
      problemas_de_espalda problemas_de_columna ronquido* estrias cicatrices caspa resaca hinchazon
      mal_aliento halitosis acufeno* tinnitus sinusitis bronquitis gastritis talones_agrietados aftas
      tunel_carpiano
      catarata* glaucoma miopia presbicia degeneracion_macular astigmatismo ojo_seco
      toxinas heridas moretones hematomas

      pie_plano pies_planos espolon_calcaneo espolones_calcaneos fascitis_plantar entumecimiento rinitis ronquidos juanete juanetes hallux_valgus problemas_de_prostata podredumbre_de_aletas pudricion_de_aletas`,
    superlative: 'mejor mejores mas insuperable inigualable insuperables inigualables',
    scope: `del_mundo del_mercado del_planeta de_la_historia de_todos_los_tiempos de_espana de_mexico
      de_europa del_pais en_el_mundo en_el_mercado jamas_creado* jamas_fabricado* jamas_visto* de_#`,
    sales: 'mas_vendido mas_vendida mas_vendidos mas_vendidas superventas top_ventas',
    rankContext: 'ventas en_ventas de_ventas marca opcion eleccion entre a_nivel_mundial',
    approval: `aprobado aprobada aprobados aprobadas bendecido bendecida bendecidos bendecidas certificado certificada certificados certificadas
      homologado homologada homologados homologadas recomendado recomendada recomendados recomendadas
      avalado avalada respaldado respaldada acreditado acreditada recomiendan recomienda avalan aprueban aval visto_bueno aconsejan aconseja recetan`,
    authority: `${AUTHORITIES_LATIN} ministerio gobierno ${byTrade('por por_los por_las', TRADES_ES)} el_papa papa_francisco sanidad medicos doctores fisioterapeutas dermatologos dentistas profesores conservatorio* aerolineas companias_aereas iata premios_nobel premio_nobel itv
      dentista odontologos pediatras pediatra veterinarios veterinario union_europea comision_europea
      policia guardia_civil federacion comite_olimpico traumatologos quiropracticos oftalmologos naciones_unidas organizacion_mundial_de_la_salud
      todos_los_fabricantes ejercito armada fuerzas_armadas instituto_nacional* institutos_nacionales*`,
    original:
      'original originales autentico autentica autenticos autenticas genuino genuina oficial oficiales legitimo legitima legitimos legitimas originalisimo originalisima',
    guarantee: 'garantia garantizado garantizada garantizados garantizadas garantiza garantizamos',
    absolute:
      'nunca jamas siempre para_siempre de_por_vida para_toda_la_vida perfecto perfecta perfectos eterno eterna ilimitada sin_limite',
    negation: 'no ni sin nunca',
    conditional: 'si cuando',
    compatibility: 'para compatible compatibles con como sustituye recambio al',
    totally: 'totalmente completamente absolutamente',
    total: 'total totales absoluta absoluto absolutas absolutos totalmente',
    zero: 'cero',
    risk: 'riesgo riesgos',
    detox: 'desintoxica desintoxican desintoxicar desintoxicante depura depuran depurativo depurativa',
    body: 'organismo cuerpo sangre higado',
    unbreakable:
      'irrompible irrompibles indestructible indestructibles antirrobo a_prueba_de_robos a_prueba_de_ganzuas antiganzuas',
    protection: 'proteccion protege protegen proteger',
    uv: 'uv uva uvb uv400 ultravioleta*',
    totalSafety:
      'seguridad_total proteccion_total proteccion_completa seguridad_absoluta proteccion_absoluta',
    preventAll: 'evita_todo evita_todos evita_todas previene_todo previene_todos previene_todas',
    inNoCase:
      'en_ningun_caso bajo_ningun_concepto bajo_ninguna_circunstancia de_ninguna_manera en_cualquier_condicion bajo_cualquier_condicion',
    harms: 'dana danan estropea estropean maltrata',
    calories: 'calorias kcal',
    loss: 'perdida perdidas',
    noRisk: 'sin_ningun_riesgo sin_riesgo_alguno sin_el_menor_riesgo',
    works: 'funciona funcionan sirve',
    noException: 'sin_excepcion sin_excepciones',
    onlyOne: 'el_unico la_unica los_unicos las_unicas',
    payment: 'pago pagos compra compras transaccion transacciones envio envios',
  },
  fr: {
    comparative: 'plus mieux meilleur meilleure moins',
    thanAny:
      'que_quiconque que_n_importe_quel que_n_importe_quelle que_n_importe_qui que_tous_les_autres que_toutes_les_autres',
    noOther: 'aucun_autre aucune_autre nul_autre nulle_autre',
    neverCauses:
      'provoque_jamais provoquent_jamais cause_jamais causent_jamais entraine_jamais entrainent_jamais',
    perfect: 'parfait parfaite parfaits parfaites parfaitement impeccable impeccables',
    everyTime: 'a_chaque_fois chaque_fois a_tous_les_coups sans_faute',
    stay: 'reste restent restera resteront demeure demeurent',
    kill: 'tue tuent elimine eliminent detruit detruisent eradique eradiquent neutralise neutralisent',
    germs: 'bacteries germes virus microbes pathogenes acariens',
    better: 'meilleur meilleure meilleurs meilleures mieux superieur_a surpasse',
    anyOther: 'tous_les_autres toutes_les_autres n_importe_quel_autre n_importe_quelle_autre la_concurrence',
    boost: `renforce renforcent renforcer booste boostent booster restaure restaurent restaurer regule
      regulent reguler ameliore ameliorent ameliorer stimule stimulent stimuler recupere accelere accelerent`,
    bodyFunction: `immunite systeme_immunitaire defenses_immunitaires defenses_naturelles la_vue votre_vue
      vue_fatiguee glycemie taux_de_sucre sucre_dans_le_sang metabolisme libido circulation_sanguine pousse_des_cheveux repousse_des_cheveux croissance_des_cheveux
      pousse_des_cils repousse_des_cils croissance_des_cils digestion quotient_intellectuel`,
    never: 'jamais',
    breaks: `casse cassent cassera casseront fissure fissurent rouille rouillent lache lachent use usent
      tombe_en_panne craque craquent dechire dechirent s_emousse s_emoussent perd_son_tranchant
      perdent_leur_tranchant s_use s_usent se_bouche se_bouchent`,
    firstTime: 'premier_coup premier_essai premiere_tentative',
    change: `augmente augmentent reduit reduisent diminue diminuent economise economisent double doublent
      baisse baissent`,
    guaranteed: 'garanti garantis c_est_garanti',
    clinical: 'cliniquement scientifiquement',
    proven: 'prouve prouvee prouves prouvees demontre demontree demontres',
    erase: 'efface effacent effacer elimine eliminent eliminer adieu_aux adieu_a gomme gomment inverse',
    ageing: 'ride rides pattes_d_oie vieillissement taches_de_vieillesse',
    rejuvenate: 'rajeunit rajeunissent rajeunir rajeunissement',
    years: 'ans an annees',
    miracle:
      'ans_de_moins ans_plus_jeune miraculeux miraculeuse pouvoir_miraculeux pouvoirs_miraculeux pouvoir_guerisseur pouvoirs_guerisseurs',
    lose: 'perdez perdre perd perdent maigri* mincir fondre',
    bodyFat: 'graisse graisses kilos kg livres poids ventre bourrelets tailles',
    burn: 'brule brulent bruler brulez brulerez fait_fondre font_fondre',
    fat: 'graisse graisses graisse_abdominale',
    sideEffects:
      'sans_effet_secondaire sans_effets_secondaires sans_aucun_effet_secondaire aucun_effet_secondaire',
    safe: 'sans_danger inoffensif inoffensive sure sures surs securitaire securitaires',
    everyone: 'pour_tous pour_tout_le_monde pour_toutes tout_le_monde',
    replica: 'replique repliques copie contrefacon imitation clone',
    exact: 'parfaite parfait exacte identique 1_1 aaa miroir haute_qualite indiscernable',
    durable: 'etanche incassable indestructible inusable dure durent durera dureront',
    forever: 'pour_toujours a_vie pour_la_vie toute_la_vie eternellement',
    result: 'resultats resultat efficacite',
    fabric: 'vetement vetements linge tissu tissus chemise chemises rideaux defroisseur',
    therapy: `guerit guerissent guerir guerison soigne soignent soigner traite traitent traiter traitement guerira gueriront soignera soigneront diagnostique diagnostiquent
      traitements remede remedes soulage soulagent soulager soulagement elimine eliminent eliminer
      previent previennent prevenir prevention combat combattent combattre stoppe stoppent stopper arrete
      arretent vient_a_bout viennent_a_bout vaincre reduit reduisent reduire apaise apaisent apaiser
      therapeuti* curati* medicinal* dites_adieu_a dites_adieu_au dites_adieu_aux adieu_aux adieu_a
      fini_les finis_les plus_jamais en_finir_avec fait_disparaitre anti_inflammatoire antiinflammatoire antiviral*
      ralentit ralentissent corrige corrigent fait_baisser font_baisser detoxifie detoxifient depure purifie purifient fait_tomber efficace_contre`,
    condition: `paludisme malaria mastite* otite* oeil_paresseux amblyopie dengue zika mort_subite* douleur* mal_de_dos maux_de_dos maux_de_tete mal_de_tete migraine* cephalee* arthrite* dermatose* pietin gale teigne syndrome* problemes_dentaires coup_de_chaleur coups_de_chaleur insolation hyperthermie epicondylite
      arthrose* rhumatisme* sciatique* lombalgie* lumbago hernie* tendinite* bursite* fibromyalgie
      neuropathie* eczema* psoriasis dermatite* acne rosacee insomnie* anxiete depression diabete cancer*
      tumeur* hypertension tension_arterielle cholesterol asthme allergie* rhume* grippe covid* coronavirus
      virus infection* inflammation* chute_des_cheveux chute_des_poils chute_de_cheveux alopecie calvitie
      cellulite obesite demence alzheimer* parkinson* varice* hemorroide* cystite prostatite impuissance
      mycose* herpes verrue* apnee* osteoporose scoliose fasciite maladie* nausee*
      constipation reflux ulcere* anemie colique* gingivite* parodontite* parodontose*
      deviation*_de_la_colonne problemes_de_dos ronflement* vergeture* cicatrice* pellicules
      gueule_de_bois ballonnement* mauvaise_haleine acouphene* sinusite* bronchite* gastrite* aphte*
      gercure* crevasses canal_carpien
      cataracte* glaucome myopie presbytie degenerescence_maculaire astigmatisme toxines plaies ecchymoses fievre fievres
      pieds_plats epine_calcaneenne epines_calcaneennes fasciite_plantaire engourdissement engourdissements rhinite rhinites ronflement ronflements hallux_valgus problemes_de_prostate troubles_de_la_prostate pourriture_des_nageoires`,
    superlative:
      'meilleur meilleure meilleurs meilleures le_plus la_plus les_plus inegale inegalee inegales imbattable imbattables',
    scope: `du_monde au_monde dans_le_monde jamais_concu* jamais_cree* jamais_fabrique* jamais_vu* du_marche sur_le_marche de_la_planete de_tous_les_temps de_france d_europe
      de_#`,
    sales: `meilleure_vente meilleures_ventes le_plus_vendu la_plus_vendue les_plus_vendus best_seller
      best_sellers bestseller`,
    rankContext: 'ventes des_ventes en_ventes marque choix parmi',
    approval: `approuve approuvee approuves approuvees beni benie benis benies certifie certifiee certifies certifiees homologue
      homologuee homologues recommande recommandee recommandes recommandees valide validee agree agreee
      recommandent approuvent conseillent conseille labellise labellisee labellises`,
    authority: `${AUTHORITIES_LATIN} ministere gouvernement ${byTrade('par par_les par_des', TRADES_FR)} le_pape pape medecins docteurs kines kinesitherapeutes dermatologues dentistes professeurs conservatoire* compagnies_aeriennes iata prix_nobel controle_technique
      dentiste pediatres pediatre veterinaires veterinaire union_europeenne commission_europeenne police
      gendarmerie federation comite_olympique ordre_des_medecins academie ophtalmologues osteopathes nations_unies organisation_mondiale_de_la_sante
      tous_les_constructeurs tous_les_fabricants armee armees marine_nationale forces_armees institut_national* instituts_nationaux*`,
    original:
      'original originale originaux originales authentique authentiques officiel officielle d_origine veritable veritables vrai vraie vrais',
    guarantee: 'garanti garantie garantis garanties garantit garantissons',
    absolute:
      'jamais toujours a_vie pour_la_vie pour_toujours parfait parfaite parfaits eternel eternelle illimitee sans_limite',
    negation: 'ne pas ni sans jamais',
    conditional: 'si quand lorsque lorsqu',
    compatibility: 'pour compatible compatibles avec comme remplace remplacement au aux',
    totally: 'totalement completement absolument entierement',
    total: 'total totale totaux totales absolu absolue absolus absolues totalement',
    zero: 'zero',
    risk: 'risque risques',
    detox:
      'detoxifie detoxifient detoxifier detoxifiant detoxifiante detoxique detox depure depurent depuratif depurative',
    body: 'organisme corps sang foie',
    unbreakable:
      'incassable incassables indestructible indestructibles inviolable inviolables anti_effraction antieffraction incrochetable incrochetables',
    protection: 'protection protege protegent proteger',
    uv: 'uv uva uvb uv400 ultraviolet*',
    totalSafety: 'securite_totale protection_totale protection_complete securite_absolue protection_absolue',
    preventAll: 'empeche_tout empeche_toute empeche_tous evite_tout evite_toute evite_tous',
    inNoCase: 'en_aucun_cas aucunement en_toutes_circonstances quelles_que_soient_les_conditions',
    harms: 'abime abiment endommage endommagent agresse',
    calories: 'calories kcal',
    loss: 'perte pertes',
    noRisk: 'sans_le_moindre_danger sans_le_moindre_risque sans_aucun_danger',
    works: 'marche marchent fonctionne fonctionnent',
    noException: 'sans_exception',
    onlyOne: 'le_seul la_seule les_seuls les_seules',
    payment: 'paiement paiements achat achats transaction transactions livraison',
  },
  ru: {
    comparative: 'лучше дольше',
    thanAny: 'любого любой любых любая чем_кто_либо чем_любой чем_любые всех_остальных всех_других',
    noOther: 'никакой_другой никакая_другая ни_один_другой ни_одна_другая',
    neverCauses:
      'никогда_не_вызывает никогда_не_вызовет никогда_не_вызывают не_вызывает_никогда никогда_не_дает никогда_не_даст',
    perfect: 'идеальн* безупречн*',
    everyTime: 'каждый_раз раз_за_разом',
    stay: 'остается остаются останется останутся',
    kill: 'убива* уничтожа* устраня* нейтрализ* обеззаражива*',
    germs: 'бактери* микроб* вирус* патоген* клещ*',
    better: 'лучше превосходит превзойд*',
    anyOther:
      'любых_аналогов любого_аналога всех_аналогов всех_конкурентов любых_конкурентов любой_другой любого_другого любых_других всех_других',
    boost: `укрепля* укрепит* восстанавлива* восстановит* улучша* улучшит* повыша* повысит* регулиру*
      стимулиру* замедля* ускоря* ускорит*`,
    bodyFunction: `иммунитет* иммунн*_систем* защитн*_сил* зрени* сахар*_в_крови уров*_сахара глюкоз*
      метаболизм* обмен_веществ кровообращени* потенци* либидо рост_волос
      рост_ресниц пищеварени* iq`,
    never: 'никогда',
    breaks: `лома* слома* порв* рвет* рвут* ржаве* заржаве* подвед* подводит откаж* тресн* трескает*
      износит* сотрет* выцвет* тупит* тупят* затуп* засор*`,
    firstTime: 'с_первого_раза первого_раза с_первой_попытки с_полоборота',
    change: `увеличива* увеличит* сниж* снизит* сокраща* сократит* эконом* повыша* повысит* удваива*`,
    guaranteed: 'гарантированно гарантирован*',
    clinical: 'клинически научно',
    proven: 'доказан* подтвержден*',
    erase: 'убира* удаля* устраня* разглажива* разгладит избавля* стира*',
    ageing: 'морщин* гусиные_лапки старени* пигментн*_пятн*',
    rejuvenate: 'омолаж* омолод*',
    years: 'лет года',
    miracle: 'лет_моложе моложе_на чудодейственн* целительн*_сил*',
    lose: 'сбрось* сбросит* сбросьте сбросите сбросишь похуде* худе*',
    bodyFat: 'кг килограмм* жир жира жиры лишн*_вес* вес веса живот*',
    burn: 'сжига* сжечь сожжет сожгите',
    fat: 'жир жира жиры жировые_отложения',
    sideEffects:
      'без_побочных_эффектов без_побочных_действий нет_побочных_эффектов не_имеет_побочных не_вызывает_побочных',
    safe: 'безопасен безопасна безопасно безопасны безвреден безвредна безвредно',
    everyone: 'для_всех для_каждого',
    replica: 'реплика реплики копия копии подделк* имитаци* клон',
    exact:
      'один_в_один люкс точная идеальная 1_1 aaa зеркальн* высокого_качества топового_качества не_отличить',
    durable: 'водонепроницаем* неубиваем* небьющ* нерушим* неломаем* прослуж* служит служат',
    forever: 'навсегда пожизненно вечно на_всю_жизнь на_века',
    result: 'результат* эффективност*',
    fabric: 'одежд* ткан* рубашк* вещей вещи отпаривател* утюг*',
    therapy: `лечит лечат лечить лечени* лечебн* вылеч* излеч* исцел* избав* устраня* устранит* снимает диагностирует диагностируют
      снимают снимет облегча* облегчит* предотвращ* предупрежда* сниж* понижа* нормализ* успокаива*
      побежда* борет* борется борьб* останавлива* останов* прекраща* помогает_от помогает_при помогают_от
      помогают_при терапевтич* целебн* забудьте_о забудьте_про прощай* противовоспалительн* противовирусн* убира* убрать
      замедля* исправля* выводит выводят очища*
      больше_никаких`,
    condition: `малярия малярии мастит* отит* амблиопи* ленив*_глаз* денге свдс боль боли болей болям болями болях болезн* заболевани* недуг* мигрен* артрит* артроз* дерматоз* лишай* чесотк* копытн*_гнил* синдром* проблем*_с_зуб* тепловой_удар тепловых_ударов теплового_удара солнечн*_удар* гипертерми* эпикондилит*
      ревматизм* подагр* радикулит* ишиас* люмбаго грыж* тендинит* фибромиалги* невропати* нейропати*
      экзем* псориаз* дерматит* акне бессонниц* тревожност* депресси* диабет* рак рака раку раком раке
      онколог* опухол* гипертони* артериальн*_давлени* кровян*_давлени* холестерин* астм* аллерги*
      простуд* грипп* ковид* коронавирус* вирус* инфекци* воспалени* выпадени*_волос облысени* алопеци*
      целлюлит* ожирени* деменци* альцгеймер* паркинсон* варикоз* геморро* цистит* простатит* импотенци*
      грибок* грибк* герпес* бородав* апноэ остеопороз* остеохондроз* сколиоз* тошнот* изжог*
      язв* анеми* колик* пародонт* гингивит* кровоточивост*_десен
      искривлени*_позвоночник* проблем*_с_позвоночник* проблем*_со_спин* храп* растяжк* рубц* шрам*
      перхот* похмель* вздути* запах*_изо_рта шум*_в_ушах синусит* гайморит* бронхит* гастрит*
      стоматит* трещин*_на_пятк* туннельн*_синдром*
      катаракт* глауком* близорукост* дальнозоркост* миопи* астигматизм* макулярн*_дегенераци* токсин* шлак* ран синяк* гематом*
      плоскостопи* пяточн*_шпор* подошвенн*_фасциит* онемени* ринит* гайморит* храп храпа храпом вальгус* халлюкс* проблем*_с_простат* плавников*_гнил* гнил*_плавник*`,
    superlative: 'лучш* наилучш* самый самая самое самые самого самой самых самым самыми непревзойд*',
    scope:
      'когда_либо мира во_всем_мире в_мире на_рынке на_планете в_россии в_европе за_всю_историю всех_времен #_года #_год',
    sales: 'хит_продаж лидер_продаж лидеры_продаж бестселлер* самый_продаваемый самая_продаваемая',
    rankContext: 'продаж по_продажам бренд выбор среди',
    approval: `одобрен одобрено одобрена одобрены освящен* одобренный одобренная одобряют одобряет сертифицирован* выбирают
      рекомендован* рекомендуют рекомендует утвержден* аккредитован* советуют назначают`,
    authority: `${AUTHORITIES_LATIN} папой_римским папа_римский экспертами профессионалами поварами шеф_поварами парикмахерами механиками электриками сантехниками часовщиками ювелирами спортсменами олимпийцами чемпионами тренерами фармацевтами минздрав* роспотребнадзор* росздравнадзор* физиотерапевт* министерств* правительств* врачи врачами врачей преподавател* педагог* консерватори* авиакомпани* iata фсб спецназ* нобелевск* техосмотр*
      докторами дерматолог* стоматолог* педиатр* ветеринар* ортопед* евросоюз* полици* гибдд гаи федераци* олимпийск*_комитет* офтальмолог* оон фбр нато мчс всемирн*_организаци*_здравоохранения воз
      всеми_производителями всеми_автопроизводителями армией армия вмс минобороны вооруженн*_сил* министерств*_обороны`,
    original: 'оригинал оригинальн* подлинн* фирменн* официальн* настоящ*',
    guarantee: 'гаранти*',
    absolute: 'никогда навсегда на_всю_жизнь всегда вечн* идеальн* пожизненн* бессрочн*',
    negation: 'не ни без',
    conditional: 'если когда',
    compatibility: 'для совместим* подходит подходят как замена вместо к ко',
    totally: 'полностью абсолютно совершенно',
    total: 'полн* абсолютн* тотальн*',
    zero: 'нулев* ноль',
    risk: 'риск*',
    detox: 'детокс* выводит_токсины выводят_токсины очищает очищают очищения очищение',
    body: 'организм* кровь крови кровью печень печени',
    unbreakable: 'небьющ* неубиваем* нерушим* неразбиваем* взломостойк*',
    protection: 'защита защиту защиты защищает защищают',
    uv: 'уф ультрафиолет*',
    totalSafety:
      'полную_безопасность полная_безопасность полную_защиту полная_защита абсолютную_безопасность абсолютная_безопасность абсолютную_защиту',
    preventAll: 'предотвращает_все предотвращает_любые исключает_любые',
    inNoCase: 'ни_в_коем_случае ни_при_каких_условиях при_любых_условиях',
    harms:
      'повреждает повредит портит испортит вредит навредит повреждают повредят портят испортят вредят навредят',
    calories: 'калорий калории ккал',
    loss: 'потер*',
    noRisk: 'без_малейшего_риска без_всякого_риска без_малейшей_опасности',
    works: 'работает действует помогает',
    noException: 'без_исключения без_исключений',
    onlyOne: 'единственн*',
    payment: 'оплата оплату оплаты покупка покупки платеж* платёж*',
  },
  pt: {
    comparative: 'mais melhor melhores menos',
    thanAny:
      'que_qualquer que_ninguem que_todos_os_outros que_todas_as_outras do_que_qualquer do_que_ninguem',
    noOther: 'nenhum_outro nenhuma_outra',
    neverCauses:
      'nunca_provoca nunca_provocam nunca_causa nunca_causam nunca_da nunca_dao jamais_provoca jamais_causa jamais_da',
    perfect: 'perfeito perfeita perfeitos perfeitas perfeitamente impecavel impecaveis',
    everyTime: 'toda_vez todas_as_vezes sem_falhar',
    stay: 'permanece permanecem continua continuam fica ficam ficara ficarao',
    kill: 'mata matam elimina eliminam destroi destroem erradica erradicam neutraliza neutralizam',
    germs: 'bacterias germes virus microbios patogenos acaros',
    better: 'melhor melhores superior_a supera',
    anyOther: 'qualquer_outro qualquer_outra todos_os_outros todas_as_outras a_concorrencia',
    boost: `fortalece fortalecem fortalecer reforca reforcam reforcar melhora melhoram melhorar restaura
      restauram restaurar regula regulam regular recupera recuperam recuperar estimula estimulam acelera aceleram`,
    bodyFunction: `imunidade sistema_imunologico sistema_imune defesas a_vista vista_cansada visao_cansada
      glicemia glicose acucar_no_sangue metabolismo libido circulacao_sanguinea crescimento_capilar crescimento_do_cabelo crescimento_dos_cabelos
      crescimento_dos_cilios digestao`,
    never: 'nunca jamais',
    breaks: `quebra quebram quebrar racha racham trinca trincam enferruja enferrujam falha falham rasga
      rasgam desgasta desgastam desbota desbotam perde_o_fio perdem_o_fio cega cegam entope entopem`,
    firstTime: 'de_primeira na_primeira primeira_tentativa',
    change: `aumenta aumentam reduz reduzem economiza economizam dobra dobram triplica diminui diminuem
      corta cortam`,
    guaranteed: 'garantido garantida garantidos garantidas',
    clinical: 'clinicamente cientificamente',
    proven: 'comprovado comprovada comprovados provado provada demonstrado demonstrada',
    erase: 'apaga apagam apagar elimina eliminam eliminar adeus_as adeus_a some_com acaba_com',
    ageing: 'ruga rugas pes_de_galinha envelhecimento manchas_da_idade',
    rejuvenate: 'rejuvenesce rejuvenescem rejuvenescer rejuvenescedor* rejuvenescimento',
    years: 'anos ano',
    miracle:
      'anos_mais_jovem anos_mais_nova anos_mais_novo anos_a_menos milagroso milagrosa poder_milagroso poderes_milagrosos poder_de_cura poderes_de_cura',
    lose: 'perca percam perder perde perdem emagrec*',
    bodyFat: 'gordura gordura_localizada quilos kg libras peso barriga pneuzinhos manequins tamanhos',
    burn: 'queima queimam queimar queime queimara queimaras derrete derretem derreta',
    fat: 'gordura gordura_localizada gordura_abdominal',
    sideEffects:
      'sem_efeitos_colaterais nenhum_efeito_colateral sem_efeito_colateral sem_contraindicacoes sem_efeitos_adversos',
    safe: 'seguro segura seguros seguras inofensivo inofensiva',
    everyone: 'para_todos para_todo_mundo para_qualquer_pessoa todo_mundo',
    replica: 'replica replicas copia imitacao clone falsificacao',
    exact:
      'exata exato perfeita perfeito identica identico 1_1 aaa espelhada primeira_linha alta_qualidade indistinguivel',
    durable: 'impermeavel inquebravel indestrutivel a_prova_d_agua dura duram durara',
    forever: 'para_sempre eternamente vitalicio vitalicia para_toda_a_vida por_toda_a_vida pela_vida_toda',
    result: 'resultados resultado eficacia',
    fabric: 'roupa roupas tecido tecidos camisa camisas cortinas vaporizador ferro',
    therapy: `cura curam curar curando curativ* trata tratam tratar tratando tratamento tratamentos remedio curara curarao vai_curar diagnostica diagnosticam
      remedios alivia aliviam aliviar aliviando alivio elimina eliminam eliminar previne previnem prevenir
      prevencao combate combatem combater acaba_com acabam_com acabe_com acaba_de_vez_com acabam_de_vez_com acabe_de_vez_com acabar_de_vez_com reduz reduzem reduzir diminui
      diminuem baixa baixam normaliza* terapeutic* medicinal* diga_adeus_a diga_adeus_ao diga_adeus_aos
      diga_adeus_as adeus_a adeus_ao adeus_aos chega_de nunca_mais livra_de livre_se_de anti_inflamatori*
      retarda retardam corrige corrigem desintoxica depura depuram
      antiinflamatori* antiviral*`,
    condition: `malaria dengue zika morte_subita* mastite* otite* olho_preguicoso ambliopia dor dores dor_de_cabeca enxaqueca* cefaleia* artrite* artrose* reumatismo* ciatica lombalgia* lumbago dermatose* sarna pododermatite frieira* sindrome* problemas_dentarios problemas_dentais insolacao hipertermia epicondilite cotovelo_de_tenista
      hernia* tendinite* bursite* fibromialgia neuropatia* eczema* psoriase dermatite* acne rosacea
      insonia ansiedade depressao diabetes cancer cancro tumor tumores hipertensao pressao_alta
      pressao_arterial colesterol asma alergia* resfriado* gripe covid* coronavirus virus infeccao
      infeccoes inflamacao inflamacoes queda_de_cabelo queda_capilar queda_dos_fios queda_dos_pelos
      alopecia calvicie celulite obesidade demencia alzheimer* parkinson* varizes hemorroida* cistite
      prostatite impotencia disfuncao_eretil fungo* micose* herpes verruga* apneia osteoporose escoliose
      fascite doenca* enfermidade* nausea* prisao_de_ventre refluxo ulcera* anemia colica colicas
      gengivite periodontite desvio*_da_coluna desvio*_de_coluna problemas_de_coluna problemas_na_coluna
      ronco* estrias cicatriz* caspa ressaca inchaco mau_halito zumbido sinusite bronquite gastrite
      aftas rachaduras_nos_pes calcanhares_rachados tunel_do_carpo
      catarata* glaucoma miopia presbiopia degeneracao_macular astigmatismo toxinas feridas hematomas
      pe_chato pes_chatos esporao_de_calcaneo esporao_calcaneo fascite_plantar dormencia formigamento rinite rinites roncos joanete joanetes hallux_valgus problemas_de_prostata problemas_na_prostata podridao_das_barbatanas podridao_de_barbatanas`,
    superlative: 'melhor melhores mais imbativel inigualavel insuperavel',
    scope: `do_mundo no_mundo ja_feito* ja_criado* jamais_visto* do_mercado no_mercado do_planeta do_brasil no_brasil de_portugal
      de_todos_os_tempos da_historia de_#`,
    sales: 'mais_vendido mais_vendida mais_vendidos mais_vendidas campeao_de_vendas campea_de_vendas',
    rankContext: 'vendas em_vendas de_vendas marca escolha opcao entre mundo_inteiro',
    approval: `aprovado aprovada aprovados aprovadas abencoado abencoada abencoados abencoadas certificado certificada certificados certificadas
      homologado homologada homologados homologadas recomendado recomendada recomendados recomendadas
      endossado endossada chancelado chancelada recomendam recomenda aprovam aconselham indicam receitam`,
    authority: `${AUTHORITIES_LATIN} ministerio governo ${byTrade('por pelos pelas', TRADES_PT)} o_papa papa_francisco medicos doutores fisioterapeutas dermatologistas dentistas dentista professores conservatorio* companhias_aereas iata premios_nobel premio_nobel
      pediatras pediatra veterinarios veterinario uniao_europeia comissao_europeia policia detran federacao comite_olimpico ortopedistas oftalmologistas nacoes_unidas organizacao_mundial_da_saude
      todas_as_montadoras todos_os_fabricantes exercito marinha forcas_armadas inmetro instituto_nacional* institutos_nacionais*`,
    original:
      'original originais autentico autentica autenticos autenticas genuino genuina oficial oficiais legitimo legitima legitimos legitimas verdadeiro verdadeira',
    guarantee: 'garantia garantido garantida garantidos garantidas garante garantimos',
    absolute:
      'nunca jamais sempre para_sempre para_toda_a_vida por_toda_a_vida perfeito perfeita perfeitos perfeitas eterno eterna vitalicia ilimitada sem_limite',
    negation: 'nao nem sem nunca',
    conditional: 'se quando caso',
    compatibility: 'para compativel compativeis com como substitui reposicao ao no na nos nas',
    totally: 'totalmente completamente absolutamente',
    total: 'total totais absoluta absoluto absolutas absolutos totalmente',
    zero: 'zero',
    risk: 'risco riscos',
    detox: 'desintoxica desintoxicam desintoxicar desintoxicante detox depura depuram depurativo depurativa',
    body: 'organismo corpo sangue figado',
    unbreakable:
      'inquebravel inquebraveis indestrutivel indestrutiveis antifurto a_prova_de_roubo a_prova_de_arrombamento a_prova_de_arrombamentos antiarrombamento',
    protection: 'protecao protege protegem proteger',
    uv: 'uv uva uvb uv400 ultravioleta*',
    totalSafety: 'seguranca_total protecao_total protecao_completa seguranca_absoluta protecao_absoluta',
    preventAll: 'evita_todo evita_todos evita_todas previne_todo previne_todos previne_todas',
    inNoCase:
      'em_hipotese_alguma em_nenhuma_hipotese de_forma_alguma de_modo_algum em_quaisquer_condicoes em_qualquer_condicao',
    harms: 'danifica danificam estraga estragam agride',
    calories: 'calorias kcal',
    loss: 'perda perdas',
    noRisk: 'sem_risco_nenhum sem_nenhum_risco sem_risco_algum sem_o_menor_risco',
    works: 'funciona funcionam serve',
    noException: 'sem_excecao sem_excecoes',
    onlyOne: 'o_unico a_unica os_unicos as_unicas',
    payment: 'pagamento pagamentos compra compras transacao transacoes entrega envio',
  },
};
