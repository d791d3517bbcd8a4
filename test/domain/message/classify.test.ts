import { describe, expect, it } from 'vitest';
import { classifyIntent, INTENT_ABSTAIN_BELOW } from '../../../src/domain/message/classify.js';
import { CATEGORIES, type Category, type Language } from '../../../src/domain/types.js';

/** [language, buyer message, expected category, clear?]. Clear rows must all pass. */
type Row = readonly [Language, string, Category, boolean?];

const TABLE: readonly Row[] = [
  // [language, text, expected, clear]
  ['en', 'hi, i ordered 3 weeks ago and still havent received anything', 'not_received', true],
  ['en', 'where is my package?? its been over a month', 'not_received', true],
  ['en', 'Tracking says delivered but I never got it', 'not_received', true],
  ['es', 'hola, mi pedido no ha llegado y ya pasaron 45 dias', 'not_received', true],
  ['es', 'donde esta mi paquete?? el seguimiento no se mueve hace semanas', 'not_received', true],
  ['fr', "bonjour je n'ai toujours pas reçu ma commande", 'not_received', true],
  ['fr', 'mon colis est bloqué depuis 3 semaines, aucune nouvelle', 'not_received', true],
  ['pt', 'meu pedido ainda não chegou, já faz 2 meses', 'not_received', true],
  ['pt', 'cade minha encomenda??? rastreio parado', 'not_received', true],
  ['ru', 'Заказ до сих пор не пришёл, жду уже месяц', 'not_received', true],
  ['ru', 'где моя посылка? трек не обновляется две недели', 'not_received', true],
  ['ru', 'zdravstvuyte, zakaz ne prishel uzhe 40 dney', 'not_received', true],
  ['en', 'the mug arrived broken, pieces everywhere', 'damaged', true],
  ['en', 'screen is cracked and it doesnt turn on', 'damaged', true],
  ['es', 'el producto llegó roto', 'damaged', true],
  ['es', 'la lampara no prende, vino dañada', 'damaged', true],
  ['fr', "le colis est arrivé mais l'écran est cassé", 'damaged', true],
  ['fr', 'la montre ne fonctionne pas du tout', 'damaged', true],
  ['pt', 'o produto veio quebrado', 'damaged', true],
  ['pt', 'o fone não liga, veio com defeito', 'damaged', true],
  ['ru', 'Посылка пришла, но экран разбит', 'damaged', true],
  ['ru', 'наушники не работают, правый вообще молчит', 'damaged', true],
  ['en', 'this is not like the picture at all, looks cheap and fake', 'not_as_described', true],
  ['en', 'the bag is way smaller than described', 'not_as_described', true],
  ['es', 'no se parece en nada a la foto, es de muy mala calidad', 'not_as_described', true],
  ['es', 'la funda es falsa, no es original', 'not_as_described', true],
  ['fr', 'ca ne ressemble pas du tout a la photo', 'not_as_described', true],
  ['fr', 'produit pas conforme à la description, qualité médiocre', 'not_as_described', true],
  ['pt', 'não é igual a foto, qualidade péssima', 'not_as_described', true],
  ['pt', 'o tênis é bem menor do que o anúncio diz', 'not_as_described', true],
  ['ru', 'товар не соответствует описанию', 'not_as_described', true],
  ['ru', 'качество ужасное, на фото выглядело совсем по другому', 'not_as_described'],
  ['en', 'I got a blue one, I ordered red', 'wrong_item', true],
  ['en', 'you sent me the wrong size, i ordered XL not M', 'wrong_item', true],
  ['es', 'me mandaron otro modelo, yo pedí el negro', 'wrong_item', true],
  ['es', 'el color es equivocado, pedi rojo y llego azul', 'wrong_item', true],
  ['fr', "j'ai reçu le mauvais article", 'wrong_item', true],
  ['fr', "ce n'est pas la bonne couleur, j'ai commandé du noir", 'wrong_item', true],
  ['pt', 'recebi a cor errada, pedi preto e veio branco', 'wrong_item', true],
  ['pt', 'veio o produto errado, não é o que eu comprei', 'wrong_item', true],
  ['ru', 'прислали не тот цвет, я заказывал синий', 'wrong_item', true],
  ['ru', 'перепутали заказ, пришла другая модель', 'wrong_item', true],
  ['en', 'I want my money back', 'refund_request', true],
  ['en', 'pls just refund me, i dont want it anymore', 'refund_request', true],
  ['es', 'quiero que me devuelvan el dinero', 'refund_request', true],
  ['es', 'solicito el reembolso de mi compra por favor', 'refund_request', true],
  ['fr', 'je veux être remboursé', 'refund_request', true],
  ['fr', 'rendez moi mon argent svp', 'refund_request', true],
  ['pt', 'quero meu dinheiro de volta', 'refund_request', true],
  ['pt', 'quero o reembolso, não quero mais esperar', 'refund_request', true],
  ['ru', 'верните деньги пожалуйста', 'refund_request', true],
  ['ru', 'хочу возврат денег за заказ', 'refund_request', true],
  ['en', 'can I exchange it for size M?', 'return_exchange', true],
  ['en', "it's too small, how do i return it", 'return_exchange', true],
  ['es', 'quiero cambiar la talla, me queda chica', 'return_exchange', true],
  ['es', 'como hago para devolver el producto?', 'return_exchange', true],
  ['fr', 'je voudrais échanger contre une taille plus grande', 'return_exchange', true],
  ['fr', "comment retourner l'article ?", 'return_exchange', true],
  ['pt', 'gostaria de trocar o tamanho', 'return_exchange', true],
  ['pt', 'quero devolver, não serviu', 'return_exchange', true],
  ['ru', 'хочу обменять на размер побольше', 'return_exchange', true],
  ['ru', 'как вернуть товар? не подошел размер', 'return_exchange', true],
  ['en', 'I have to pay customs fees to get my parcel??', 'customs_tax', true],
  ['en', 'why do i need to pay VAT, it said taxes included', 'customs_tax', true],
  ['es', 'tengo que pagar impuestos en la aduana?', 'customs_tax', true],
  ['es', 'me cobraron aranceles de importación, quién los paga?', 'customs_tax', true],
  ['fr', 'je dois payer des frais de douane ??', 'customs_tax', true],
  ['fr', 'la poste me demande de payer la TVA', 'customs_tax', true],
  ['pt', 'fui taxado em 60 reais, vocês vão pagar o imposto?', 'customs_tax', true],
  ['pt', 'tive que pagar IOF e taxa da alfândega', 'customs_tax', true],
  ['ru', 'Мне пришлось заплатить пошлину, это нормально?', 'customs_tax', true],
  ['ru', 'таможня требует оплатить налог', 'customs_tax', true],
  ['en', 'my payment failed but money was taken from my card', 'payment', true],
  ['en', 'why was i charged twice for the same order', 'payment', true],
  ['es', 'me cobraron dos veces el mismo pedido', 'payment', true],
  ['es', 'el pago fue rechazado pero me descontaron de la tarjeta', 'payment', true],
  ['fr', "On m'a débité deux fois", 'payment', true],
  ['fr', 'le paiement par carte est refusé', 'payment', true],
  ['pt', 'o pagamento foi recusado mas cobraram no cartão', 'payment', true],
  ['pt', 'fui cobrado duas vezes pelo mesmo pedido', 'payment', true],
  ['ru', 'списали деньги два раза!!!', 'payment', true],
  ['ru', 'оплата не проходит, карта отклонена', 'payment', true],
  ['en', 'how long does shipping to chile take?', 'shipping_inquiry', true],
  ['en', 'do you ship to Brazil? which carrier do you use?', 'shipping_inquiry', true],
  ['es', '¿cuánto tarda el envío a Perú?', 'shipping_inquiry', true],
  ['es', 'hacen envios a colombia? cual es el costo de envio', 'shipping_inquiry', true],
  ['fr', 'Combien de temps pour la livraison en France ?', 'shipping_inquiry', true],
  ['fr', 'quand allez-vous expédier ma commande ?', 'shipping_inquiry', true],
  ['pt', 'vcs enviam pro Brasil? quanto tempo demora?', 'shipping_inquiry', true],
  ['pt', 'qual o prazo de entrega pra SP?', 'shipping_inquiry', true],
  ['ru', 'сколько идёт доставка в Казахстан?', 'shipping_inquiry', true],
  ['ru', 'когда отправите заказ?', 'shipping_inquiry', true],
  ['en', 'does this case fit iphone 13?', 'product_question', true],
  ['en', 'what size should i get? im 175cm and 70kg', 'product_question', true],
  ['es', '¿sirve para el Samsung A52?', 'product_question', true],
  ['es', 'que talla me recomiendan? mido 1.65', 'product_question', true],
  ['fr', 'est-ce que cette coque est compatible avec le Samsung S21 ?', 'product_question', true],
  ['fr', 'quelle taille prendre pour 1m70 ?', 'product_question', true],
  ['pt', 'a capinha serve no iphone 12?', 'product_question', true],
  ['pt', 'qual tamanho devo pegar? uso 38', 'product_question', true],
  ['ru', 'Какой размер брать на рост 170?', 'product_question', true],
  ['ru', 'этот чехол подойдет на айфон 13?', 'product_question', true],
  ['en', 'please cancel my order', 'cancel_order', true],
  ['en', 'thank you, received everything, great seller', 'other'],
  ['es', 'quiero cancelar mi pedido', 'cancel_order', true],
  ['es', 'necesito factura por favor', 'other'],
  ['fr', 'je voudrais annuler ma commande', 'cancel_order', true],
  ['fr', 'merci, bien reçu, très content', 'other'],
  ['pt', 'quero cancelar a compra', 'cancel_order', true],
  ['pt', 'preciso mudar o endereço de entrega', 'order_change'],
  ['ru', 'отмените заказ пожалуйста', 'cancel_order', true],
  ['ru', 'спасибо, все отлично', 'other'],
  ['en', 'how do I reset the password of my account', 'other'],
  ['en', 'can I change the size to L before you ship it?', 'order_change'],
  ['es', 'me mudé, ¿pueden enviarlo a mi nueva dirección?', 'order_change'],
  ['fr', "je me suis trompé de code postal, vous pouvez corriger l'adresse ?", 'order_change'],
  ['ru', 'поменяйте цвет на чёрный, пока не отправили', 'order_change'],
  ['en', 'wrong street number in my address, it should be 42 not 24', 'order_change'],
  // harder, mixed and noisy
  ['en', 'package stuck in customs for 2 weeks now', 'not_received'],
  ['en', 'when will my order arrive? i ordered 5 weeks ago', 'not_received'],
  ['en', 'NOT RECEIVED!!! order 8123456789012345', 'not_received'],
  ['en', 'my order came but one item is missing', 'wrong_item'],
  ['en', "I don't want a refund, I want a replacement", 'return_exchange'],
  ['en', 'size chart pls', 'product_question'],
  ['en', 'is this real leather?', 'product_question'],
  ['en', 'it came broken and i want a refund', 'refund_request'],
  ['es', 'ese reloj es original?', 'product_question'],
  ['es', 'no es original, es una copia barata', 'not_as_described'],
  ['es', 'no me llego nada y quiero mi plata', 'refund_request'],
  ['es', 'todavia no me llega el pedido que paso??', 'not_received'],
  ['es', 'el cargador no carga, esta defectuoso', 'damaged'],
  ['fr', 'jai recu un article different de celui commandé', 'wrong_item'],
  ['fr', 'le colis est marqué livré mais je n ai rien recu', 'not_received'],
  ['pt', 'ainda nao recebi e o rastreio diz entregue', 'not_received'],
  ['pt', 'veio faltando uma peça', 'wrong_item'],
  ['pt', 'o relogio parou de funcionar em 2 dias', 'damaged'],
  ['pt', 'é original? tem garantia?', 'product_question'],
  ['ru', 'посылка потерялась?', 'not_received'],
  ['ru', 'pochemu tak dolgo? gde posylka', 'not_received'],
  ['ru', 'коробка помята, внутри всё разбито', 'damaged'],
  ['ru', 'это подделка, не оригинал', 'not_as_described'],
  ['ru', 'хочу отменить заказ', 'cancel_order'],
];

