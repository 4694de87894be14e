import { createPhone, type Country, type Phone } from './phones';
import type { Random } from './prng';

interface Locale {
  country: Country;
  weight: number;
  first: readonly string[];
  last: readonly string[];
  addresses: readonly string[];
}

const LOCALES: readonly Locale[] = [
  {
    country: 'US',
    weight: 82,
    first: [
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
      'Wei',
      'Aisha',
      'Kenji',
      'Fatima',
      'Hannah',
      'Marcus',
      'Tyler',
      'Brianna',
      'DeShawn',
      'Megan',
      'Carlos',
      'Linh',
      'Sam',
      'Rachel',
    ],
    last: [
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
      'Okafor',
      'Rossi',
      'Washington',
      'Cohen',
      'Murphy',
      'Rivera',
      'Tran',
    ],
    addresses: [
      'Oak Street, Springfield, IL 62704',
      'Maple Avenue, Austin, TX 78701',
      'Harbor Road, Portland, OR 97205',
      'Atlantic Avenue, Brooklyn, NY 11201',
      'Pine Lane, San Jose, CA 95112',
      'Larimer Street, Denver, CO 80202',
      'Mission Street, San Francisco, CA 94103',
      'Peachtree Road, Atlanta, GA 30305',
    ],
  },
  {
    country: 'IN',
    weight: 6,
    first: ['Hari', 'Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya', 'Vikram', 'Meera'],
    last: ['Sharma', 'Reddy', 'Iyer', 'Mehta', 'Nair', 'Gupta', 'Rao'],
    addresses: ['MG Road, Bengaluru 560001', 'Linking Road, Mumbai 400050'],
  },
  {
    country: 'GB',
    weight: 4,
    first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Poppy'],
    last: ['Hughes', 'Wright', 'Evans', 'Taylor', 'Davies'],
    addresses: ['Camden Road, London NW1 9LQ', 'Deansgate, Manchester M3 4LQ'],
  },
  {
    country: 'AU',
    weight: 3,
    first: ['Jack', 'Chloe', 'Cooper', 'Matilda'],
    last: ['Thompson', 'Mitchell', 'Kelly', 'Ryan'],
    addresses: ['George Street, Sydney NSW 2000', 'Collins Street, Melbourne VIC 3000'],
  },
  {
    country: 'MX',
    weight: 3,
    first: ['Sofía', 'Mateo', 'Valentina', 'Diego', 'Camila'],
    last: ['Hernández', 'García', 'López', 'Ramírez', 'Martínez'],
    addresses: ['Avenida Reforma, Ciudad de México 06600'],
  },
  {
    country: 'DE',
    weight: 2,
    first: ['Jürgen', 'Lena', 'Lukas', 'Anna'],
    last: ['Müller', 'Schröder', 'Weber', 'Becker'],
    addresses: ['Hauptstraße, 10115 Berlin', 'Königsallee, 40212 Düsseldorf'],
  },
];
const TOTAL_WEIGHT = LOCALES.reduce((sum, locale) => sum + locale.weight, 0);

/**
 * Names real data carries, each with the handle its owner would use in an email address:
 * accents, and right-to-left scripts with a line the caller says in their own language.
 */
export const UNICODE_PEOPLE = [
  { name: 'José Muñoz', handle: 'jose.munoz' },
  { name: 'Zoë Martin', handle: 'zoe.martin' },
  { name: 'François Dupré', handle: 'francois.dupre' },
  { name: 'Siobhán Ó Briain', handle: 'siobhan.obriain' },
  { name: 'Renée Çelik', handle: 'renee.celik' },
  { name: 'محمد الأحمد', handle: 'm.alahmad', native: 'مرحبا، هل تتكلم العربية؟' },
  { name: 'נועה כהן', handle: 'noa.cohen', native: 'שלום, אפשר לדבר בעברית?' },
] as const;

export interface Person {
  name: string;
  firstName: string;
  phone: Phone;
  email: string;
  address: string;
  /** A line in the caller's own language (right-to-left scripts), if they open with one. */
  nativeLine?: string;
}

const DOMAINS = ['gmail.com', 'gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me'];

const plainNames = new Map<string, [string, string]>();

/** A name without accents, in lower case, as first and last: people type emails that way. */
function plainName(name: string): [string, string] {
  let plain = plainNames.get(name);
  if (!plain) {
    const parts = name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    plain = [parts[0] ?? 'caller', parts.slice(1).join('')];
    plainNames.set(name, plain);
  }
  return plain;
}

function handleOf(name: string, rng: Random): string {
  const [first, last] = plainName(name);
  return rng.pick([`${first}.${last}`, `${first}${last}`, `${first[0]}${last}${rng.int(1, 99)}`]);
}

function pickLocale(rng: Random): Locale {
  let roll = rng.next() * TOTAL_WEIGHT;
  for (const locale of LOCALES) {
    roll -= locale.weight;
    if (roll < 0) return locale;
  }
  return LOCALES[0]!;
}

export function createPerson(rng: Random, unicode = false): Person {
  const locale = pickLocale(rng);
  const phone = createPhone(rng, locale.country);
  const address = `${rng.int(1, 980)} ${rng.pick(locale.addresses)}`;
  const domain = rng.pick(DOMAINS);
  if (unicode) {
    const special = rng.pick(UNICODE_PEOPLE);
    return {
      name: special.name,
      firstName: special.name.split(' ')[0]!,
      phone,
      email: `${special.handle}@${domain}`,
      address,
      ...('native' in special ? { nativeLine: special.native } : {}),
    };
  }
  const firstName = rng.pick(locale.first);
  const name = `${firstName} ${rng.pick(locale.last)}`;
  return { name, firstName, phone, email: `${handleOf(name, rng)}@${domain}`, address };
}
