import type { Lexicon, LexiconWords } from './types.js';

/** Portuguese intent cues per category, in the pattern language of `../intent-patterns.ts`. */
export const PT: Lexicon = {
  not_received: `
    3 !cheg*; 3 !receb*; 2.5 !entreg*; 2.5 !veio|vieram; 2.5 cade; 2.5 onde .. pedido|encomenda|pacote|produto|compra|encomendas|pedidos
    2.5 extravi*|perdid*|sumiu; 2.5 ainda .. esperando|aguardando; 1.5 esperando|aguardando; 1.5 # dias|semanas|meses|mes|semana
    1.5 faz|ha .. dias|semanas|meses|tempo|mes; 1.5 mais de .. dias|semanas|meses|mes|semana; 1.5 atras*|demor*; 2.5 consta|diz|aparece|mostra|esta .. entregue
    1.5 parad*|travad*; 1.5 !atualiz*|mexe|muda; 2 retid*|fiscaliza*; 2.5 ainda nada; 2.5 nada ainda; 1.5 quando .. cheg*; 1 ainda
    2.5 nada do|da .. pedido|encomenda|pacote|produto|compra; 2 ate agora|hoje nada; 1 o que houve|aconteceu; 2.5 prazo .. passou|venceu|expirou|estourou|acabou; 3 devolvido|devolvida ao remetente; 2 nao localizado; 2 !aparece; 3 rastreio|codigo|rastreamento .. nao funciona|aparece|existe
    2.5 demor* .. demais|muito|tanto
    1 transito
    2.5 rastreio|rastreamento .. parou|sumiu
    2 e o|meu|a|minha pedido|encomenda|pacote|produto|compra`,
  damaged: `
    3 ^quebr*; 3 ^danific*; 3 ^estrag*; 3 !funciona|funcionam|funcionou; 2.5 ^defeit*; 2.5 ^trinc*|rachad*
    2 ^amassad*; 2 ^riscad*; 2 ^rasgad*|furad*|descosturad*; 2.5 !liga|ligou|acende; 2 !carrega; 1.5 ^manchad*
    3 com defeito; 3 parou|pararam de funcionar|ligar|carregar|pegar; 2 vazand*|vazou; 1.5 molhad*
    2 tela preta; 2 esquent*|superaquec*; 2 travand*|trava; 2.5 estilhac*|despedac*|lascad*; -3 rastreio|codigo|rastreamento .. nao funciona
    2 ^enferruj*|mofad*; 1.5 !fecha|fechar; 2 ^descol*|solt*
    2 ^parou; 1 depois de
    2.5 pedacos|cacos
    2.5 acende|acendem|liga|funciona .. metade`,
  not_as_described: `
    3 !igual .. foto|fotos|anuncio|descricao|imagem|imagens; 3 !parec*; 3 !condiz*|corresponde*|confere; 3 !conforme
    3 diferente .. foto|fotos|anuncio|descricao|imagem; 2.5 ^falsificad*|falso|falsa|replica|pirata|fake
    2.5 !original; 2.5 menor|maior|fino|fina|curto|curta .. que; 2.5 bem|muito menor|maior
    2.5 qualidade .. pessima|ruim|horrivel|baixa|porcaria; 2.5 pessima|baixa|ma .. qualidade; 1 foto|fotos|imagem
    1.5 anuncio|descricao|descrito; 2.5 engan*; 1 diferente; 1.2 muito|bem .. pequeno|grande|apertado
    2 material .. fraco|ruim|barato|horrivel|vagabundo; 1.5 vagabund*; 3 diferente .. anunci*|descri*|foto*|imag*; 3 nada a ver
    2.5 !verdadeiro|verdadeira|legitimo|legitima; 2.5 !de verdade; 1.5 como .. dizia|diz|mostra|mostrava .. anuncio|foto|descricao; 2 parece de brinquedo; 2 foto|fotos .. melhor|parece
    2 ^usado|usada; 1.5 veio|chegou .. menor|maior|pequeno|pequena
    2 tecido|material .. horrivel|ruim|fino|fraco|vagabundo; 1.5 horrivel|horroroso|pessimo|pessima; 1 qualidade; 1 parece; 2.5 inferior
    2.5 !couro|algodao|ouro|prata|metal|madeira|vidro|aco|la|seda
    2.5 diz|dizia|fala|falava|anuncia*|descri* .. couro|algodao|metal|prata|ouro|madeira|aco|inox|prova|original|originais|seda|vidro|gb|mah; 2.5 mas|e e .. plastico|sintetico|falso|falsa|falsos|poliester|copia|imitacao|papelao
    2.5 menor|menores|maior|maiores .. que .. tabela|guia|foto|fotos|anuncio|descricao
    2.5 era pra|para .. ser; 2.5 deveria .. ser .. mas|e`,
  wrong_item: `
    2.5 errad*; 2.5 outro|outra .. cor|modelo|tamanho|produto|numero|item; 2 pedi|comprei|escolhi|encomendei|queria ... ^veio|mandaram|enviaram|recebi|chegou|vieram|mandou
    3 nao e|era .. o que|oque .. pedi|comprei|escolhi; 2.5 em vez|lugar de; 2.5 ao inves; 2 falt*; 2 vazi*
    2 so .. veio|chegou|vieram|mandaram|recebi; 2 trocad*; 1 diferente; 1.5 engano; 2.5 nao pedi|comprei|encomendei|escolhi; 2.5 diferente .. que .. pedi|comprei|escolhi
    2.5 incomplet*
    2 ^mandaram|enviaram|veio|chegou|recebi ... pedi|comprei|escolhi|encomendei
    3 nao e|era .. meu|minha|meus|minhas; 2.5 outra pessoa; 2.5 outro cliente
    2.5 veio|vieram|chegou|chegaram|mandaram|enviaram .. sem; 2.5 nao .. veio|vinha|incluia|acompanha`,
  refund_request: `
    3 reembols*; 3 estorn*; 3.5 devol*|devolv* .. dinheiro|grana|valor; 3.5 dinheiro de volta; 2.5 meu dinheiro; 2.5 ressarc*
    1.5 quero|preciso|exijo .. dinheiro|reembols*|estorno; -3 nao quero .. reembols*|dinheiro|estorno`,
  return_exchange: `
    2.5 devolv*|devoluc*; 3 troca|trocar|troco|trocam|trocaria|trocala|trocalo; 2 substitu*; 1.5 outro|outra .. tamanho|cor|numero; 2 tamanho|numero maior|menor
    2 !serviu|serve; 1.5 ficou .. pequeno|pequena|grande|apertado|apertada|curto; 2.5 mandar|enviar|mando .. de volta
    1 reenvi*; -2.5 devol*|devolv* .. dinheiro|grana|valor; -2 troc*|mudar .. endereco
    -2.5 devolvido|devolvida ao remetente
    2.5 mandem|manda|mande|enviem|envie|envia|mandar|enviar|reenviem|reenviar .. outro|outra|novo|nova|substitut*`,
  customs_tax: `
    3 alfandeg*; 3 impost*; 3 taxa|taxas|taxado|taxada|taxaram|taxacao|taxou; 2.5 tribut*; 3 iof; 3 icms
    2.5 remessa conforme; 2.5 receita federal; 1.5 despacho; 2 correios .. cobr*; 2 darf; 2 pagar .. taxa|imposto|alfandega`,
  payment: `
    3 pagamento|cartao|transacao|pix|boleto .. recus*|negad*|falh*|erro|problema|pendente; 2.5 !aprovad*|aprovou|aprova
    3 cobr* .. vezes|duplic*|dobro; 2.5 !pagar|pago|paguei|pagamento; 2 boleto; 2 pix; 1.5 cartao; 2.5 debitad*|descontad*|cobraram
    2 parcel*; 1.5 fatura; 1.5 pagamento; 1.5 paguei .. mas; 1.5 cupom|desconto
    2 !compens*|compensou
    2 pagar com|no|via|pelo|pela
    2.5 !processado|processou|processar
    3 dinheiro|valor .. saiu|debitado|descontado|cobrado .. conta|cartao; 2 pedido .. nao aparece
    3 cobranca|cobrancas|pagamento|debito|compra .. pendente|pendentes; 2.5 cobr*|debit*|descont* .. cancelei|cancelado|cancelada
    2.5 cobranca .. endereco|dados; 2.5 endereco .. cobranca; 2.5 codigo .. verificacao|seguranca|sms; 2.5 hora .. de .. pagar`,
  shipping_inquiry: `
    2.5 quanto .. tempo|dias|demor*|leva; 2.5 prazo .. entrega|chegar|envio; 1.5 prazo; 2.5 enviam|entregam|mandam|entrega|envia .. para|pro|pra|em|todo
    2.5 frete; 3 frete gratis; 2.5 quando .. envi*|mand*|despach*|postar|posta|postam; 2 ja .. enviad*|postad*|despachad*|enviou|postou|postaram|enviaram|despacharam|mandaram
    2.5 manda|envia|passa|mandar|enviar|passar .. rastreio|codigo; 1.5 codigo de rastreio|rastreamento; 2.5 forma|metodo|tipo|transportadora .. envio|entrega
    1 correios|sedex|jadlog|cainiao; 1.5 envio; 1.5 quando .. cheg*
    2.5 quantos dias|semanas; 2.5 transportadora
    2 postagem|postar
    2.5 mand*|envi* .. junto|juntos; 2.5 junt*|combin* .. frete|envio|pedidos
    2.5 opcoes|formas|metodos .. entrega|envio|frete`,
  product_question: `
    2.5 ^serve|servem .. no|na|em|para|pra|pro; 2.5 compativel|compativeis; 2.5 qual|quais .. tamanho|material|cor|cores|medida|medidas|numero|modelo|voltagem
    2.5 tabela .. medidas|tamanhos; 1.5 tem|temos|teria; 2.5 estoque|disponivel|disponiveis; 2.5 vem com; 2.5 acompanha|inclui
    2 prova d agua; 1.5 ^impermeavel|couro|ouro|prata|algodao|ajustavel|recarregavel|aco|inox|metal|silicone|plastico|madeira|vidro; 1.5 bluetooth|wifi|mah; 2 sem fio; 1.5 ^original; 2.5 quanto .. mede|pesa
    2.5 como .. usar|uso|instalar|instalo|conectar|ligar|carregar; 1.5 garantia; 2.5 uso|calco|visto .. tamanho|numero; 2 meco|peso
    2.5 ^funciona .. com|no|na|em; 0.5 qual|quais
    2.5 tem .. tamanho|cor|numero|estoque; 1 ^material|tecido
    2.5 ^cabe|cabem|caber
    2 recomenda|indica|recomendam|indicam
    2.5 cancelamento de ruido
    2.5 como .. conect*|instal*|configur*|liga|ligar|carreg*|emparelh*|parear|monta*|lava*
    2.5 qual|quantos|quanto .. potencia|watts|voltagem|resolucao|brilho|velocidade|capacidade
    2.5 mostra|suporta|reproduz|grava|aceita|toca`,
  cancel_order: `
    3.5 ^cancelar|cancelem|cancela|cancele|cancelamento|cancelo|cancelar; 1 cancelad*
    3.5 ^anular|anulem|anula|anule; 1 anulad*; -3 cancelamento de ruido
    2.5 comprei|pedi .. errado|engano|sem querer; 2 desisti|desistir|arrependi; 2.5 !quero|preciso .. mais|pedido|produto
    2.5 nao .. enviem|mandem|despachem; 2.5 parar|segurar .. envio|pedido
    -2.5 cancel*|anul* .. assinatura|newsletter|conta|emails`,
  order_change: `
    3 mudar|alterar|trocar|corrigir|atualizar .. endereco|cep; 3 endereco .. errado|incorreto|errada|antigo|novo|velho
    2.5 me mudei|mudanca|mudei; 2.5 novo endereco; 2 enviar|mandar|entregar .. em|para .. outro|novo
    2.5 trocar|mudar|alterar .. tamanho|cor|modelo|variacao|quantidade|pedido .. antes; 2 alterar|mudar .. tamanho|cor|modelo|variacao|quantidade|pedido; 1.5 antes .. envi*|mand*|despach*|postar|sair
    2.5 adicionar|incluir|tirar|remover .. pedido; 2 mais um|uma`,
  other: `
    2.5 nota fiscal
    1 obrigad*|obg|vlw|valeu; 1 otimo|perfeito|excelente|amei|adorei|top|certinho|satisfeito|satisfeita; 1 ^chegou; 1 ^recebi; 2 atacado|revend*; 1 respond*|resposta
    3 tem alguem; 2.5 alguem .. ai|aqui|on; 2.5 estao|tao ai
    3 mudar|alterar|atualizar|corrigir .. telefone|celular|nome|email|dados|contato|whatsapp; 1 oi|ola|bom|boa`,
};

/** Portuguese words the patterns share: spelled-out counts, negations, colours and "I ordered" verbs. */
export const PT_WORDS: LexiconWords = {
  numbers: 'um uma dois duas tres quatro cinco seis sete oito nove dez varias varios alguns algumas',
  negators: 'nao nem sem nenhum nenhuma ninguem',
  colours: 'vermelh* azul* verde* pret* branc* amarel* rosa* rox* cinza marrom laranja dourad* prata bege',
  orderedVerbs: 'pedi comprei escolhi encomendei queria selecionei',
};