/** More realistic messages (longer, noisier, slang), held to the same 90% bar. */
const MORE: readonly Row[] = [
  [
    'en',
    'Hi there. My order was supposed to arrive by the 20th. Today is the 3rd of next month. Where is it?',
    'not_received',
  ],
  ['en', 'i paid for it and never recieved it', 'not_received'],
  ['en', 'package hasnt arrived, tracking number LP00123456789012 not found', 'not_received'],
  ['en', 'its been ages and still no sign of the parcel', 'not_received'],
  ['en', 'why is my order taking so long??', 'not_received'],
  ['en', 'the glass bottle was broken when I opened the box', 'damaged'],
  ['en', 'watch strap snapped on day two', 'damaged'],
  ['en', "the charger isn't charging my phone at all", 'damaged'],
  ['en', 'it arrived dented and scratched all over', 'damaged'],
  ['en', 'This jacket is nothing like what was advertised, the fabric is thin and cheap', 'not_as_described'],
  ['en', 'description said 100% cotton but this is polyester', 'not_as_described'],
  ['en', 'the size is way off compared to the listing', 'not_as_described'],
  ['en', 'u sent me a red one when i clearly picked black', 'wrong_item'],
  ['en', 'Received the wrong model, I ordered the Pro version', 'wrong_item'],
  ['en', 'box only had 1 of the 3 items i paid for', 'wrong_item'],
  ['en', 'give me a refund or i open a dispute', 'refund_request'],
  ['en', 'Can I get a partial refund for this?', 'refund_request'],
  ['en', 'I want to return it and get another size', 'return_exchange'],
  ['en', 'what is your return policy?', 'return_exchange'],
  ['en', 'FedEx is charging me duties and taxes, this was supposed to be included', 'customs_tax'],
  ['en', 'my bank shows two charges for one order', 'payment'],
  ['en', 'the payment did not go through but i got charged', 'payment'],
  ['en', 'how fast can you deliver to the UK?', 'shipping_inquiry'],
  ['en', 'is shipping free for 2 items?', 'shipping_inquiry'],
  ['en', 'can I choose DHL express instead of standard shipping?', 'shipping_inquiry'],
  ['en', 'will this fit a 55 inch tv?', 'product_question'],
  ['en', 'how many pieces in a set?', 'product_question'],
  ['en', 'is the gold plated or solid?', 'product_question'],
  ['en', 'i changed my mind, please cancel', 'cancel_order'],
  ['es', 'Buenas noches, compré hace 6 semanas y el paquete no ha sido entregado', 'not_received'],
  ['es', 'ya es más de un mes y no recibo nada', 'not_received'],
  ['es', 'mi paquete dice en tránsito desde hace 20 días', 'not_received'],
  ['es', 'la taza llegó partida en dos', 'damaged'],
  ['es', 'el control no funciona, ya le cambié las pilas', 'damaged'],
  ['es', 'vino todo rayado y con golpes', 'damaged'],
  ['es', 'en la foto se ve mucho mejor, esto es de juguete', 'not_as_described'],
  ['es', 'no corresponde a la descripción del producto', 'not_as_described'],
  ['es', 'me llegó un modelo distinto al que compré', 'wrong_item'],
  ['es', 'pedí dos y me mandaron uno solo', 'wrong_item'],
  ['es', 'solicito la devolución de mi dinero', 'refund_request'],
  ['es', 'ya no lo quiero, devuélvanme el pago', 'refund_request'],
  ['es', 'quisiera cambiarlo por el modelo negro', 'return_exchange'],
  ['es', 'cómo hago la devolución?', 'return_exchange'],
  ['es', 'por qué tengo que pagar impuestos si ya pagué el envío?', 'customs_tax'],
  ['es', 'intenté pagar con PayPal y me da error', 'payment'],
  ['es', 'hacen envíos express?', 'shipping_inquiry'],
  ['es', 'cuánto cuesta el envío a Colombia?', 'shipping_inquiry'],
  ['es', 'es de acero inoxidable?', 'product_question'],
  ['es', 'me sirve para un iphone 11?', 'product_question'],
  ['es', 'cambien la dirección de envío por favor', 'order_change'],
  ['fr', 'Bonjour, commande passée il y a 40 jours, toujours rien reçu', 'not_received'],
  ['fr', 'mon colis est indiqué livré mais je ne l ai pas', 'not_received'],
  ['fr', 'où en est ma commande ? ça fait un mois', 'not_received'],
  ['fr', 'le vase est arrivé brisé', 'damaged'],
  ['fr', "l'appareil est défectueux, il s'éteint tout seul", 'damaged'],
  ['fr', "la couleur n'est pas du tout celle de la photo", 'not_as_described'],
  ['fr', 'le tissu est de très mauvaise qualité, rien à voir', 'not_as_described'],
  ['fr', "j'ai reçu un autre produit que celui commandé", 'wrong_item'],
  ['fr', 'vous vous êtes trompés de taille', 'wrong_item'],
  ['fr', 'remboursez moi immédiatement', 'refund_request'],
  ['fr', 'je veux récupérer mon argent', 'refund_request'],
  ['fr', 'puis-je échanger la taille ?', 'return_exchange'],
  ['fr', 'des frais de douane de 20€ à payer, c’est normal ?', 'customs_tax'],
  ['fr', 'le paiement a été débité deux fois sur mon compte', 'payment'],
  ['fr', 'sous combien de jours vous expédiez ?', 'shipping_inquiry'],
  ['fr', 'est-ce que ça marche avec un iPhone 14 ?', 'product_question'],
  ['fr', 'il fait quelle taille en cm ?', 'product_question'],
  ['fr', "merci beaucoup, j'ai bien reçu, tout est parfait", 'other'],
  ['pt', 'Olá, fiz o pedido há 35 dias e até hoje não recebi', 'not_received'],
  ['pt', 'o correio diz que entregou mas não recebi nada', 'not_received'],
  ['pt', 'minha encomenda tá demorando demais', 'not_received'],
  ['pt', 'o espelho veio rachado', 'damaged'],
  ['pt', 'o controle não funciona nem com pilha nova', 'damaged'],
  ['pt', 'a bolsa é muito diferente das fotos', 'not_as_described'],
  ['pt', 'não é couro de verdade como dizia o anúncio', 'not_as_described'],
  ['pt', 'veio um produto que eu não comprei', 'wrong_item'],
  ['pt', 'pedi azul e chegou rosa', 'wrong_item'],
  ['pt', 'quero a devolução do meu dinheiro', 'refund_request'],
  ['pt', 'me reembolsem por favor', 'refund_request'],
  ['pt', 'posso devolver e pegar outro tamanho?', 'return_exchange'],
  ['pt', 'tive que pagar 80 reais de imposto, vocês reembolsam?', 'customs_tax'],
  ['pt', 'o cartão foi recusado várias vezes', 'payment'],
  ['pt', 'o frete é grátis?', 'shipping_inquiry'],
  ['pt', 'vocês já postaram meu pedido?', 'shipping_inquiry'],
  ['pt', 'essa capa cabe no galaxy s23?', 'product_question'],
  ['pt', 'qual a medida da cintura do tamanho M?', 'product_question'],
  ['pt', 'preciso da nota fiscal', 'other'],
  ['ru', 'Здравствуйте, заказ оформлен 2 месяца назад, до сих пор нет', 'not_received'],
  ['ru', 'почему так долго идёт посылка?', 'not_received'],
  ['ru', 'посылка пропала, трек не меняется', 'not_received'],
  ['ru', 'ваза пришла вся в трещинах', 'damaged'],
  ['ru', 'пульт не работает даже с новыми батарейками', 'damaged'],
  ['ru', 'на фото выглядит совсем иначе, материал дешевый', 'not_as_described'],
  ['ru', 'цвет не совпадает с фото', 'not_as_described'],
  ['ru', 'мне прислали чужой заказ', 'wrong_item'],
  ['ru', 'заказала две штуки, пришла одна', 'wrong_item'],
  ['ru', 'требую вернуть деньги', 'refund_request'],
  ['ru', 'как оформить возврат товара?', 'return_exchange'],
  ['ru', 'с меня требуют растаможку', 'customs_tax'],
  ['ru', 'не проходит оплата картой мир', 'payment'],
  ['ru', 'а доставка бесплатная?', 'shipping_inquiry'],
  ['ru', 'сколько дней ехать до Новосибирска?', 'shipping_inquiry'],
  ['ru', 'какая длина кабеля?', 'product_question'],
  ['ru', 'подойдет ли на xiaomi redmi note 12?', 'product_question'],
  ['ru', 'хочу изменить адрес', 'order_change'],
  ['en', 'Dear seller, my package still shows in transit after 45 days. Please advise', 'not_received'],
  ['en', 'I have not received my item yet', 'not_received'],
  ['en', 'item not received, please resend or refund', 'not_received'],
  ['en', 'where is my stuff bro', 'not_received'],
  ['en', 'the screen protector came cracked', 'damaged'],
  ['en', 'the toy is missing a wheel and the other one is broken off', 'damaged'],
  ['en', 'it powers on but the buttons do nothing', 'damaged'],
  [
    'en',
    'the necklace turned my skin green and the color is peeling, not real silver like you said',
    'not_as_described',
  ],
  ['en', 'the pictures are misleading, this is much smaller', 'not_as_described'],
  ['en', 'i asked for white and you sent gray', 'wrong_item'],
  ['en', 'Wrong product sent. Please fix', 'wrong_item'],
  ['en', 'refund pls', 'refund_request'],
  ['en', 'I demand my money back immediately', 'refund_request'],
  ['en', 'can i return it if it does not fit?', 'return_exchange'],
  ['en', 'I need to swap to a larger size', 'return_exchange'],
  ['en', 'UPS is asking for a brokerage fee and duties', 'customs_tax'],
  ['en', 'why am I paying tax on this?', 'customs_tax'],
  ['en', 'my card was charged but the order shows unpaid', 'payment'],
  ['en', 'does the store accept paypal?', 'payment'],
  ['en', 'when do you usually ship orders?', 'shipping_inquiry'],
  ['en', 'what is the delivery time to Portugal?', 'shipping_inquiry'],
  ['en', 'does the dress have pockets?', 'product_question'],
  ['en', 'is this suitable for kids?', 'product_question'],
  ['en', 'what voltage does it use?', 'product_question'],
  ['en', 'Thanks so much, love it!', 'other'],
  ['es', 'Hola, sigo sin recibir mi pedido, ya van 3 semanas', 'not_received'],
  ['es', 'no ha llegado nada y ya se cumplió la fecha', 'not_received'],
  ['es', 'la silla llegó con una pata rota', 'damaged'],
  ['es', 'los audífonos tienen falla, solo suena uno', 'damaged'],
  ['es', 'no coincide con la foto, el color es otro', 'not_as_described'],
  ['es', 'se nota que es falso, la marca está mal escrita', 'not_as_described'],
  ['es', 'pedí una funda para iphone 13 y me llegó para el 12', 'wrong_item'],
  ['es', 'me llegó la talla equivocada', 'wrong_item'],
  ['es', 'necesito el reembolso urgente', 'refund_request'],
  ['es', 'quiero cambiarlo, no me gustó el color', 'return_exchange'],
  ['es', 'me están cobrando aduana, eso no me dijeron', 'customs_tax'],
  ['es', 'se duplicó el cobro en mi tarjeta', 'payment'],
  ['es', 'hacen envíos a todo el país?', 'shipping_inquiry'],
  ['es', 'cuánto tiempo tarda en llegar a Bogotá?', 'shipping_inquiry'],
  ['es', 'viene con caja original?', 'product_question'],
  ['es', 'qué tamaño tiene la mochila?', 'product_question'],
  ['es', 'muchas gracias, todo perfecto', 'other'],
  ['fr', 'rien reçu à ce jour', 'not_received'],
  ['fr', "colis toujours pas arrivé, c'est inadmissible", 'not_received'],
  ['fr', 'la chaise est arrivée avec un pied cassé', 'damaged'],
  ['fr', "l'écouteur droit ne fonctionne pas", 'damaged'],
  ['fr', "c'est du faux, pas de l'or comme annoncé", 'not_as_described'],
  ['fr', 'la robe est beaucoup plus courte que sur la photo', 'not_as_described'],
  ['fr', "j'ai reçu une coque pour un autre modèle", 'wrong_item'],
  ['fr', 'vous avez envoyé la mauvaise couleur', 'wrong_item'],
  ['fr', 'remboursement svp', 'refund_request'],
  ['fr', 'je veux échanger contre une autre couleur', 'return_exchange'],
  ['fr', 'pourquoi je dois payer la douane ?', 'customs_tax'],
  ['fr', 'mon paiement a échoué', 'payment'],
  ['fr', 'expédition sous combien de jours ?', 'shipping_inquiry'],
  ['fr', 'est-ce que le chargeur est inclus ?', 'product_question'],
  ['fr', 'merci, tout est ok', 'other'],
  ['pt', 'ainda não recebi meu pedido de 2 meses atrás', 'not_received'],
  ['pt', 'minha compra não foi entregue ainda', 'not_received'],
  ['pt', 'a cadeira chegou com o pé quebrado', 'damaged'],
  ['pt', 'o fone direito não funciona', 'damaged'],
  ['pt', 'não tem nada a ver com a foto, muito pior', 'not_as_described'],
  ['pt', 'isso é falso, a marca está errada', 'not_as_described'],
  ['pt', 'pedi capinha do iphone 13 e veio do 12', 'wrong_item'],
  ['pt', 'enviaram a cor errada', 'wrong_item'],
  ['pt', 'quero o estorno urgente', 'refund_request'],
  ['pt', 'quero trocar de cor', 'return_exchange'],
  ['pt', 'tô sendo taxado, ninguém avisou', 'customs_tax'],
  ['pt', 'meu cartão foi cobrado duas vezes', 'payment'],
  ['pt', 'vocês entregam em todo o Brasil?', 'shipping_inquiry'],
  ['pt', 'quanto tempo pra chegar em Curitiba?', 'shipping_inquiry'],
  ['pt', 'vem com caixa?', 'product_question'],
  ['pt', 'qual o tamanho da mochila?', 'product_question'],
  ['pt', 'muito obrigado, chegou certinho', 'other'],
  ['ru', 'посылку до сих пор не получил, 3 недели прошло', 'not_received'],
  ['ru', 'заказ не пришел, что делать?', 'not_received'],
  ['ru', 'стул пришел со сломанной ножкой', 'damaged'],
  ['ru', 'правый наушник не работает', 'damaged'],
  ['ru', 'цвет совсем другой чем на фото', 'not_as_described'],
  ['ru', 'это явная подделка', 'not_as_described'],
  ['ru', 'заказывал чехол на 13 айфон, прислали на 12', 'wrong_item'],
  ['ru', 'прислали неправильный цвет', 'wrong_item'],
  ['ru', 'срочно верните деньги', 'refund_request'],
  ['ru', 'хочу поменять цвет', 'return_exchange'],
  ['ru', 'почему я должен платить таможне?', 'customs_tax'],
  ['ru', 'с карты списали два раза', 'payment'],
  ['ru', 'доставляете по всей России?', 'shipping_inquiry'],
  ['ru', 'сколько времени доставка до Екатеринбурга?', 'shipping_inquiry'],
  ['ru', 'есть коробка в комплекте?', 'product_question'],
  ['ru', 'какой размер у рюкзака?', 'product_question'],
  ['ru', 'спасибо большое, всё дошло', 'other'],
  [
    'en',
    'Good morning, just checking on order #8123456789012345, it should have been here last week',
    'not_received',
  ],
  ['en', 'no package yet, its been 5 weeks', 'not_received'],
  ['en', 'the post office says they have nothing for me', 'not_received'],
  ['en', 'I am still waiting for my shoes, please tell me what happened', 'not_received'],
  ['en', 'Item arrived with the handle snapped off', 'damaged'],
  ['en', 'one of the earbuds has no sound', 'damaged'],
  ['en', 'the fabric ripped after one wash', 'damaged'],
  ['en', 'Very disappointed, looks nothing like the pictures, cheap plastic', 'not_as_described'],
  ['en', 'the item is used, there are fingerprints and scratches from previous owner', 'not_as_described'],
  ['en', 'I ordered a set of 6 and only got 4', 'wrong_item'],
  ['en', 'Got a completely different product than what i bought', 'wrong_item'],
  ['en', 'you guys sent me a size 8 not a 10', 'wrong_item'],
  ['en', 'I want my money returned', 'refund_request'],
  ['en', 'please issue a refund to my paypal', 'refund_request'],
  ['en', 'Is it possible to exchange this for the blue version?', 'return_exchange'],
  ['en', 'where do i send it back to?', 'return_exchange'],
  ['en', 'Customs is holding my package until I pay a fee of 30 euros', 'customs_tax'],
  ['en', 'the delivery guy asked me to pay import VAT', 'customs_tax'],
  ['en', 'checkout keeps failing when i enter my card', 'payment'],
  ['en', 'I see a pending charge but no order in my account', 'payment'],
  ['en', 'How many days to ship to Mexico?', 'shipping_inquiry'],
  ['en', 'Has my order been dispatched yet?', 'shipping_inquiry'],
  ['en', 'do you offer faster delivery?', 'shipping_inquiry'],
  ['en', 'is this the newest model?', 'product_question'],
  ['en', 'what are the dimensions of the box?', 'product_question'],
  ['en', 'will the S size fit a 60kg woman?', 'product_question'],
  ['en', 'hello, are you there?', 'other'],
  ['es', 'hola! ya pasaron 2 meses y mi pedido no llega, que onda?', 'not_received'],
  ['es', 'no recibí mi pedido y en el rastreo dice entregado', 'not_received'],
  ['es', 'mi paquete se quedó en aduana hace un mes y no avanza', 'not_received'],
  ['es', 'el vidrio vino roto en mil pedazos', 'damaged'],
  ['es', 'la tablet no carga y la pantalla parpadea', 'damaged'],
  ['es', 'la ropa es de pésima calidad, no se parece a las fotos', 'not_as_described'],
  ['es', 'es mucho más chico de lo que se ve en la foto', 'not_as_described'],
  ['es', 'recibí unas zapatillas rosas y yo compré blancas', 'wrong_item'],
  ['es', 'me mandaron algo que no pedí', 'wrong_item'],
  ['es', 'quiero que me reembolsen', 'refund_request'],
  ['es', 'regrésenme mi dinero o abro disputa', 'refund_request'],
  ['es', 'me queda grande, puedo cambiarlo por una talla menos?', 'return_exchange'],
  ['es', 'lo puedo regresar?', 'return_exchange'],
  ['es', 'DHL me pide 500 pesos de impuestos para entregarme', 'customs_tax'],
  ['es', 'me cobraron el doble en mi tarjeta', 'payment'],
  ['es', 'puedo pagar en efectivo en oxxo?', 'payment'],
  ['es', 'cuánto se demora en llegar a Lima?', 'shipping_inquiry'],
  ['es', 'qué paquetería usan?', 'shipping_inquiry'],
  ['es', 'este modelo tiene bluetooth?', 'product_question'],
  ['es', 'de cuántos mAh es la batería?', 'product_question'],
  ['es', 'quiero cancelar la orden', 'cancel_order'],
  ['fr', 'Bonjour, je suis toujours sans nouvelles de mon colis', 'not_received'],
  ['fr', 'commande jamais reçue !!!', 'not_received'],
  ['fr', "le suivi indique que c'est livré mais je n'ai rien", 'not_received'],
  ['fr', 'le verre est fendu', 'damaged'],
  ['fr', 'la lampe ne marche plus après 2 jours', 'damaged'],
  ['fr', 'la couleur est complètement différente de celle sur le site', 'not_as_described'],
  ['fr', 'qualité vraiment pas terrible, on dirait du plastique', 'not_as_described'],
  ['fr', "je n'ai reçu que 2 articles sur 3", 'wrong_item'],
  ['fr', "ce n'est pas le modèle que j'ai choisi", 'wrong_item'],
  ['fr', 'je veux être remboursé intégralement', 'refund_request'],
  ['fr', 'je voudrais retourner cet article, il ne me plaît pas', 'return_exchange'],
  ['fr', 'je dois payer 12 euros de taxes pour récupérer le colis', 'customs_tax'],
  ['fr', 'impossible de payer avec ma carte, ça bloque', 'payment'],
  ['fr', 'vous envoyez avec quel transporteur ?', 'shipping_inquiry'],
  ['fr', 'le produit existe en bleu ?', 'product_question'],
  ['fr', 'quelles sont les dimensions exactes ?', 'product_question'],
  ['fr', 'merci pour votre réponse rapide', 'other'],
  ['pt', 'oi, meu pacote não chega nunca, já faz 50 dias', 'not_received'],
  ['pt', 'meu pedido sumiu do rastreio', 'not_received'],
  ['pt', 'a caneca chegou quebrada', 'damaged'],
  ['pt', 'o relógio parou depois de uma semana', 'damaged'],
  ['pt', 'o produto é muito inferior ao que aparece nas fotos', 'not_as_described'],
  ['pt', 'o tecido é horrível, parece papel', 'not_as_described'],
  ['pt', 'mandaram tamanho M e eu pedi G', 'wrong_item'],
  ['pt', 'chegou outro produto, não o que eu comprei', 'wrong_item'],
  ['pt', 'quero ser reembolsado', 'refund_request'],
  ['pt', 'devolvam minha grana', 'refund_request'],
  ['pt', 'quero trocar, ficou apertado', 'return_exchange'],
  ['pt', 'a receita federal cobrou imposto de importação', 'customs_tax'],
  ['pt', 'não consigo finalizar a compra, o cartão dá erro', 'payment'],
  ['pt', 'quanto tempo leva pra chegar em Salvador?', 'shipping_inquiry'],
  ['pt', 'vocês mandam por correios ou transportadora?', 'shipping_inquiry'],
  ['pt', 'esse fone tem cancelamento de ruído?', 'product_question'],
  ['pt', 'qual o material da pulseira?', 'product_question'],
  ['pt', 'obrigada pela atenção', 'other'],
  ['ru', 'Добрый вечер, заказ так и не доставлен', 'not_received'],
  ['ru', 'посылка третью неделю стоит на месте', 'not_received'],
  ['ru', 'часы пришли с разбитым стеклом', 'damaged'],
  ['ru', 'зарядка сгорела через день', 'damaged'],
  ['ru', 'качество очень плохое, ткань просвечивает', 'not_as_described'],
  ['ru', 'размер совсем не такой как в таблице', 'not_as_described'],
  ['ru', 'пришел не тот размер', 'wrong_item'],
  ['ru', 'вместо двух штук пришла одна', 'wrong_item'],
  ['ru', 'верните мне мои деньги!!!', 'refund_request'],
  ['ru', 'хочу поменять на другой размер', 'return_exchange'],
  ['ru', 'надо ли платить пошлину?', 'customs_tax'],
  ['ru', 'оплатил, а статус не оплачен', 'payment'],
  ['ru', 'в какие сроки доставка в Москву?', 'shipping_inquiry'],
  ['ru', 'какой размер на 44?', 'product_question'],
  ['ru', 'это натуральная кожа?', 'product_question'],
  ['ru', 'spasibo, vse prishlo', 'other'],
  ['ru', 'tovar prishel slomannyi', 'damaged'],
  ['ru', 'kogda otpravite moi zakaz?', 'shipping_inquiry'],
  ['en', 'Hey, the seller page says 15 days delivery but I am on day 40 with nothing', 'not_received'],
  ['en', 'i never got the hair clips', 'not_received'],
  ['en', 'tracking shows returned to sender?? I never refused anything', 'not_received'],
  ['en', 'the mirror shattered in transit', 'damaged'],
  ['en', 'the led strip has half the lights dead', 'damaged'],
  ['en', 'these are obviously not leather, feels like cardboard', 'not_as_described'],
  ['en', 'the pics show a big bag, i got a tiny purse', 'not_as_described'],
  ['en', 'instead of the 64gb version you shipped the 32gb one', 'wrong_item'],
  ['en', 'there was a random keychain in the box, not my headphones', 'wrong_item'],
  ['en', 'I just want my money back at this point', 'refund_request'],
  ['en', 'how do i start a return?', 'return_exchange'],
  ['en', 'Royal Mail wants £18 customs charge', 'customs_tax'],
  ['en', 'payment error code 105 at checkout', 'payment'],
  ['en', 'What courier will deliver to Ireland and how long?', 'shipping_inquiry'],
  ['en', 'is it machine washable?', 'product_question'],
  ['en', 'what is the battery life?', 'product_question'],
  ['en', 'please update my delivery address to the new one', 'order_change'],
  ['es', 'Compré un vestido el mes pasado y nunca me llegó', 'not_received'],
  ['es', 'el seguimiento dice que está en el país de destino hace 3 semanas', 'not_received'],
  ['es', 'las gafas llegaron con un lente rayado y la patilla rota', 'damaged'],
  ['es', 'el reloj se atrasa y no funciona el botón', 'damaged'],
  ['es', 'el color no tiene nada que ver con las fotos', 'not_as_described'],
  ['es', 'la tela es transparente, nada que ver con la publicación', 'not_as_described'],
  ['es', 'pedí la versión global y me llegó la china', 'wrong_item'],
  ['es', 'faltan 2 piezas del set', 'wrong_item'],
  ['es', 'devuélvanme el dinero, no quiero esperar más', 'refund_request'],
  ['es', 'me gustaría cambiar el producto por otro modelo', 'return_exchange'],
  ['es', 'por qué me cobran IVA al recibir el paquete?', 'customs_tax'],
  ['es', 'no se procesó mi pago y la orden aparece cancelada', 'payment'],
  ['es', 'cuál es el tiempo estimado de entrega?', 'shipping_inquiry'],
  ['es', 'se puede lavar en lavadora?', 'product_question'],
  ['es', 'es resistente al agua?', 'product_question'],
  ['fr', 'Toujours pas livré, le suivi est bloqué en Chine', 'not_received'],
  ['fr', 'mon colis a été renvoyé à l expéditeur sans raison', 'not_received'],
  ['fr', 'le miroir est arrivé en mille morceaux', 'damaged'],
  ['fr', "la fermeture éclair s'est cassée au premier essai", 'damaged'],
  ['fr', 'ce sac est une copie, la photo montre un autre modèle', 'not_as_described'],
  ['fr', "j'ai reçu un chargeur au lieu des écouteurs", 'wrong_item'],
  ['fr', 'je veux mon argent', 'refund_request'],
  ['fr', 'je souhaite faire un échange de taille', 'return_exchange'],
  ['fr', 'DHL me demande de payer la TVA et des frais', 'customs_tax'],
  ['fr', 'le paiement par paypal ne fonctionne pas', 'payment'],
  ['fr', 'quel est le délai pour la Suisse ?', 'shipping_inquiry'],
  ['fr', 'est-ce lavable en machine ?', 'product_question'],
  ['pt', 'a encomenda está parada em Curitiba há semanas', 'not_received'],
  ['pt', 'comprei e nunca recebi, o vendedor some', 'not_received'],
  ['pt', 'o óculos veio com a lente riscada e a haste quebrada', 'damaged'],
  ['pt', 'o carregador esquenta muito e não carrega', 'damaged'],
  ['pt', 'a bolsa é de material muito inferior ao anunciado', 'not_as_described'],
  ['pt', 'pedi a versão global e veio a chinesa', 'wrong_item'],
  ['pt', 'faltaram duas peças no kit', 'wrong_item'],
  ['pt', 'me devolvam o valor pago', 'refund_request'],
  ['pt', 'gostaria de trocar por outro modelo', 'return_exchange'],
  ['pt', 'fui tributado em 50%, quem paga isso?', 'customs_tax'],
  ['pt', 'o pagamento via pix ficou pendente', 'payment'],
  ['pt', 'qual o prazo de envio?', 'shipping_inquiry'],
  ['pt', 'pode lavar na máquina?', 'product_question'],
  ['pt', "é à prova d'água?", 'product_question'],
  ['ru', 'заказ висит на таможне уже три недели и не двигается', 'not_received'],
  ['ru', 'посылку вернули отправителю, я ничего не отказывался', 'not_received'],
  ['ru', 'очки пришли с поцарапанной линзой', 'damaged'],
  ['ru', 'зарядка сильно греется и не заряжает', 'damaged'],
  ['ru', 'ткань прозрачная, на фото была плотная', 'not_as_described'],
  ['ru', 'заказал глобальную версию, пришла китайская', 'wrong_item'],
  ['ru', 'в наборе не хватает двух деталей', 'wrong_item'],
  ['ru', 'верните оплату за заказ', 'refund_request'],
  ['ru', 'хочу обменять на другую модель', 'return_exchange'],
  ['ru', 'почта просит оплатить таможенную пошлину', 'customs_tax'],
  ['ru', 'платеж завис в обработке', 'payment'],
  ['ru', 'какой срок отправки?', 'shipping_inquiry'],
  ['ru', 'можно стирать в машинке?', 'product_question'],
  ['ru', 'спасибо, продавец супер', 'other'],
];

