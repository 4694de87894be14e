import type { Random } from './prng';

/** A caller's number in the forms real data holds it. */
export interface Phone {
  /** E.164, as caller ID delivers it: the `source` of a phone call. */
  e164: string;
  /** As the analytics store it: E.164, national or loosely typed forms. */
  written: string;
  /** As a caller says it: in two halves, which the transcript splits over two messages. */
  spoken: [string, string];
}

export type Country = 'US' | 'GB' | 'IN' | 'AU' | 'MX' | 'DE';

const US_AREA_CODES = [
  '415',
  '212',
  '312',
  '512',
  '503',
  '718',
  '408',
  '303',
  '617',
  '206',
  '305',
  '646',
  '404',
  '213',
  '702',
  '416',
  '604',
];

function usPhone(rng: Random): Phone {
  const area = rng.pick(US_AREA_CODES);
  let exchange = `${rng.int(2, 9)}${rng.digits(2)}`;
  if (exchange.endsWith('11')) exchange = `${exchange.slice(0, 2)}0`;
  const line = rng.digits(4);
  const e164 = `+1${area}${exchange}${line}`;
  const written = rng.pick([
    e164,
    `+1 ${area} ${exchange} ${line}`,
    `(${area}) ${exchange}-${line}`,
    `${area}-${exchange}-${line}`,
    `${area}.${exchange}.${line}`,
    `${area}${exchange}${line}`,
  ]);
  return { e164, written, spoken: [`${area} ${exchange}`, line] };
}

/**
 * National mobile numbers, in ranges libphonenumber accepts as valid: the E.164 form, the forms
 * people write, and the two halves a caller says.
 */
const INTERNATIONAL: Record<Exclude<Country, 'US'>, (rng: Random) => Phone> = {
  GB: (rng) => {
    const first = `7${rng.pick(['4', '5', '8'])}${rng.digits(2)}`;
    const rest = rng.digits(6);
    return phone(
      rng,
      `+44${first}${rest}`,
      [`+44 ${first} ${rest}`, `0${first} ${rest}`],
      [`0${first}`, rest],
    );
  },
  IN: (rng) => {
    const first = `${rng.int(7, 9)}${rng.digits(4)}`;
    const rest = rng.digits(5);
    return phone(
      rng,
      `+91${first}${rest}`,
      [`${first}-${rest}`, `+91 ${first} ${rest}`, `0${first} ${rest}`],
      [first, rest],
    );
  },
  AU: (rng) => {
    const a = `4${rng.pick(['0', '1', '2', '3', '6'])}${rng.digits(1)}`;
    const b = rng.digits(3);
    const c = rng.digits(3);
    return phone(
      rng,
      `+61${a}${b}${c}`,
      [`0${a} ${b} ${c}`, `+61 ${a} ${b} ${c}`],
      [`0${a} ${b}`, c],
    );
  },
  MX: (rng) => {
    const a = rng.digits(4);
    const b = rng.digits(4);
    return phone(rng, `+5255${a}${b}`, [`55 ${a} ${b}`, `+52 55 ${a} ${b}`], [`55 ${a}`, b]);
  },
  DE: (rng) => {
    const prefix = rng.pick(['151', '160', '170', '176']);
    const rest = `${rng.int(1, 9)}${rng.digits(7)}`;
    return phone(
      rng,
      `+49${prefix}${rest}`,
      [`0${prefix} ${rest}`, `+49 ${prefix} ${rest}`],
      [`0${prefix}`, rest],
    );
  },
};

function phone(
  rng: Random,
  e164: string,
  writtenForms: readonly string[],
  spoken: [string, string],
): Phone {
  return { e164, written: rng.pick(writtenForms), spoken };
}

export function createPhone(rng: Random, country: Country): Phone {
  return country === 'US' ? usPhone(rng) : INTERNATIONAL[country](rng);
}
