import { describe, expect, it } from 'vitest';
import { redactPii } from '../../../src/domain/message/redact.js';

type Case = readonly [input: string, expected: string, kinds: readonly string[]];

const EMAILS: readonly Case[] = [
  ['my email is john.doe+shop@gmail.com', 'my email is [email]', ['email']],
  ['Contact: maria.lopez@hotmail.es', 'Contact: [email]', ['email']],
  ['email me at JOHN_DOE99@Yahoo.co.uk thanks', 'email me at [email] thanks', ['email']],
  ['adresse e-mail : jean@free.fr', 'adresse e-mail : [email]', ['email']],
];

const PHONES: readonly Case[] = [
  ['call me +7 (912) 345-67-89 or 8 912 345 67 89', 'call me [phone] or [phone]', ['phone']],
  ['звоните 8-912-345-67-89', 'звоните [phone]', ['phone']],
  ['телефон 89123456789', 'телефон [phone]', ['phone']],
  ['mi número es +34 612 345 678', 'mi número es [phone]', ['phone']],
  ['llámame al 612345678', 'llámame al [phone]', ['phone']],
  ['mi celular: +52 1 55 1234 5678', 'mi celular: [phone]', ['phone']],
  ['whatsapp +55 11 98765-4321', 'whatsapp [phone]', ['phone']],
  ['meu zap (11) 91234-5678', 'meu zap [phone]', ['phone']],
  ['meu zap 11987654321', 'meu zap [phone]', ['phone']],
  ['mon portable 06.12.34.56.78', 'mon portable [phone]', ['phone']],
  ['tel 06 12 34 56 78', 'tel [phone]', ['phone']],
  ['call (555) 123-4567', 'call [phone]', ['phone']],
  ['+1-202-555-0143', '[phone]', ['phone']],
  ['my number is 2025550143', 'my number is [phone]', ['phone']],
  ['+351 912 345 678', '[phone]', ['phone']],
];

const CARDS: readonly Case[] = [
  ['card 4111 1111 1111 1111 exp 12/25 cvv 123', 'card [card] exp 12/25 cvv 123', ['card']],
  ['paid with 5555555555554444', 'paid with [card]', ['card']],
  ['card: 4111-1111-1111-1111', 'card: [card]', ['card']],
  ['Amex 3782 822463 10005', 'Amex [card]', ['card']],
  ['cartão 5555 5555 5555 4444 validade 12/27', 'cartão [card] validade 12/27', ['card']],
  ['tarjeta 4000 0566 5566 5556', 'tarjeta [card]', ['card']],
];

const IDS: readonly Case[] = [
  ['CPF 123.456.789-09', 'CPF [id_number]', ['id_number']],
  ['meu cpf é 12345678909', 'meu cpf é [id_number]', ['id_number']],
  [
    'Olá, meu CPF é 529.982.247-25 e o pedido 8123456789012345',
    'Olá, meu CPF é [id_number] e o pedido 8123456789012345',
    ['id_number'],
  ],
  ['DNI 12345678Z', 'DNI [id_number]', ['id_number']],
  ['mi DNI es 12345678Z', 'mi DNI es [id_number]', ['id_number']],
  ['mi NIE es X1234567L', 'mi NIE es [id_number]', ['id_number']],
  ['RUT 12.345.678-5', 'RUT [id_number]', ['id_number']],
  ['CURP GODE561231HDFRRN09', 'CURP [id_number]', ['id_number']],
  ['паспорт 4510 123456', 'паспорт [id_number]', ['id_number']],
  ['паспорт серия 4510 номер 123456', 'паспорт серия [id_number]', ['id_number']],
  ['серия 4510 № 123456', 'серия [id_number]', ['id_number']],
  ['СНИЛС 123-456-789 01', 'СНИЛС [id_number]', ['id_number']],
  ['ИНН 500100732259', 'ИНН [id_number]', ['id_number']],
  ['passport number AB1234567', 'passport number [id_number]', ['id_number']],
  [
    'numéro de sécurité sociale 1 85 05 78 006 084 36',
    'numéro de sécurité sociale [id_number]',
    ['id_number'],
  ],
  ['SSN 123-45-6789', 'SSN [id_number]', ['id_number']],
];

const IBANS: readonly Case[] = [
  ['IBAN ES91 2100 0418 4502 0005 1332 please refund', 'IBAN [iban] please refund', ['iban']],
  ['refund to FR1420041010050500013M02606', 'refund to [iban]', ['iban']],
  ['IBAN: DE89 3704 0044 0532 0130 00', 'IBAN: [iban]', ['iban']],
  ['PT50 0002 0123 1234 5678 9015 4', '[iban]', ['iban']],
  ['BR1800360305000010009795493C1', '[iban]', ['iban']],
  ['GB82 WEST 1234 5698 7654 32', '[iban]', ['iban']],
];

