/**
 * Word lists the generators draw from. They mix plain ASCII with accents, CJK, Māori macrons
 * and emoji, plus apostrophes and quotes, because real stores have all of them.
 */

/** A person's name with an ASCII form for email addresses. */
export interface SampleName {
  text: string;
  ascii: string;
}

/** First names. */
export const firstNames: readonly SampleName[] = [
  { text: 'Jane', ascii: 'jane' },
  { text: 'Sam', ascii: 'sam' },
  { text: 'Aroha', ascii: 'aroha' },
  { text: 'Zoë', ascii: 'zoe' },
  { text: 'José', ascii: 'jose' },
  { text: 'Søren', ascii: 'soren' },
  { text: 'Siobhán', ascii: 'siobhan' },
  { text: 'Mei', ascii: 'mei' },
  { text: '翔太', ascii: 'shota' },
  { text: 'Nguyễn Văn', ascii: 'nguyen' },
  { text: 'Tāne', ascii: 'tane' },
  { text: 'Priya', ascii: 'priya' },
  { text: 'Liam', ascii: 'liam' },
  { text: 'Olivia', ascii: 'olivia' },
  { text: 'Mateo', ascii: 'mateo' },
  { text: 'Chloé', ascii: 'chloe' },
  { text: 'Ana', ascii: 'ana' },
  { text: 'Wiremu', ascii: 'wiremu' },
];

/** Last names, a few with apostrophes. */
export const lastNames: readonly SampleName[] = [
  { text: 'Doe', ascii: 'doe' },
  { text: 'Taylor', ascii: 'taylor' },
  { text: "O'Brien", ascii: 'obrien' },
  { text: "D'Angelo", ascii: 'dangelo' },
  { text: 'Ngata', ascii: 'ngata' },
  { text: 'Müller', ascii: 'muller' },
  { text: 'García', ascii: 'garcia' },
  { text: '山田', ascii: 'yamada' },
  { text: '王', ascii: 'wang' },
  { text: 'Smith', ascii: 'smith' },
  { text: 'Kowalski', ascii: 'kowalski' },
  { text: 'Brown', ascii: 'brown' },
  { text: 'Patel', ascii: 'patel' },
  { text: 'Williams', ascii: 'williams' },
];

/** Company names, a few with quotes and ampersands. */
export const companyNames: readonly string[] = [
  'Kea Outfitters Ltd',
  '"The Shed" Ltd',
  'Smith & Sons',
  'Café Mōhio',
  'Ōtautahi Events',
  '株式会社さくら',
];

/** NZ places: city, suburb, postcode, region. */
export const places: readonly (readonly [string, string, string, string])[] = [
  ['Auckland', 'CBD', '1010', 'Auckland'],
  ['Wellington', 'Te Aro', '6011', 'Wellington'],
  ['Christchurch', 'Riccarton', '8011', 'Canterbury'],
  ['Dunedin', 'North East Valley', '9010', 'Otago'],
  ['Hamilton', 'Frankton', '3204', 'Waikato'],
  ['Tauranga', 'Mount Maunganui', '3116', 'Bay of Plenty'],
  ['Napier', 'Ahuriri', '4110', "Hawke's Bay"],
];

/** Street names. */
export const streets: readonly string[] = [
  'Queen Street',
  'Cuba Street',
  'Colombo Street',
  'George Street',
  'Victoria Street',
  'Māngere Road',
  "King's Drive",
];

/** Sale and line notes. */
export const saleNotes: readonly string[] = [
  'Gift wrap please 🎁',
  'Livraison à domicile',
  '顧客は後で受け取ります',
  'Customer said "keep the receipt"',
  "Price match with Smith's",
  'Kia ora! Pick up Friday',
  'Exchange — wrong size',
  'Ça va 👍',
];

/** Customer notes. */
export const customerNotes: readonly string[] = [
  'Prefers email contact',
  'VIP ⭐ loyalty member',
  'Allergic to wool — suggest cotton',
  'Spricht Deutsch',
  'Asked for "no plastic bags"',
  'いつもありがとうございます',
];

/** Product family stems: name, SKU code, product type. */
export const productStems: readonly (readonly [string, string, string])[] = [
  ['Merino Crew', 'MC', 'Tops'],
  ['Linen Shirt', 'LS', 'Tops'],
  ['Denim Jeans', 'DJ', 'Bottoms'],
  ['Café Latte Mug', 'CLM', 'Homeware'],
  ['抹茶 Tea Tin', 'MTT', 'Food'],
  ['Kūmara Chips', 'KC', 'Food'],
  ['Pounamu Pendant', 'PP', 'Jewellery'],
  ['Crème Brûlée Candle', 'CBC', 'Homeware'],
  ['Trail Runner', 'TR', 'Footwear'],
  ['Wool Beanie', 'WB', 'Accessories'],
  ['Rain Jacket ☔', 'RJ', 'Outerwear'],
  ['Flat White Beans', 'FWB', 'Food'],
];

/** Adjectives that multiply product family names. */
export const productAdjectives: readonly string[] = [
  'Classic',
  'Organic',
  'Nordic',
  'Everyday',
  'Deluxe',
  'Heritage',
  'Urban',
  'Coastal',
];

/** Brands. */
export const brandNames: readonly string[] = ['Kea', 'Tūī Goods', 'Acme', 'Nordlys', 'Sakura'];

/** Suppliers. */
export const supplierNames: readonly string[] = ['Acme Knitwear', 'Southern Imports', 'Mōhio Ltd'];

/** Variant option values by option name. */
export const colours: readonly string[] = ['Navy', 'Black', 'Forest', 'Oatmeal', 'Rouge'];

/** Size option values. */
export const sizes: readonly string[] = ['XS', 'S', 'M', 'L', 'XL'];
