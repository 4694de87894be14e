import { ai, capitalize, confirmation, contactTurns, goodbye, sentences, user } from '../wording';
import type { Scenario } from './types';

/** Calls that book, move or cancel a visit. */
export const BOOKING_SCENARIOS: readonly Scenario[] = [
  {
    key: 'book-service',
    stretches: true,
    kind: 'booking',
    weight: 14,
    prospectStatus: 'SCHEDULED_APPOINTMENT_FOR_SERVICE',
    sentiment: 'positive',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          `Hi, I'd like to book ${c.service}.`,
          `Hello, can I get ${c.service} ${c.slot.onDay}?`,
          `Hey, do you have time for ${c.service} this week?`,
          `Yes, hi. I need to make a ${c.business.booking} for ${c.service}.`,
        ]),
      ),
      ai(
        r.pick([
          `Of course. I have ${c.slot.time} or ${c.slot.otherTime} ${c.slot.onDay}. Which works better?`,
          `Sure. ${capitalize(c.slot.day)} at ${c.slot.time} is open. Would that work for you?`,
        ]),
      ),
      user(
        r.pick(['The first one works.', `${c.slot.time} is perfect.`, 'Great, let us do that.']),
      ),
      ...contactTurns(c, r),
      ai(
        sentences(
          `You are booked for ${c.service} ${c.slot.onDay} at ${c.slot.time}.`,
          confirmation(r),
        ),
      ),
      ...goodbye(c, r),
    ],
    summary: (c) =>
      `${c.person.name} booked ${c.service} at ${c.business.name} ${c.slot.onDay} at ${c.slot.time}. The AI took their name and number and promised a confirmation text.`,
    actionItems: (c) => [
      `Confirm the ${c.business.booking} for ${c.person.name}: ${c.service}, ${c.slot.day} at ${c.slot.time}.`,
      `Send a confirmation text to ${c.person.phone.written}.`,
    ],
  },
  {
    key: 'reschedule',
    stretches: true,
    kind: 'booking',
    weight: 6,
    prospectStatus: 'SCHEDULED_APPOINTMENT_FOR_SERVICE',
    sentiment: 'neutral',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          `I need to move my ${c.business.booking}.`,
          `Can I reschedule my ${c.business.booking}? Something came up.`,
          `Hi, I have ${c.service} booked, but I can't make it.`,
        ]),
      ),
      ai('Sure, I can help with that. Which day works better for you?'),
      user(r.pick([`Could we do ${c.slot.day} instead?`, `Is ${c.slot.day} possible?`])),
      ai(`${capitalize(c.slot.day)} at ${c.slot.time} is open. Shall I move it there?`),
      user(r.pick(['Yes, please.', 'Yeah, that works.'])),
      ...contactTurns(c, r),
      ai(sentences(`Done. You are now booked ${c.slot.onDay} at ${c.slot.time}.`, confirmation(r))),
      ...goodbye(c, r),
    ],
    summary: (c) =>
      `${c.person.name} moved their ${c.business.booking} for ${c.service} to ${c.slot.day} at ${c.slot.time}.`,
    actionItems: (c) => [
      `Update the calendar: ${c.person.name} now ${c.slot.onDay} at ${c.slot.time}.`,
      'Release the original slot.',
    ],
  },
  {
    key: 'urgent-visit',
    stretches: false,
    kind: 'booking',
    weight: 4,
    fits: ['dental', 'auto'],
    prospectStatus: 'SCHEDULED_APPOINTMENT_FOR_SERVICE',
    sentiment: 'negative',
    givesDetails: true,
    script: (c, r) => [
      user(
        c.business.key === 'dental'
          ? r.pick([
              'Hi, I have a terrible toothache and my face is swelling.',
              'I broke a tooth on a popcorn kernel, and it really hurts.',
            ])
          : r.pick([
              'My car is making a grinding noise every time I brake.',
              'My car just died on the highway and it will not start.',
            ]),
      ),
      ai(
        r.pick([
          'I am sorry, that sounds stressful. Let me find you the earliest slot.',
          'Oh no. We keep emergency slots for exactly this. One moment.',
        ]),
      ),
      ai(`The earliest I have is ${c.slot.day} at ${c.slot.time}. Can you make it?`),
      user(r.pick(['Is there nothing sooner?', 'Yes. Please, yes.'])),
      ai('That is the first opening, but I will put you on the list in case something frees up.'),
      ...contactTurns(c, r),
      user('Okay. Thank you.'),
    ],
    summary: (c) =>
      `${c.person.name} called with an urgent problem and was given the earliest slot, ${c.slot.day} at ${c.slot.time}, and put on the cancellation list.`,
    actionItems: (c) => [
      `Treat ${c.person.name} as urgent ${c.slot.onDay} at ${c.slot.time}.`,
      `Call ${c.person.phone.written} if an earlier slot opens.`,
    ],
  },
  {
    key: 'cancel',
    stretches: false,
    kind: 'booking',
    weight: 4,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'negative',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          `I want to cancel my ${c.business.booking}.`,
          `Please cancel my ${c.business.booking}, I found another place.`,
        ]),
      ),
      ai('I am sorry to hear that. May I ask why?'),
      user(r.pick(['The wait was too long last time.', 'Honestly, it is too expensive for me.'])),
      ...contactTurns(c, r),
      ai('Thank you for telling me. I have cancelled it, and you will not be charged.'),
    ],
    summary: (c) =>
      `${c.person.name} cancelled their ${c.business.booking} for ${c.service} and gave feedback on why.`,
    actionItems: (c) => [
      `Remove ${c.person.name}'s ${c.business.booking} from the calendar.`,
      'Review the feedback on waiting times and prices.',
    ],
  },
  {
    key: 'availability-check',
    stretches: true,
    kind: 'enquiry',
    weight: 5,
    prospectStatus: 'GENERAL_ENQUIRY',
    sentiment: 'positive',
    givesDetails: false,
    script: (c, r) => [
      user(
        r.pick([
          `Do you have anything free for ${c.service} ${c.slot.onDay}?`,
          `Is ${c.slot.day} possible for ${c.service}?`,
        ]),
      ),
      ai(`Yes, ${c.slot.day} at ${c.slot.time} and at ${c.slot.otherTime} are still free.`),
      user(r.pick(['Great, I will call back to confirm.', 'Let me check with my partner first.'])),
      ai(r.pick(['Sounds good. Talk soon!', 'Of course. Just call us back when you are ready.'])),
    ],
    summary: (c) =>
      `The caller checked availability for ${c.service} ${c.slot.onDay} without booking.`,
    actionItems: () => [],
  },
];