const ADDRESSES: readonly Case[] = [
  ['address: 123 Main St, Springfield, IL 62704', 'address: [address]', ['address']],
  ['Dirección: Calle Mayor 5, 3º B, Madrid', 'Dirección: [address]', ['address']],
  ['adresse : 10 rue de Rivoli, 75001 Paris', 'adresse : [address]', ['address']],
  ['адрес: г. Москва, ул. Ленина, д. 5, кв. 12', 'адрес: [address]', ['address']],
  ['Endereço: Rua Augusta, 100 - apto 12, São Paulo', 'Endereço: [address]', ['address']],
  [
    'Pedido: 8123456789012345\nEndereço: Rua Augusta, 100\nObrigado',
    'Pedido: 8123456789012345\nEndereço: [address]\nObrigado',
    ['address'],
  ],
  ['send it to 123 Main St please', 'send it to [address] please', ['address']],
  ['ship to 1600 Pennsylvania Ave NW, Washington', 'ship to [address], Washington', ['address']],
  ['address is 5 Oak Road', 'address is [address]', ['address']],
  ['mandalo a Calle Mayor 5 por favor', 'mandalo a [address] por favor', ['address']],
  ['vivo en Av. Corrientes 1234, piso 5, Buenos Aires', 'vivo en [address], Buenos Aires', ['address']],
  ['Calle 45 # 12-34, Bogotá', '[address], Bogotá', ['address']],
  ['envoyez au rue de Rivoli 10 merci', 'envoyez au [address] merci', ['address']],
  ['j habite au 5 bis avenue Victor Hugo', 'j habite au [address]', ['address']],
  ['12 place de la République, Lyon', '[address], Lyon', ['address']],
  ['отправьте на ул. Ленина, д. 5', 'отправьте на [address]', ['address']],
  ['пр. Ленина 15-20', '[address]', ['address']],
  ['entregar na Rua Augusta, 100', 'entregar na [address]', ['address']],
  ['moro na Rua das Flores, 25', 'moro na [address]', ['address']],
];

/** Text that looks numeric or address-like but is not personal data: it must come back untouched. */
const UNTOUCHED: readonly string[] = [
  'order 8123456789012345 still not here',
  '8123456789012345',
  'my order 8123 4567 8901 2345 is late',
  'order #4111111111111111 where is it',
  'заказ 5555555555554444',
  'pedido nº 3012345678901234',
  'commande n° 8123456789012345',
  'the ID of my order is 8123456789012345',
  'tracking: LP00123456789012',
  'tracking RB123456789CN and YT2312345678901234',
  'rastreio LB123456789CN',
  'cainiao CNAQV0012345678',
  'https://aliexpress.com/item/1005001234567890.html',
  'item 1005001234567890',
  'card 1234 5678 9012 3456',
  'Hi I paid with card ending 4242',
  'price was 1.299,00 reais',
  'sizes 36 37 38 39 40 available?',
  'ordered on 12.05.2024 still nothing',
  'comprei dia 12/05/2024 e até hoje nada',
  'on 2024-05-10 i ordered',
  'wait 2-3 weeks',
  'el paquete está en camino hace 3 semanas',
  'ma commande est en route depuis 3 semaines',
  'I ordered 3 of them by the way',
  'my address is wrong, please fix',
  'mi dirección es incorrecta',
  'la calle está cerrada',
  'I live on Main Street',
  'a rua 1 semana',
];

function check([input, expected, kinds]: Case): void {
  const result = redactPii(input);
  expect(result.text).toBe(expected);
  expect(result.kinds).toEqual(kinds);
}

describe('redactPii', () => {
  it.each(EMAILS)('email: %s', (...row) => check(row));
  it.each(PHONES)('phone: %s', (...row) => check(row));
  it.each(CARDS)('card: %s', (...row) => check(row));
  it.each(IDS)('id number: %s', (...row) => check(row));
  it.each(IBANS)('iban: %s', (...row) => check(row));
  it.each(ADDRESSES)('address: %s', (...row) => check(row));

  it.each(UNTOUCHED)('keeps "%s" unchanged', (input) => {
    expect(redactPii(input)).toEqual({ text: input, kinds: [] });
  });

  it('keeps order and tracking numbers while redacting the PII around them', () => {
    const result = redactPii(
      'Order 8123456789012345, tracking RB123456789CN. Call +34 612 345 678 or write to ana@mail.com',
    );
    expect(result.text).toBe(
      'Order 8123456789012345, tracking RB123456789CN. Call [phone] or write to [email]',
    );
    expect(result.kinds).toEqual(['email', 'phone']);
  });

  it('lists each kind once, in a stable order', () => {
    const result = redactPii(
      'a@b.com c@d.com +7 912 345 67 89 +7 912 345 67 80 DNI 12345678Z card 4111111111111111',
    );
    expect(result.kinds).toEqual(['email', 'phone', 'card', 'id_number']);
    expect(result.text.match(/\[email\]/g)).toHaveLength(2);
  });

  it('checks card numbers with Luhn: one wrong digit is not a card', () => {
    expect(redactPii('4111 1111 1111 1112').kinds).toEqual([]);
    expect(redactPii('4111 1111 1111 1111').kinds).toEqual(['card']);
  });

  it('checks IBAN checksums and lengths', () => {
    expect(redactPii('ES91 2100 0418 4502 0005 1333').kinds).toEqual([]);
    expect(redactPii('LP00123456789012').kinds).toEqual([]);
  });

  it('checks the control letter of unlabelled Spanish DNI numbers', () => {
    expect(redactPii('12345678Z').kinds).toEqual(['id_number']);
    expect(redactPii('12345678A').kinds).toEqual([]);
  });

  it('returns empty input unchanged', () => {
    expect(redactPii('')).toEqual({ text: '', kinds: [] });
  });
});
