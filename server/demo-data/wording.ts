import type { Random } from './prng';
import type { CallContext, Turn } from './scenarios/types';

export const ai = (text: string): Turn => ({ speaker: 'AI', text });
export const user = (text: string): Turn => ({ speaker: 'USER', text });

/** The caller's name and number, the way people say them: the number in two breaths. */
export function contactTurns(ctx: CallContext, rng: Random): Turn[] {
  const { person } = ctx;
  const [head, tail] = person.phone.spoken;
  const ask = ai(
    rng.pick([
      'Could I have your name and a phone number, please?',
      'May I get your name and the best number to reach you?',
      'Can I get a name and a callback number for that?',
      'What name should I put this under, and what is your phone number?',
    ]),
  );
  const name = rng.pick([
    `Sure, it's ${person.name}.`,
    `My name is ${person.name}.`,
    `Yeah, ${person.name}.`,
    `It's ${person.firstName}. ${person.name}.`,
  ]);
  const number = [
    user(rng.pick([`My number is ${head}`, `And the number is ${head}`, `It's ${head}`])),
    user(`${tail}.`),
  ];
  const thanks = ai(
    rng.pick([
      `Thank you, ${person.firstName}. I have that noted.`,
      `Got it, thanks ${person.firstName}.`,
      `Perfect. I have ${person.firstName} at ${head} ${tail}.`,
    ]),
  );
  return rng.chance(0.3)
    ? [ask, ...number, user(`And my name is ${person.firstName}.`), thanks]
    : [ask, user(name), ...number, thanks];
}

/** The caller's thanks and the AI's goodbye. */
export function goodbye(ctx: CallContext, rng: Random): Turn[] {
  return [
    user(
      rng.pick([
        'That is all, thanks.',
        'Nothing else. Thank you.',
        'Perfect, thanks a lot.',
        'No, that was it. Thanks!',
        'Great. Bye.',
      ]),
    ),
    ai(
      rng.pick([
        'Thanks for calling, have a great day! Bye.',
        'You are welcome. Have a wonderful day!',
        `Thank you for calling ${ctx.business.name}. Goodbye!`,
        'My pleasure. Take care!',
      ]),
    ),
  ];
}

/** How the AI says a confirmation will follow. */
export function confirmation(rng: Random): string {
  return rng.pick([
    'You will get a text to confirm.',
    'I will send you a confirmation by text.',
    'A confirmation is on its way to your phone.',
    '',
  ]);
}

/** Joins lines that may be empty into one sentence run. */
export function sentences(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}

/** Capitalises a noun phrase that starts a sentence ("a cleaning" → "A cleaning"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
