/** Word data of the language detector: add a word to its language's tier, a stem to `STEMS`. */
import type { Language } from '../types.js';

/** How telling a word is of its language (weights in `language.ts`). */
export type LexiconTier = 'very' | 'strong' | 'medium';

/**
 * Words per language and tier, written naturally and folded at load time. A word listed for several
 * languages is down-weighted for all of them.
 */
export const LEXICON: Readonly<Record<Language, Partial<Record<LexiconTier, string>>>> = {
  en: {
    very: `hello thanks thank please the where what didnt dont doesnt havent hasnt isnt wasnt arent cant wont
      couldnt shouldnt wouldnt im ive youre theyre ordered arrived received refund shipping package parcel
      seller item items yet would should could which thx thnx pls plz invoice receipt shipment
      assistance locate locating expect soon purchases earliest estimate`,
    strong: `i hi hey thx ty pls plz my is it this that with have has was were been got get not and of for from
      just about already ago long size fit does did want wanted broken wrong you your how when why will there
      they them their we our us an at by but or if so yes sorry money back order orders delivery delivered
      received receive still waiting wait weeks months days customs fee fees charged twice payment paid card
      return exchange replace replacement damaged cracked fake picture description described lost stuck
      any some can who bought buy purchase purchased arrive shipped ship sent send color colour store shop
      help asap answer reply work working works anything nothing something nobody dear friend sir madam
      week month day today yesterday tomorrow hours late missing box screen charger cable battery quality
      poor terrible bad good great nice gonna wanna kinda gotta
      recieved recived recieve pakage packege thnx wat wen u ur came come coming status update updated info
      contact respond response never dress shoes shirt pants jacket earrings necklace bag watch phone case
      headphones earbuds lamp toy doll smaller bigger than expected ripped torn scratched
      stopped instead sent
      keeps keep getting going being also really because since after before every again other another
      around maybe need make take know think see look looks like tell said says use used new old first last next
      right little big small much many well even over time way thing things people declined accept pieces
      defective faulty refund refunded tracking number customs tax duty duties vat cancel cancelled postage
      guys shows show which check checking address change changed modify update cancellation cancelling
      account password subscription unsubscribe newsletter login sign agent human someone
      wants charge charges royal pay paying missing pieces piece set kit parts part glasses lens
      strap battery life washable machine wash fake cheap quality photos pictures description exactly`,
    medium: `to in on a me do no be are am up out all one two three more than very too only`,
  },
  es: {
    very: `hola gracias buenas buenos todavia llegado llego llega llegan recibido recibi paquete quiero dinero
      usted ustedes donde pero muy tengo aun tambien hasta ningun ninguna quisiera necesito disculpe oiga
      senor senora talla tamano aduana impuestos tarjeta devolucion dinero estoy cuanto cuando llegar
      llegue compre envio nada porfa xfa arancel aranceles equivocado equivocada cancelen cancelenlo
      cancelalo anulen anulenlo`,
    strong: `el los las mi mis ha he han hace ya producto roto rota rotos puedo puede puedes tienen tiene
      hay fue fueron era sido yo lo del al una uno es son esta este esto eso ese esa estan ni mal bien bueno
      buena ahora hoy ayer manana sigue sigo siguen seguimiento vino vinieron mande mandaron enviaron
      demasiado tarda tardando caja pantalla sirve quisiera cambio cambiar cobro cobraron cobran pago pague
      pagar vale pues entonces saludos atentamente tienda compra dias semanas meses pedi queria llamar
      sus su nos les mio mia pedido vendedor reembolso nunca espero esperando amigo numero tampoco hizo
      hice hecho dijeron dijo estafa queja reclamo color colores marca funciona
      perdido perdida llegaron recibo danado danada defectuoso falso falsa chico chica mas pequena
      porfa xfa xq oye mire mira zapatos vestido camisa funda reloj audifonos cargador pantalon chaqueta
      bolso aretes lampara envian mandan tiempo costo cuesta precio pague doble veces igual imagen
      descripcion anuncio falsificado plata tenes queres podrian seria mucho mucha muchos muchas poco otro
      otra mismo cosa cosas solo nadie llevo aqui ahi quedo queda campera remera celular nuevo avisaron
      aviso paso pasa hacen envios hago tardan
      paqueteria usan usa tengo pasaron reembolsen devuelvan devuelvanme mandaron enviaron llegaron quiero
      pueden puedo puede hola buenas noches tardes sirve
      faltan falta faltaron pieza piezas juego lentes gafas lente patilla lavar lavadora tela bateria
      vidrio espejo roto rota caja version pais destino dias semana mes calidad foto fotos publicacion`,
    medium: `y no con que por para se como favor sin o de la en un me te`,
  },
  fr: {
    very: `bonjour merci je pas nai jai cest colis commande commandee commandes toujours rien vous votre
      svp madame monsieur avec pour recu recue recus reception livraison livre remboursement rembourser
      rembourse boutique vendeur veux voudrais pouvez jamais depuis semaines cordialement bonsoir salut
      aujourd hui taille couleur douane abime abimee casse cassee endommage svp stp slt bjr mrc quelle quel quels quelles
      dispo`,
    strong: `est sont suis ai avez avons mon ma une des les le du au aux il elle ils nous ce cette ces qui
      quoi quand comment pourquoi encore deja jours mois produit article retour retourner echange echanger
      frais taxe paiement paye payee carte aide besoin peux faire fait bien bon tres trop aussi peu
      beaucoup alors donc sur dans chez par non oui ne attends attendu attente arrivee suivi numero
      envoye expedie expedition recevoir rembourse probleme marche fonctionne ecran photo vos leur
      perdu perdue paquet arrive livre aucun aucune nouvelles nouvelle ca voila mrc stp slt bjr pk pcq tjrs
      tjs dsl desole mauvaise mauvais petit petite grand robe chaussures montre coque telephone chargeur
      ecouteurs sac collier boucles lampe jouet semaine jour veuillez pourriez aimerais souhaite
      souhaiterais demande remboursez renvoyer faux fausse contrefacon conforme annonce qualite
      fonctionne preleve debite fois tva expedie delai temps combien passee ressemble tout pourtant
      quelqu quelque vraiment reponse repondez
      pouvez voulez peux dois doit faut etait etais serait merci
      manque manquent piece pieces lunettes verre miroir laver machine tissu batterie version chinoise
      montre photo description mille morceaux fermeture eclair essai`,
    medium: `et la un en mais ou de que se me te`,
  },
  pt: {
    very: `obrigado obrigada ola voce voces vc vcs nao ainda recebi encomenda chegou chegar cade meu minha
      meus minhas produto dinheiro quero pq tb tbm blz td oq tambem muito comprei recebido entregue
      rastreio rastreamento alfandega correios tamanho errado errada quebrado quebrada defeito pacote obg vlw valeu oi`,
    strong: `eu um uma com do da dos das na nas ao aos os isso esse essa ele ela eles foi veio vieram ja ate
      mais mas quando onde quanto qual quais tem tenho pode posso fiz recebeu prazo taxa taxado taxada
      imposto impostos loja devolucao troca trocar cor caixa tela bom boa agora hoje ontem amanha
      aguardando aguardo pra sem nem entao aqui sim estou estao sou obg vendedor pedido reembolso
      nada nunca pedi entrega demora atrasado atrasada esta este dias semanas meses funciona queria
      devolver
      extraviado extraviou chegaram chega quebrou estragado danificado defeituoso pequeno menor maior
      diferente anuncio descricao qualidade estorno gostaria preciso ajuda ajudar pfv pfvr vlw valeu oi
      tudo mesmo coisa nenhum nenhuma ninguem seu sua pagamento paguei cobrado cobraram vezes boleto pix
      cartao taxacao tributado receita frete vestido sapato tenis relogio capinha fone carregador colar
      brinco luminaria certinho faz fui vai vao enviam enviaram mandaram aconteceu aguardando
      gente moco moca atualiza
      qual voltagem reembolsem devolvam chegou chegaram vieram pegar posso podem tava tinha
      serve servem cabe cabem capinha capa
      faltaram faltou faltando falta peca pecas duas dois kit valor pago prova agua oculos lente haste
      lavar maquina tecido bateria vidro espelho versao chinesa paises destino bolsa inferior anunciado`,
    medium: `e o no por para que como favor se de a em me te so ta ai`,
  },
  ru: {
    very: `zdravstvuyte zdravstvuite zdrastvuite privet spasibo pozhaluysta pozhaluista pojaluista gde moya
      moy posylka posylku posilka posilku zakaz zakaza prishel prishla prishlo poluchil poluchila eto
      pochemu kogda nichego uzhe uje eshche eshe esche tovar dengi vernite vozvrat sdelal khochu hochu
      skolko`,
    strong: `ne net kak chto mne menya nado davno mesyats mesyaca nedeli nedel dney dnei tak vse vsyo ochen
      plokho ploho khorosho horosho slomano slomana slomalsya razbit trek dostavka dostavki otkryt otkroyu
      spor zhdu jdu seychas sejchas mozhno mojno dolgo idet idyot prodavets prodavec magazin pomogite vy
      vam razmer podoidet podoydet kupil kupila zakazal zakazala oplata oplatil tamozhnya poshlina deneg
      zakazyval pochta pochtoy prishol posylki polucheno voobshe vapshe kuda chego pishu otvet otvette
      srochno kachestvo tsvet cvet tot drugoy drugoi prislali vernut obmen obmenyat prodavtsu
      nomer dni dnya mesyac mesyatsa nedelya bolshe bolshoy bolshoe malenkiy malenky tovara otpravite
      otpravili slomannyi slomannyy sdelayte pomogi
      brak spisali spisanie dvazhdy dva raza razmernaya setka slomalsya slomalas slomalos isporchen isporchena
      vernut obmenyat zamena zamenu otslezhivanie kartoi karta kartu kachestvennyi poddelka opisaniyu opisanie
      tamozhnya tamozhne nalog otmena otmenite otmenit adres pomenyat izmenit dobryi vecher utro pochemu zachem
      nuzhno nado mozhno khochu budet bylo byla byl chto kak tozhe tolko nichego nikto nikogda pozhe segodnya
      vchera zavtra nedelyu mesyac dengi rubley rublei shtuk sht nalichii nalichie cena tsena stoit prislat
      prishlite otvette otvetit zhdat zhdem dostavku dostavit dostavyat poluchit poluchu poluchila`,
    medium: `i`,
  },
};

