import type { Random } from './prng';

const FIRST = [
  'Hari',
  'Emily',
  'James',
  'Sofia',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'Lucas',
  'Mia',
  'Ethan',
  'Chloe',
  'Daniel',
  'Grace',
  'Mateo',
  'Priya',
  'Wei',
  'Aisha',
  'Kenji',
  'Fatima',
  'Oliver',
  'Hannah',
  'Diego',
  'Nora',
];
const LAST = [
  'Smith',
  'Johnson',
  'Garcia',
  'Brown',
  'Nguyen',
  'Patel',
  'Kim',
  'Martinez',
  'Lee',
  'Wilson',
  'Anderson',
  'Thomas',
  'Lopez',
  'Clark',
  'Lewis',
  'Walker',
  'Chen',
  'Singh',
  'Okafor',
  'Rossi',
];
/** Unicode names real data carries: accents, and right-to-left scripts. */
export const UNICODE_NAMES = [
  'José Muñoz',
  'Zoë Löwe',
  'François Dupré',
  'Ångström Øberg',
  'محمد الأحمد',
  'נועה כהן',
  'Siobhán Ó Briain',
  'Renée Çelik',
];
const STREETS = [
  'Oak Street',
  'Maple Avenue',
  'Harbor Road',
  'Pine Lane',
  'Sunset Boulevard',
  'Cedar Court',
  'Lake Drive',
];
const CITIES = [
  'Springfield, IL 62704',
  'Austin, TX 78701',
  'Portland, OR 97205',
  'Brooklyn, NY 11201',
  'San Jose, CA 95112',
  'Denver, CO 80202',
];
const AREA_CODES = ['415', '212', '312', '512', '503', '718', '408', '303', '617', '206'];

export interface Person {
  name: string;
  firstName: string;
  /** As the analytics store it (several real-world formats). */
  phone: string;
  /** E.164, used as the call's `source` for phone calls. */
  e164: string;
  phoneSpoken: [string, string];
  email: string;
  address: string;
}

export function createPerson(rng: Random, unicode: boolean): Person {
  const name = unicode ? rng.pick(UNICODE_NAMES) : `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  const firstName = name.split(' ')[0]!;
  const area = rng.pick(AREA_CODES);
  const exchange = String(rng.int(200, 989));
  const line = rng.digits(4);
  const e164 = `+1${area}${exchange}${line}`;
  const phone = rng.pick([
    e164,
    `(${area}) ${exchange}-${line}`,
    `${area}-${exchange}-${line}`,
    `+1 ${area} ${exchange} ${line}`,
  ]);
  const emailName = unicode
    ? `caller${rng.digits(3)}`
    : name.toLowerCase().replace(' ', rng.pick(['.', '_', '']));
  return {
    name,
    firstName,
    phone,
    e164,
    phoneSpoken: [`${area} ${exchange}`, line],
    email: `${emailName}@${rng.pick(['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'])}`,
    address: `${rng.int(1, 999)} ${rng.pick(STREETS)}, ${rng.pick(CITIES)}`,
  };
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'tomorrow'];
const TIMES = ['9 AM', '10:30 AM', 'noon', '2 PM', '3:15 PM', '4:45 PM', '6 PM'];

export function pickSlot(rng: Random): { day: string; time: string } {
  return { day: rng.pick(DAYS), time: rng.pick(TIMES) };
}
