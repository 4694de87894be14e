import { ai, contactTurns, user } from '../wording';
import type { Scenario } from './types';

/** Unhappy callers: complaints, refusals and people who will not talk to an AI. */
export const TROUBLE_SCENARIOS: readonly Scenario[] = [
  {
    key: 'angry-complaint',
    stretches: false,
    kind: 'angry',
    weight: 5,
    prospectStatus: 'SCHEDULED_APPOINTMENT_WITH_PERSON',
    sentiment: 'negative',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          'I am really upset right now.',
          'This is the third time I am calling about the same problem!',
          'Yeah, hi. I am not happy at all.',
        ]),
      ),
      ai('I am very sorry to hear that. Can you tell me what happened?'),
      user(c.complaint),
      user(r.pick(['I want to talk to a manager. Now.', 'Honestly, this is unacceptable.'])),
      ai(
        `I completely understand, and I am sorry. I will have ${c.staff} call you ${c.slot.onDay} at ${c.slot.time} at the latest.`,
      ),
      ...contactTurns(c, r),
      user(r.pick(['Fine. But this is the last chance.', 'Whatever. Just make sure they call.'])),
    ],
    summary: (c) =>
      `${c.person.name} called angry: "${c.complaint}" The AI apologised and promised a call from ${c.staff} ${c.slot.onDay}.`,
    actionItems: (c) => [
      `${c.staff} to call ${c.person.name} urgently.`,
      'Investigate the complaint and refund if owed.',
    ],
  },
  {
    key: 'price-too-high',
    stretches: false,
    kind: 'enquiry',
    weight: 4,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'negative',
    givesDetails: false,
    script: (c, r) => [
      user(r.pick([`How much is ${c.service}?`, `What do you charge for ${c.service}?`])),
      ai(
        'It depends on the details, but most customers pay between eighty and one hundred fifty dollars.',
      ),
      user(r.pick(['That is way too expensive.', 'Wow, no. That is more than I want to pay.'])),
      ai('I understand. We do have a first visit discount of fifteen percent.'),
      user(r.pick(['No thanks.', 'Still too much. Bye.'])),
    ],
    summary: (c) => `The caller found the price of ${c.service} too high and declined.`,
    actionItems: () => ['Review pricing feedback.'],
  },
  {
    key: 'not-interested',
    stretches: false,
    kind: 'enquiry',
    weight: 5,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'neutral',
    givesDetails: false,
    script: (c, r) => [
      user(
        r.pick([
          'You called me earlier. What is this about?',
          'I got a missed call from this number.',
        ]),
      ),
      ai(`This is ${c.business.name}. We were following up on your enquiry about ${c.service}.`),
      user(
        r.pick(['Oh, I am not interested anymore, thanks.', 'No, I went somewhere else. Thanks.']),
      ),
      ai('Understood. Thank you for letting us know.'),
    ],
    summary: (c) => `The caller is no longer interested in ${c.service}.`,
    actionItems: () => ['Close the open enquiry.'],
  },
  {
    key: 'hates-robots',
    stretches: false,
    kind: 'angry',
    weight: 3,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'negative',
    givesDetails: false,
    script: (c, r) => [
      user(r.pick(['Is this a robot? I want a real person.', 'Ugh, another machine.'])),
      ai(
        `I am ${c.business.agent}, an AI assistant. I can help with most things or connect you with the team.`,
      ),
      user(r.pick(['Forget it.', 'No. I will call back when someone is there.'])),
    ],
    summary: () => 'The caller did not want to talk to an AI and hung up.',
    actionItems: () => ['Call the customer back from a person if the number is known.'],
  },
];