/** Prefixes (`stem*`) per language, for inflected support vocabulary. */
export const STEMS: Readonly<Record<Language, string>> = {
  en: 'receiv* deliver* shipp* refund* packag* damag* crack* exchang* replac* waiti* pleas* describ* pictur*',
  es: 'lleg* recib* devolu* reembols* aduan* impuest* tarjet* devolv* cambi* necesit* quier* pued* todavi*',
  fr: 'recev* livr* rembours* commande* endommag* douan* attend* command*',
  pt: 'reembols* receb* cheg* encomend* rastre* quebr* troc* impost* alfandeg* aguard* dinheir* obrigad* produt* devolv*',
  ru: 'posyl* posil* zakaz* prish* poluch* zdravst* pozhal* pojal* spasib* dostav* otsle* vozvrat* sloma* razbi* tovar* oplat* tamozh* poshlin* prodav* otprav*',
};

/** Cyrillic words that make the Russian evidence readable; every Cyrillic token already counts. */
export const RU_CYRILLIC_WORDS = `где моя мой мои мне меня не нет да заказ заказа посылка посылку пришел пришла пришло здравствуйте
  привет спасибо пожалуйста когда почему что это уже еще товар деньги верните возврат получил получила
  я вы вам вас как так все очень`;

/** Brand names, units and internet words that every buyer writes the same way. */
export const NEUTRAL_WORDS = `ok okay oki iphone samsung galaxy xiaomi redmi huawei apple android pro max mini plus ultra lite usb led
  aliexpress ali dhl ups fedex usps ems cainiao paypal visa mastercard pix app online wifi bluetooth cm mm kg
  xl xxl xs lol xd tracking track link email mail whatsapp`;
