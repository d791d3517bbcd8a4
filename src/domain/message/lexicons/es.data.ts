import type { Lexicon, LexiconWords } from './types.js';

/** Spanish intent cues per category, in the pattern language of `../intent-patterns.ts`. */
export const ES: Lexicon = {
  not_received: `
    3 !lleg*; 3 !recib*; 2 !vino|vinieron|viene|venido; 2.5 !entreg*
    2.5 donde .. pedido|paquete|compra|orden|envio|producto|encargo|paquetes|pedidos|cosa; 1.5 donde
    2.5 perdid*|perdio|perdieron|extravi*; 2.5 sigo|seguimos|sigue|estoy|llevo .. esperando; 2 espero|esperando .. paquete|pedido|compra|envio; 1.5 y nada; 2.5 sigue|siguen sin; 1.5 esperando
    1.5 # dias|semanas|meses|mes|semana; 1.5 hace .. dias|semanas|meses|mes|tiempo; 1 todavia|aun|ya; 1.5 retras*|atrasad*
    2.5 dice|aparece|figura|sale|marca .. entregado; 1.5 !actualiz*|mueve|avanza|cambia; 1.5 atascad*|detenid*|parad*|estancad*
    2 retenid*; 1.5 cuando .. llega*; 2 nada todavia|aun; 1 reenvi*
    1.5 noticias; 3 devuelto|devuelta|regresado .. remitente; 2.5 fecha .. entrega .. paso|vencio|pasada|pasado; 2 !aparece|aparecio; 3 seguimiento|rastreo|tracking|guia|codigo .. no funciona|sirve|aparece|existe; 1 que paso|pasa
    2.5 tarda|tardando|demora|demorando .. tanto|mucho; 2 tanto tiempo
    1.5 demorad*; 1 en camino; 1 transito`,
  damaged: `
    3 ^roto|rota|rotos|rotas; 2.5 ^rompi*|rompe|romp*; 3 ^danad*|dano|danos; 3 !funciona*|sirve|prende|enciende|anda
    2 !carga; 2.5 ^defectuos*|defecto|defectos|falla|fallas|fallo; 2.5 ^quebrad*|estrellad*|rajad*|agrietad*|trizad*
    2 ^golpead*|abollad*|aplastad*|rayad*|manchad*|descosid*|rasgad*; 3 mal estado; 3 dejo|dejaron|deja de funcionar|servir|prender|cargar|andar|encender; 2 se rompio|despego|descosio|cayo|salio
    1.5 ^mojad*
    2 pantalla negra; 2 se calienta|sobrecalienta; 2.5 ^fallando; 2.5 hecho pedazos|trizas; 2.5 destrozad*|astillad*|despedazad*; -3 seguimiento|rastreo|tracking|guia|codigo .. no funciona|sirve
    2.5 ^partid*|partio; 1 en dos
    2 ^oxidad*; 2.5 descompuest*|descompuso; 2 ^despegad*|descosid*; 2 ^mohos*
    2.5 pedazos|pedacitos|anicos
    2.5 prende|prenden|enciende|encienden|funciona|anda .. mitad`,
  not_as_described: `
    3 !igual .. foto|fotos|imagen|imagenes|descripcion|anuncio|publicacion; 3 !como .. foto|fotos|imagen|descripcion|anuncio|publicacion|describ*|muestra*
    3 !coincid*|corresponde; 3 !parec*; 3 ^falso|falsa|falsos|falsificad*|imitacion|copia|replica|trucho|chafa|pirata
    2.5 !original; 2.5 mas|muy|mucho .. pequen*|chic*|chiquit*|diminut*|delgad*|fin*|cort*|grande
    2.5 mala|pesima|baja|horrible .. calidad; 2.5 calidad .. mala|pesima|horrible|baja|malisima; 2.5 engan*
    1.5 descripcion|anuncio|publicacion|describe|descrito; 1 foto|fotos|imagen|imagenes; 1 diferente|distinto
    2.5 no es lo que .. anuncia*|muestra*|describ*|dice; 1 estafa; 1.2 muy|demasiado .. chico|pequeno|grande|apretado
    3 nada que ver; 2 lo que .. muestran|muestra|anuncian|anuncia|dicen|describe|ofrecen; 2 material .. malo|barato|pesimo|feo|plastico; 3 diferente|distinto .. foto*|imagen*|anunci*|descrip*|publicaci*
    2 se ve .. mejor|diferente|distinto|distinta|grande; 2 de juguete; 2 foto|fotos|imagen .. mejor; 1.5 barato|barata|baratos|baratas
    2 ^usado|usada|usados|usadas; 2 no corresponde; 2.5 incomplet*
    1 calidad
    2.5 !cuero|piel|algodon|oro|plata|metal|madera|vidrio|acero|lana|seda
    2.5 dice|decia|dicen|decian|anuncia*|publica*|descripcion .. cuero|algodon|metal|plata|oro|madera|acero|inox*|impermeable|original|originales|seda|vidrio|piel|gb|mah; 2.5 pero|y es|son .. plastico|sintetic*|falso|falsa|falsos|poliester|copia|imitacion|carton
    2.5 mas pequen*|mas chic*|mas grande*|menor|menores|mayor|mayores .. que .. tabla|guia|foto|fotos|descripcion|publicacion
    2.5 se supone|suponia; 2.5 deberia|tenia .. ser .. pero|y`,
  wrong_item: `
    2.5 equivocad*|incorrect*|errone*|erron*; 2.5 otro|otra .. modelo|color|talla|producto|articulo|cosa|tamano|numero
    2 pedi|ordene|compre|encargue|solicite|elegi|queria ... ^mandaron|enviaron|llego|vino|recibi|llegaron|mandan|envian|llega|mando|envio
    3 no es|era lo que .. pedi|compre|ordene|encargue|elegi; 2 falta|faltan|faltaba|faltaban|falto|faltante*
    2 vacio|vacia; 2 solo .. llego|vino|llegaron|recibi|mandaron; 2.5 en lugar|vez de; 1 diferente|distinto; 2 confundi*|confusion
    1 error; 2.5 no pedi|ordene|compre|encargue|solicite; 2.5 diferente|distinto|distinta|diferentes|distintos .. que .. pedi|compre|ordene|elegi|encargue
    2.5 no es el|la|los|las que .. pedi|compre|ordene|elegi
    2 ^mandaron|enviaron|llego|recibi|vino ... pedi|compre|ordene|elegi|encargue
    3 no es|era .. mi|mio|mia .. pedido|paquete|orden|compra; 2.5 otra persona; 2.5 otro cliente
    2.5 vino|vinieron|llego|llegaron|viene|mandaron|enviaron .. sin; 2.5 no .. venia|venian|incluia|traia`,
  refund_request: `
    3 reembols*; 3.5 devol*|devuelv*|regres*|reintegr* .. dinero|plata|pago|importe|lana; 2.5 mi dinero|plata
    1.5 quiero|necesito|exijo|solicito|den|deme .. dinero|reembols*|plata; 2.5 reintegr*; 2 compensaci*|indemniz*
    -3 no quiero .. reembols*|dinero|plata
    3 devolver|devuelvan|devuelva|devuelvanme|regresen|regresar|reintegr* ... envio|costo|importe|valor|diferencia|pago|cobro`,
  return_exchange: `
    2.5 devolver|devolucion|devuelvo|devolverlo|devolverla|devolverlos|devoluciones|devuelva|devuelvan|regresar|regresarlo
    2 cambi*; 1.5 cambiarlo|cambiarla|cambiarlos|cambiarlas|cambiármelo|cambiarmelo; 1.5 cambio|cambiar .. por|talla|color|modelo; 2 reemplaz*|sustitu*|repon*; 1 reenvi*; 1.5 otra|otro .. talla|tamano|numero; 1.5 talla mas .. grande|chica|pequena
    1.5 me queda|quedo|quedan .. chico|chica|grande|pequeno|pequena|apretado|justo|corto|largo; 1.5 !queda|quedo
    2.5 mandar|enviar|mando|envio|regresar .. de vuelta; 2.5 mandar|enviar|mando|envio .. devuelta; -2.5 devol*|devuelv*|regres* .. dinero|plata|pago|importe|lana
    -2 cambi* .. direccion|domicilio
    -2.5 devuelto|devuelta|regresado .. remitente
    2.5 mandenme|envienme|manden|envien|mandame|enviame|mandar|enviar|reenvien|reenviar|reponer .. otro|otra|nuevo|nueva|reemplazo|repuesto`,
  customs_tax: `
    3 aduana|aduanas|aduanal|aduanero; 3 impuest*; 3 arancel*; 2.5 iva; 2.5 tasa|tasas; 2 tributo*
    2 cargo|cargos .. importacion|extra|extras|adicional|adicionales; 2 pagar .. aduana|impuest*|iva|tasa|tasas
    2 dian|sunat|afip|senae|sii; 2 importacion|importaciones; 1.5 franquicia; 1.5 correo|correos .. cobr*
    2.5 desaduan*; 2 nacionalizacion`,
  payment: `
    3 pago|tarjeta|transaccion|compra .. rechaz*|fall*|error|declin*|problema|pendiente; 3 cobr* .. veces|doble|demas|duplicad*
    3 cobro|cargo .. doble|duplicado; 2.5 !pagar|pago|pague|pagarlo; 2.5 descontaron|debitaron|cargaron; 1.5 tarjeta
    1.5 mercadopago|paypal|oxxo|pse; 1.5 mercado pago; 1.5 transferencia; 2 cuotas; 2 meses sin intereses; 1.5 cupon|descuento; 1.5 pago
    2 pague .. pero; 1 cobr*
    2.5 pagar|pague|pago|pagando .. error|falla|fallo|problema|rechaz*
    2 pagar|pago .. con .. paypal|tarjeta|oxxo|transferencia|efectivo|mercado|debito|credito
    2.5 !proceso|procesado|procesada|procesaron|procesar
    3 cargo|cargos|cobro|cobros|pago|debito|retencion .. pendiente|pendientes|retenido|retenida; 2.5 cobr*|cargo|descont* .. cancele|cancelado|cancelada
    2.5 facturacion; 2.5 codigo .. verificacion|seguridad|sms; 2.5 al pagar|pagarlo`,
  shipping_inquiry: `
    3 cuanto .. tarda*|demora*|tiempo|tardan|demoran; 3 hacen|haceis|realizan .. envio|envios
    2.5 envian|envias|mandan|envia|manda|llegan|llega .. a; 2.5 costo|precio|valor|cuesta .. envio
    2.5 envio gratis; 2.5 tiempo|plazo|fecha|dias .. entrega|envio|llegada; 2.5 metodo|forma|tipo|empresa|opciones .. envio; 2.5 cuando .. envi*|mand*|despach*
    2 ya .. enviaron|despacharon|mandaron|enviado|despachado; 1.5 numero de seguimiento|guia|rastreo
    2.5 pasa|pasan|envia|envian|da|dan|manda|mandan|dar|pasar .. seguimiento|guia|rastreo|tracking
    1 dhl|fedex|estafeta|correo|correos|cainiao; 1.5 envio|envios; 1.5 cuando .. llega*
    2.5 cuantos dias|semanas; 2 paqueteria|transportadora|courier
    2 cuando .. sale|salen; 2 despach*
    2.5 junt*|combin*|agrup* .. envio|envios|pedidos|paquete|paquetes|compras; 2 envi*|mand* .. junto|juntos
    2.5 opciones|formas|metodos .. entrega|envio`,
  product_question: `
    2.5 ^sirve|sirven .. para|con|en; 2.5 compatible|compatibles; 2.5 que|cual|cuales .. talla|tallas|tamano|medida|medidas|material|color|colores|modelo
    2.5 tabla|guia .. tallas|medidas; 2 ^es|son .. original|impermeable|resistente|sumergible|cuero|oro|plata|algodon|ajustable|recargable|inalambric*
    1.5 tienen|tiene|hay; 2.5 stock|disponible|disponibles|disponibilidad|existencia; 2.5 trae|incluye|incluyen; 2.5 viene|vienen con
    2.5 cuanto .. mide|pesa|miden; 2.5 como .. usa|instala|conecta|carga|uso|funciona; 1.5 garantia
    2.5 mido|calzo; 2 peso # kg|kilos; 2.5 uso|usa talla; 2.5 ^funciona|funcionan .. con|en|para; 0.5 cual|cuales
    2 de que .. material|tela|hecho|hecha; 1.5 material|tela; 2 bateria|pila .. dura|duracion; 2.5 viene|vienen .. con|en
    1.5 ^acero|inoxidable|metal|plata|oro|cuero|algodon|silicona|plastico|madera|vidrio
    2 recomiendan|recomienda|recomiendas; 2 medidas
    1.5 mah|gb|watts|pulgadas|bluetooth|wifi; 2.5 cancelacion de ruido
    2.5 como .. conect*|instal*|configur*|emparej*|vincul*|arm*|enciend*|prend*|carg*|ajust*|lav*
    2.5 que|cual|cuanta|cuantos .. potencia|watts|voltaje|resolucion|brillo|velocidad|capacidad
    2.5 muestra|soporta|reproduce|graba|admite|trae`,
  cancel_order: `
    3.5 ^cancelar|cancelen|cancela|cancele|cancelarlo|cancelarla|cancelacion|cancelenlo|cancelalo|cancelelo; 1 cancelad*
    3.5 ^anular|anulen|anula|anule|anularlo|anulacion|anulenlo; 1 anulad*; -3 cancelacion de ruido
    2.5 compre|pedi|ordene .. por error|equivocacion; 2 me arrepenti|arrepentido|arrepentida; 2.5 !quiero|necesito .. pedido|compra|producto
    2 ya no .. quiero|necesito; 2.5 no .. envien|manden|despachen; 2.5 detener|parar .. envio|pedido
    -2.5 cancel*|anul* .. suscripcion|boletin|cuenta|correos`,
  order_change: `
    3 cambi*|corregir|modificar|actualizar .. direccion|domicilio|codigo postal; 3 direccion .. equivocad*|incorrect*|mal|erronea|vieja|nueva|antigua
    2.5 me mude|mudo|mudamos|mudanza; 2.5 nueva direccion; 2 enviar|mandar .. a .. otra|nueva|otro
    2.5 cambi*|modificar .. talla|color|modelo|variante|cantidad|pedido; 1.5 antes .. envi*|mand*|despach*|salga
    2.5 agregar|anadir|quitar|sumar .. pedido; 2 uno mas|menos`,
  other: `
    2.5 factura|boleta; 2 mayoreo|mayorista; 2 por mayor; 1 gracias; 1 excelente|perfecto|perfecta|genial|bien|contento|contenta; 1 ^llego|llegaron
    1 ^recibi|recibido; 1 descuento|cupon; 1 respond*|contest*
    3 hay alguien; 2.5 alguien .. ahi|alli|aqui; 2.5 estan|siguen ahi
    3 cambiar|actualizar|modificar|corregir .. telefono|celular|nombre|correo|email|datos|contacto; 1 hola|buenas|buenos`,
};

/** Spanish words the patterns share: spelled-out counts, negations, colours and "I ordered" verbs. */
export const ES_WORDS: LexiconWords = {
  numbers: 'un una uno dos tres cuatro cinco seis siete ocho nueve diez varias varios',
  negators: 'nunca nada ni sin tampoco jamas ningun ninguna nadie',
  colours:
    'roj* azul* verde* negr* blanc* amarill* rosa* morad* gris* cafe marron naranja dorad* platead* beige celeste',
  orderedVerbs: 'pedi compre ordene elegi encargue queria seleccione escogi',
};
