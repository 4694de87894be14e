import type { BusinessKey } from '../businesses';
import { ai, contactTurns, goodbye, user } from '../wording';
import type { Scenario } from './types';

const STATUS_QUESTIONS: Record<BusinessKey, readonly string[]> = {
  restaurant: ['Did you get my catering request for Saturday?'],
  dental: ['Did you get the insurance forms I emailed?', 'Are my X-rays back yet?'],
  salon: ['Did my deposit for the wedding package go through?'],
  auto: ['Is my car ready yet?', 'Any news on my car? It has been two days.'],
  realty: ['Did the landlord look at my rental application?', 'Is there news on our offer?'],
};

/** Questions, new leads and status checks: calls that end without a booking. */
export const ENQUIRY_SCENARIOS: readonly Scenario[] = [
  {
    key: 'opening-hours',
    stretches: true,
    kind: 'enquiry',
    weight: 9,
    prospectStatus: 'GENERAL_ENQUIRY',
    sentiment: 'neutral',
    givesDetails: false,
    script: (c, r) => [
      user(
        r.pick([
          'Hi, what are your opening hours?',
          'Hey, are you open on Sundays?',
          'What time do you close today?',
          'Quick question. When are you open?',
        ]),
      ),
      ai(r.pick(c.business.hours)),
      user(r.pick(['Okay, good to know.', 'Alright, thanks.', 'Got it.'])),
      ai('Is there anything else I can help you with?'),
      user(r.pick(['No, that is it.', 'Nope. Bye.'])),
      ai('Have a great day!'),
    ],
    summary: (c) => `The caller asked about the opening hours of ${c.business.name}.`,
    actionItems: () => [],
  },
  {
    key: 'general-question',
    stretches: true,
    kind: 'enquiry',
    weight: 8,
    prospectStatus: 'GENERAL_ENQUIRY',
    sentiment: 'positive',
    givesDetails: false,
    script: (c, r) => {
      const [question, answer] = r.pick(c.business.faq);
      return [
        user(r.pick([question, `Hi, um, ${question.charAt(0).toLowerCase()}${question.slice(1)}`])),
        ai(answer),
        user(r.pick(['That sounds good.', 'Nice, thank you.', 'Okay, perfect.'])),
        ai('Glad I could help. Anything else?'),
        ...goodbye(c, r),
      ];
    },
    summary: (c) => `The caller asked a general question about ${c.business.name}'s services.`,
    actionItems: () => [],
  },
  {
    key: 'status-check',
    stretches: false,
    kind: 'enquiry',
    weight: 4,
    fits: ['dental', 'salon', 'auto', 'realty'],
    prospectStatus: 'GENERAL_ENQUIRY',
    sentiment: 'neutral',
    givesDetails: true,
    script: (c, r) => [
      user(r.pick(STATUS_QUESTIONS[c.business.key])),
      ai('Let me check that for you. Can I have your name and number to look it up?'),
      ...contactTurns(c, r).slice(1),
      ai(`I can see it in our system. ${c.staff} will update you ${c.slot.onDay} at the latest.`),
      user(r.pick(['Okay, thanks.', 'Alright. I will wait then.'])),
    ],
    summary: (c) =>
      `${c.person.name} asked for a status update; ${c.staff} will follow up ${c.slot.onDay}.`,
    actionItems: (c) => [`${c.staff} to update ${c.person.name} by ${c.slot.day}.`],
  },
  {
    key: 'late-order',
    stretches: false,
    kind: 'enquiry',
    weight: 4,
    fits: ['restaurant'],
    prospectStatus: 'GENERAL_ENQUIRY',
    sentiment: 'negative',
    givesDetails: true,
    script: (c, r) => [
      user(r.pick(['My order still has not arrived.', 'Where is my food? It has been an hour.'])),
      ai('I am sorry about the delay. Let me check on that for you.'),
      ...contactTurns(c, r),
      ai(
        'Your order is on its way and should arrive in fifteen minutes. I added a discount for next time.',
      ),
      user(r.pick(['Okay. Thanks, I guess.', 'Fine. It better be hot.'])),
    ],
    summary: (c) =>
      `${c.person.name} complained that a delivery was late; the AI checked the status and offered a discount.`,
    actionItems: (c) => [
      `Check on ${c.person.name}'s late delivery.`,
      'Apply a discount to the next order.',
    ],
  },
  {
    key: 'new-to-area',
    stretches: true,
    kind: 'enquiry',
    weight: 5,
    prospectStatus: 'NEW',
    sentiment: 'neutral',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          'I just moved to the area and wanted to learn about you.',
          'What kind of services do you offer?',
        ]),
      ),
      ai(`Welcome! We offer ${c.business.services.slice(0, 3).join(', ')} and more.`),
      user(r.pick(['Okay. I will think about it.', 'Hmm. Can you send me some information?'])),
      ...contactTurns(c, r),
      ai('I will send you some information by text.'),
    ],
    summary: (c) => `${c.person.name} is new to the area and asked what ${c.business.name} offers.`,
    actionItems: (c) => [`Send an introduction text to ${c.person.name}.`],
  },
  {
    key: 'referral',
    stretches: true,
    kind: 'enquiry',
    weight: 3,
    prospectStatus: 'NEW',
    sentiment: 'positive',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          'My sister told me you are amazing!',
          'I saw your reviews online, they are great.',
          'A friend of mine recommended you.',
        ]),
      ),
      ai('That is so kind, thank you! How can I help you today?'),
      user(`I would like to know more about ${c.service}.`),
      ai(`I will have ${c.staff} send you our current offers.`),
      ...contactTurns(c, r),
    ],
    summary: (c) => `${c.person.name} was referred by a friend and asked about ${c.service}.`,
    actionItems: (c) => [`Send offers for ${c.service} to ${c.person.name}.`],
  },
];