function evaluate(rows: readonly Row[]): { accuracy: number; misses: string[] } {
  const misses: string[] = [];
  for (const [language, text, expected] of rows) {
    const result = classifyIntent(text, language);
    if (result.category !== expected) {
      misses.push(
        `[${language}] "${text}" -> ${result.category} (${result.confidence}), expected ${expected}`,
      );
    }
  }
  return { accuracy: (rows.length - misses.length) / rows.length, misses };
}

describe('classifyIntent: table of buyer messages', () => {
  it('spreads the table over all 13 categories and the five languages', () => {
    for (const category of CATEGORIES) {
      expect(TABLE.filter(([, , c]) => c === category).length, category).toBeGreaterThanOrEqual(5);
    }
    for (const language of ['en', 'es', 'fr', 'ru', 'pt'] as const) {
      expect(TABLE.filter(([l]) => l === language).length, language).toBeGreaterThanOrEqual(20);
    }
  });

  it(`labels at least 90% of the ${TABLE.length} rows correctly`, () => {
    const { accuracy, misses } = evaluate(TABLE);
    expect(accuracy, `accuracy ${accuracy.toFixed(3)}, misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(
      0.9,
    );
  });

  it('labels every clear row correctly and without abstaining', () => {
    const clear = TABLE.filter((row) => row[3] === true);
    expect(clear.length).toBeGreaterThanOrEqual(60);
    const problems = clear
      .map(([language, text, expected]) => ({ text, expected, result: classifyIntent(text, language) }))
      .filter(({ expected, result }) => result.category !== expected || result.abstained)
      .map(
        ({ text, expected, result }) =>
          `"${text}" -> ${result.category} abstained=${result.abstained}, expected ${expected}`,
      );
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it(`labels at least 90% of ${MORE.length} noisier messages correctly`, () => {
    const { accuracy, misses } = evaluate(MORE);
    expect(accuracy, `accuracy ${accuracy.toFixed(3)}, misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(
      0.9,
    );
  });
});

describe('classifyIntent: what the buyer asks for', () => {
  it('separates a late parcel from a pre-sale shipping question', () => {
    expect(classifyIntent('How long does shipping to Chile take?', 'en').category).toBe('shipping_inquiry');
    expect(classifyIntent("Where is my parcel? It's been 6 weeks", 'en').category).toBe('not_received');
    expect(classifyIntent('¿cuánto tarda el envío a Chile?', 'es').category).toBe('shipping_inquiry');
    expect(classifyIntent('¿dónde está mi paquete? hace un mes que no llega', 'es').category).toBe(
      'not_received',
    );
  });

  it('lets an explicit request win over the description of the problem', () => {
    expect(classifyIntent('it came broken and i want a refund', 'en').category).toBe('refund_request');
    expect(classifyIntent('llegó roto, quiero que me devuelvan el dinero', 'es').category).toBe(
      'refund_request',
    );
  });

  it('understands negated requests', () => {
    expect(classifyIntent("I don't want a refund, I want a replacement", 'en').category).toBe(
      'return_exchange',
    );
  });
});

describe('classifyIntent: matching', () => {
  it('ignores accents and case', () => {
    const accented = classifyIntent('Todavía no llegó mi pedido', 'es');
    const plain = classifyIntent('TODAVIA NO LLEGO MI PEDIDO', 'es');
    expect(accented.category).toBe('not_received');
    expect(plain.category).toBe(accented.category);
    expect(plain.confidence).toBe(accented.confidence);
  });

  it.each([
    ['es', 'no ha llegado'],
    ['es', 'no me llegó'],
    ['es', 'nunca llegaron'],
    ['pt', 'não chegou'],
    ['pt', 'ainda não chegaram'],
    ['fr', "n'est jamais arrivée"],
    ['fr', 'toujours pas arrivé'],
    ['ru', 'не пришла'],
    ['ru', 'так и не пришёл'],
    ['en', "hasn't arrived"],
    ['en', 'never arrived'],
  ] as const)('matches inflections: %s "%s" -> not_received', (language, text) => {
    expect(classifyIntent(text, language).category).toBe('not_received');
  });

  it.each([
    ['pt', 'veio quebrado'],
    ['pt', 'chegou quebrada'],
    ['pt', 'quebrou no primeiro dia'],
    ['ru', 'сломался'],
    ['ru', 'пришла сломанная'],
    ['en', 'it cracked'],
  ] as const)('matches stems: %s "%s" -> damaged', (language, text) => {
    expect(classifyIntent(text, language).category).toBe('damaged');
  });

  it('does not count negated damage words', () => {
    const result = classifyIntent('the box is not broken', 'en');
    // No lexicon cue for "broken" under "not"; the trained model alone may still lean to damaged
    // ("box ... broken"), but never with confidence.
    expect(result.evidence.some((e) => e.startsWith('damaged:'))).toBe(false);
    if (result.category === 'damaged') expect(result.confidence).toBeLessThan(0.6);
  });

  it('keeps the message language first but still sees cues of another language', () => {
    const native = classifyIntent('el producto llegó roto', 'es');
    const fallback = classifyIntent('el producto llegó roto', 'en');
    expect(native.category).toBe('damaged');
    expect(fallback.category).toBe('damaged');
    expect(fallback.confidence).toBeLessThan(native.confidence);
  });

  it('explains its decision with the matched phrases', () => {
    const result = classifyIntent('Посылка пришла, но экран разбит', 'ru');
    expect(result.evidence.some((e) => e.startsWith('damaged:"разбит"'))).toBe(true);
  });
});

describe('classifyIntent: abstention', () => {
  it('abstains with other when nothing matches', () => {
    for (const text of ['ok', '👍', '8123456789012345']) {
      const result = classifyIntent(text, 'en');
      expect(result.category).toBe('other');
      expect(result.abstained).toBe(true);
      expect(result.confidence).toBeLessThan(INTENT_ABSTAIN_BELOW);
    }
  });

  it('abstains on a weak cue but keeps the best guess', () => {
    const result = classifyIntent('the photo', 'en');
    expect(result.category).toBe('not_as_described');
    expect(result.abstained).toBe(true);
  });

  it('abstains when two categories tie', () => {
    // The buyer names both. Bare "refund or exchange" stopped tying once blind-11 joined the leak
    // guard (37 training lines near it dropped): the retrain reads it as return_exchange at 0.966 with
    // refund_request at 0.01, below the exact-tie floor; this phrase (no training line has it) still
    // ties (0.824 against 0.076).
    const result = classifyIntent('refund or exchange, your choice', 'en');
    expect(result.abstained).toBe(true);
    expect(['return_exchange', 'refund_request']).toContain(result.category);
    expect(result.evidence.some((e) => e.startsWith('tie:'))).toBe(true);
  });

  it('keeps confidence within [0, 1] and consistent with abstention', () => {
    for (const [language, text] of [...TABLE, ...MORE]) {
      const result = classifyIntent(text, language);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      if (result.confidence < INTENT_ABSTAIN_BELOW) expect(result.abstained).toBe(true);
    }
  });
});

describe('classifyIntent: the wrapper of a request does not decide its category', () => {
  // Written for this test (not in any corpus): one request, dressed in the politeness buyers add.
  const REQUESTS: ReadonlyArray<[Language, string, Category, readonly string[]]> = [
    [
      'en',
      'cancel my order',
      'cancel_order',
      [
        'can you help me {}',
        'i want to {} please',
        'hello, please check: {}',
        'I would like to {}, thank you so much',
      ],
    ],
    [
      'en',
      'change my shipping address',
      'order_change',
      ['can you help me {}?', 'i want to {}', 'hi, could you please {}', 'I need assistance, {} thanks'],
    ],
    [
      'en',
      'my parcel never arrived',
      'not_received',
      ['can you help me? {}', 'hello, i want to say {}', 'please check, {}'],
    ],
    [
      'es',
      'cancelen mi pedido',
      'cancel_order',
      ['hola buenas, {} porfa', 'me pueden ayudar? {}', 'quisiera que {}'],
    ],
    [
      'fr',
      "changer l'adresse de livraison",
      'order_change',
      ['bonjour, je voudrais {}', 'pouvez-vous {} svp ?'],
    ],
    [
      'ru',
      'отмените заказ',
      'cancel_order',
      ['здравствуйте подскажите, {}', 'помогите пожалуйста, {}', '{} пожалуйста, спасибо'],
    ],
    [
      'pt',
      'mudar o endereço de entrega',
      'order_change',
      ['oi, podem me ajudar a {}?', 'quero {} por favor'],
    ],
  ];

  it.each(REQUESTS)('[%s] "%s" stays %s whatever is around it', (language, request, expected, wrappers) => {
    expect(classifyIntent(request, language).category).toBe(expected);
    for (const wrapper of wrappers) {
      const text = wrapper.replace('{}', request);
      expect(classifyIntent(text, language).category, text).toBe(expected);
    }
  });

  it('does not turn politeness alone into a dispute with a confident answer', () => {
    for (const [language, text] of [
      ['en', 'can you help me'],
      ['en', 'i want to know, please check'],
      ['es', 'hola buenas, me pueden ayudar'],
      ['ru', 'здравствуйте подскажите пожалуйста'],
      ['pt', 'oi, tudo bem? preciso de ajuda'],
    ] as const) {
      const result = classifyIntent(text, language);
      expect(result.abstained || result.category === 'other', `${text} -> ${result.category}`).toBe(true);
    }
  });
});

describe('classifyIntent: out-of-scope messages', () => {
  const DISPUTES: ReadonlySet<Category> = new Set([
    'not_received',
    'damaged',
    'not_as_described',
    'wrong_item',
    'refund_request',
    'payment',
  ]);
  const OUT_OF_SCOPE: ReadonlyArray<[Language, string]> = [
    ['en', 'how do I change my password for the account'],
    ['en', 'please take me off your mailing list'],
    ['en', 'let me talk to an actual person'],
    ['en', 'the app crashes every time I try to log in'],
    ['es', 'olvidé la contraseña de mi cuenta'],
    ['fr', 'je veux parler à un conseiller humain'],
    ['ru', 'не приходят письма для входа в аккаунт'],
    ['pt', 'o site não abre no meu celular'],
  ];

  it.each(OUT_OF_SCOPE)(
    '[%s] "%s" lands in other or abstains, never in a confident dispute',
    (language, text) => {
      const result = classifyIntent(text, language);
      const confidentDispute = DISPUTES.has(result.category) && !result.abstained && result.confidence >= 0.9;
      expect(confidentDispute, `${result.category} ${result.confidence}`).toBe(false);
    },
  );
});
