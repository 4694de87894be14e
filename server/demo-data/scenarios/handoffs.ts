import { ai, contactTurns, goodbye, sentences, user } from '../wording';
import type { Scenario } from './types';

/** Calls that end with a person, or the AI, calling or meeting the caller later. */
export const HANDOFF_SCENARIOS: readonly Scenario[] = [
  {
    key: 'speak-to-person',
    stretches: true,
    kind: 'handoff',
    weight: 6,
    prospectStatus: 'SCHEDULED_APPOINTMENT_WITH_PERSON',
    sentiment: 'neutral',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          'I would rather speak to a person about this.',
          `Can I talk to ${c.staff}?`,
          'It is a bit complicated. Is there someone I can talk to?',
        ]),
      ),
      ai(
        r.pick([
          `I understand. I can set up a call with ${c.staff} ${c.slot.onDay} at ${c.slot.time}.`,
          `${c.staff} is busy right now, but I can book you a time ${c.slot.onDay} at ${c.slot.time}.`,
        ]),
      ),
      user(r.pick(['Okay, that is fine.', 'Alright. Yes.'])),
      ...contactTurns(c, r),
      ai(`Done. ${c.staff} will call you ${c.slot.onDay} at ${c.slot.time}.`),
      ...goodbye(c, r),
    ],
    summary: (c) =>
      `${c.person.name} asked to speak with a person; a call with ${c.staff} is set for ${c.slot.day} at ${c.slot.time}.`,
    actionItems: (c) => [`${c.staff} to call ${c.person.name} ${c.slot.onDay} at ${c.slot.time}.`],
  },
  {
    key: 'consultation',
    stretches: true,
    kind: 'handoff',
    weight: 5,
    prospectStatus: 'SCHEDULED_APPOINTMENT_WITH_PERSON',
    sentiment: 'positive',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          'I have a lot of questions before I decide.',
          'I am comparing a few places. Can you tell me more?',
          'Okay, so I have a list of questions here, if that is alright.',
        ]),
      ),
      ai(r.pick(['Happy to help. Ask me anything.', 'Of course, take your time.'])),
      ...r
        .pick([c.business.faq.slice(0, 3), c.business.faq.slice(3, 6)])
        .flatMap(([question, answer]) => [user(question), ai(answer)]),
      user('Okay. I think I would like to meet someone in person.'),
      ai(`I can book you with ${c.staff} ${c.slot.onDay} at ${c.slot.time}.`),
      ...contactTurns(c, r),
      ...goodbye(c, r),
    ],
    summary: (c) =>
      `${c.person.name} asked many questions about ${c.business.name} and booked an in-person consultation with ${c.staff} ${c.slot.onDay}.`,
    actionItems: (c) => [
      `Prepare a consultation for ${c.person.name} ${c.slot.onDay} at ${c.slot.time}.`,
      `Send ${c.person.name} a summary of the answers given on the call.`,
    ],
  },
  {
    key: 'seller-valuation',
    stretches: true,
    kind: 'handoff',
    weight: 4,
    fits: ['realty'],
    prospectStatus: 'SCHEDULED_APPOINTMENT_WITH_PERSON',
    sentiment: 'positive',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          'We are thinking about selling our house.',
          'I want to know what my condo is worth.',
        ]),
      ),
      ai('I can help with that. Where is the property?'),
      user(`It is at ${c.person.address}.`),
      ai(
        `Thank you. ${c.staff} can come by for a free valuation ${c.slot.onDay} at ${c.slot.time}.`,
      ),
      user('That works.'),
      ...contactTurns(c, r),
      ...goodbye(c, r),
    ],
    summary: (c) =>
      `${c.person.name} is considering selling and booked a valuation visit with ${c.staff} ${c.slot.onDay}.`,
    actionItems: (c) => [
      `Prepare comparable sales for ${c.person.address}.`,
      `Valuation visit ${c.slot.onDay} at ${c.slot.time}.`,
    ],
  },
  {
    key: 'callback-later',
    stretches: false,
    kind: 'handoff',
    weight: 6,
    prospectStatus: 'SCHEDULED_CALLBACK_WITH_BOT',
    sentiment: 'neutral',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          'I am driving right now, can you call me back later?',
          'This is not a good time. Could you call me back?',
          'I am at work. Can we do this later?',
        ]),
      ),
      ai(`No problem. I can call you back ${c.slot.onDay} at ${c.slot.time}.`),
      user('Yes, please do.'),
      ...contactTurns(c, r),
      ai(
        sentences(
          `I will call you ${c.slot.onDay} at ${c.slot.time}.`,
          r.pick(['Drive safely.', '']),
        ),
      ),
    ],
    summary: (c) =>
      `${c.person.name} asked for a callback, scheduled with the AI ${c.slot.onDay} at ${c.slot.time}.`,
    actionItems: (c) => [`AI callback to ${c.person.name} ${c.slot.onDay} at ${c.slot.time}.`],
  },
  {
    key: 'quote-request',
    stretches: true,
    kind: 'handoff',
    weight: 5,
    prospectStatus: 'SCHEDULED_CALLBACK_WITH_BOT',
    sentiment: 'positive',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          `Could you send me a quote for ${c.service}?`,
          `How much would ${c.service} cost me, roughly?`,
        ]),
      ),
      ai('I will prepare a quote and call you back with it.'),
      ...contactTurns(c, r),
      user(r.pick([`You can also email me at ${c.person.email}.`, 'Email works too.'])),
      ai(`I will send the quote and call you ${c.slot.onDay}.`),
      ...goodbye(c, r),
    ],
    summary: (c) =>
      `${c.person.name} requested a quote for ${c.service}; the AI will call back ${c.slot.onDay}.`,
    actionItems: (c) => [
      `Prepare a quote for ${c.service}.`,
      `Call ${c.person.name} back ${c.slot.onDay}.`,
    ],
  },
];
