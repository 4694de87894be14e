import type { ProspectStatus, Sentiment } from '../../contract';
import type { Business } from './businesses';
import type { Random } from './prng';

export interface CallContext {
  business: Business;
  name: string;
  firstName: string;
  phone: string;
  /** The phone number as a caller says it, split over two fragments like the seed's. */
  phoneSpoken: [string, string];
  email: string;
  address: string;
  service: string;
  day: string;
  time: string;
}

export interface Turn {
  speaker: 'AI' | 'USER';
  text: string;
}

export interface Scenario {
  key: string;
  weight: number;
  prospectStatus: ProspectStatus;
  sentiment: Sentiment;
  /** Short calls (hang-ups, spam) are not padded with small talk. */
  short?: boolean;
  /** Whether the caller gave name and contact details the analytics can extract. */
  givesDetails: boolean;
  turns(ctx: CallContext, rng: Random): Turn[];
  summary(ctx: CallContext): string;
  actionItems(ctx: CallContext): string[];
}

const ai = (text: string): Turn => ({ speaker: 'AI', text });
const user = (text: string): Turn => ({ speaker: 'USER', text });

/** The caller's name and number, the way people actually say them. */
function contactTurns(ctx: CallContext, rng: Random): Turn[] {
  return [
    ai(
      rng.pick([
        'Could I have your name and a phone number, please?',
        'May I get your name and the best number to reach you?',
      ]),
    ),
    user(rng.pick([`Sure, it's ${ctx.name}.`, `My name is ${ctx.name}.`, `Yeah, ${ctx.name}.`])),
    user(`My number is ${ctx.phoneSpoken[0]}`),
    user(`${ctx.phoneSpoken[1]}.`),
    ai(
      rng.pick([
        `Thank you, ${ctx.firstName}. I have that noted.`,
        `Got it, thanks ${ctx.firstName}.`,
      ]),
    ),
  ];
}

const bye = (rng: Random): Turn[] => [
  user(rng.pick(['That is all, thanks.', 'Nothing else. Thank you.', 'Perfect, thanks a lot.'])),
  ai(
    rng.pick([
      'Thanks for calling, have a great day! Bye.',
      'You are welcome. Have a wonderful day!',
    ]),
  ),
];

export const SCENARIOS: readonly Scenario[] = [
  {
    key: 'book-service',
    weight: 14,
    prospectStatus: 'SCHEDULED_APPOINTMENT_FOR_SERVICE',
    sentiment: 'positive',
    givesDetails: true,
    turns: (c, r) => [
      user(
        r.pick([
          `Hi, I'd like to book ${c.service}.`,
          `Hello, can I get ${c.service} scheduled?`,
          `Hey, do you have time for ${c.service} this week?`,
        ]),
      ),
      ai(`Of course. I have an opening on ${c.day} at ${c.time}. Would that work for you?`),
      user(r.pick(['Yes, that works.', `${c.day} is perfect.`, 'Great, let us do that.'])),
      ...contactTurns(c, r),
      ai(
        `You are booked for ${c.service} on ${c.day} at ${c.time}. You will get a text to confirm.`,
      ),
      ...bye(r),
    ],
    summary: (c) =>
      `${c.name} booked ${c.service} at ${c.business.name} for ${c.day} at ${c.time}.`,
    actionItems: (c) => [
      `Confirm ${c.service} for ${c.name} on ${c.day} at ${c.time}.`,
      `Send a confirmation text to ${c.phone}.`,
    ],
  },
  {
    key: 'service-order',
    weight: 10,
    prospectStatus: 'SERVICE_ORDER_PLACED',
    sentiment: 'positive',
    givesDetails: true,
    turns: (c, r) => [
      user(
        r.pick([
          `I want to go ahead with ${c.service}.`,
          `I'd like to order ${c.service}, please.`,
        ]),
      ),
      ai(`Great choice. I can put that in right away. Is this for ${c.day}?`),
      user('Yes, please.'),
      ...contactTurns(c, r),
      ai(`Your order for ${c.service} is placed. We will have it ready on ${c.day}.`),
      ...bye(r),
    ],
    summary: (c) =>
      `${c.name} placed an order for ${c.service} with ${c.business.name}, ready on ${c.day}.`,
    actionItems: (c) => [`Prepare ${c.service} for ${c.name}.`, `Text ${c.name} when it is ready.`],
  },
  {
    key: 'product-order',
    weight: 6,
    prospectStatus: 'PRODUCT_ORDER_PLACED',
    sentiment: 'positive',
    givesDetails: true,
    turns: (c, r) => [
      user(r.pick(['Do you sell gift cards?', 'Can I buy a gift card over the phone?'])),
      ai('Yes, we have gift cards of fifty, one hundred and two hundred dollars.'),
      user(r.pick(['I will take one for a hundred.', 'A two hundred dollar one, please.'])),
      ...contactTurns(c, r),
      ai(`Your gift card order is placed. We will email it to ${c.email}.`),
      ...bye(r),
    ],
    summary: (c) => `${c.name} ordered a gift card from ${c.business.name}, to be emailed.`,
    actionItems: (c) => [
      `Email the gift card to ${c.email}.`,
      'Record the payment in the register.',
    ],
  },
  {
    key: 'appointment-person',
    weight: 6,
    prospectStatus: 'SCHEDULED_APPOINTMENT_WITH_PERSON',
    sentiment: 'neutral',
    givesDetails: true,
    turns: (c, r) => [
      user(
        r.pick([
          'I would rather speak to a person about this.',
          'Can I talk to the manager about a larger booking?',
        ]),
      ),
      ai(`I understand. I can set up a call with our manager on ${c.day} at ${c.time}.`),
      user('Okay, that is fine.'),
      ...contactTurns(c, r),
      ai(`Done. The manager will call you on ${c.day} at ${c.time}.`),
      ...bye(r),
    ],
    summary: (c) =>
      `${c.name} asked to speak with a person; a call with the manager is set for ${c.day} at ${c.time}.`,
    actionItems: (c) => [`Manager to call ${c.name} on ${c.day} at ${c.time}.`],
  },
  {
    key: 'callback-bot',
    weight: 6,
    prospectStatus: 'SCHEDULED_CALLBACK_WITH_BOT',
    sentiment: 'neutral',
    givesDetails: true,
    turns: (c, r) => [
      user(
        r.pick([
          'I am driving right now, can you call me back later?',
          'This is not a good time, could you call me back?',
        ]),
      ),
      ai(`No problem. I can call you back on ${c.day} at ${c.time}.`),
      user('Yes, please do.'),
      ...contactTurns(c, r),
      ai(`I will call you back on ${c.day} at ${c.time}. Drive safely.`),
    ],
    summary: (c) =>
      `${c.name} asked for a callback, scheduled with the AI for ${c.day} at ${c.time}.`,
    actionItems: (c) => [`AI callback to ${c.name} on ${c.day} at ${c.time}.`],
  },
  {
    key: 'general-hours',
    weight: 10,
    prospectStatus: 'GENERAL_ENQUIRY',
    sentiment: 'neutral',
    givesDetails: false,
    turns: (c, r) => [
      user(
        r.pick([
          'Hi, what are your opening hours?',
          'Hey, are you open on Sundays?',
          'What time do you close today?',
        ]),
      ),
      ai('We are open Monday to Saturday from nine to seven, and Sundays from ten to four.'),
      user(r.pick(['Okay, good to know.', 'Alright, thanks.'])),
      ai('Is there anything else I can help you with?'),
      user('No, that is it.'),
      ai('Have a great day!'),
    ],
    summary: (c) => `The caller asked about opening hours at ${c.business.name}.`,
    actionItems: () => [],
  },
  {
    key: 'general-pricing',
    weight: 8,
    prospectStatus: 'GENERAL_ENQUIRY',
    sentiment: 'positive',
    givesDetails: false,
    turns: (c, r) => {
      const [question, answer] = r.pick(c.business.faq);
      return [
        user(question),
        ai(answer),
        user(r.pick(['That sounds good.', 'Nice, thank you.'])),
        ai('Glad I could help. Anything else?'),
        ...bye(r),
      ];
    },
    summary: (c) => `The caller asked a general question about ${c.business.name}'s services.`,
    actionItems: () => [],
  },
  {
    key: 'new-lead',
    weight: 6,
    prospectStatus: 'NEW',
    sentiment: 'neutral',
    givesDetails: true,
    turns: (c, r) => [
      user(
        r.pick([
          'I just moved to the area and wanted to learn about you.',
          'A friend recommended you, what do you offer?',
        ]),
      ),
      ai(`Welcome! We offer ${c.business.services.slice(0, 3).join(', ')} and more.`),
      user('Okay. I will think about it.'),
      ...contactTurns(c, r),
      ai('I will send you some information by text.'),
    ],
    summary: (c) => `${c.name} is new to the area and asked what ${c.business.name} offers.`,
    actionItems: (c) => [`Send an introduction text to ${c.name}.`],
  },
  {
    key: 'not-interested',
    weight: 5,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'neutral',
    givesDetails: false,
    turns: (c, r) => [
      user(
        r.pick([
          'You called me earlier, what is this about?',
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
    key: 'price-too-high',
    weight: 4,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'negative',
    givesDetails: false,
    turns: (c, r) => [
      user(`How much is ${c.service}?`),
      ai(
        'It depends on the details, but most customers pay between eighty and one hundred fifty dollars.',
      ),
      user(r.pick(['That is way too expensive.', 'Wow, no. That is more than I want to pay.'])),
      ai('I understand. We do have a first visit discount of fifteen percent.'),
      user('No thanks.'),
    ],
    summary: (c) => `The caller found the price of ${c.service} too high and declined.`,
    actionItems: () => ['Review pricing feedback.'],
  },
  {
    key: 'angry-complaint',
    weight: 5,
    prospectStatus: 'SCHEDULED_APPOINTMENT_WITH_PERSON',
    sentiment: 'negative',
    givesDetails: true,
    turns: (c, r) => [
      user(
        r.pick([
          'I am really upset. The last visit was a disaster.',
          'This is the third time I am calling about the same problem!',
        ]),
      ),
      ai('I am very sorry to hear that. Can you tell me what happened?'),
      user(
        r.pick([
          'Nobody called me back, and I waited for an hour.',
          'You charged me twice and nobody fixed it.',
        ]),
      ),
      user('I want to talk to a manager, now.'),
      ai(
        `I completely understand. I will have the manager call you today, on ${c.day} at ${c.time} at the latest.`,
      ),
      ...contactTurns(c, r),
      user('Fine. But this is the last chance.'),
    ],
    summary: (c) =>
      `${c.name} called angry about a previous visit and demanded a manager; a call is promised by ${c.day} ${c.time}.`,
    actionItems: (c) => [
      `Manager to call ${c.name} urgently.`,
      'Investigate the complaint and refund if owed.',
    ],
  },
  {
    key: 'angry-hangup',
    weight: 3,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'negative',
    short: true,
    givesDetails: false,
    turns: (c, r) => [
      user(r.pick(['Is this a robot? I want a real person.', 'Ugh, another machine.'])),
      ai(
        `I am ${c.business.agent}, an AI assistant. I can help with most things or connect you with the team.`,
      ),
      user('Forget it.'),
    ],
    summary: () => 'The caller did not want to talk to an AI and hung up.',
    actionItems: () => ['Call the customer back from a person if the number is known.'],
  },
  {
    key: 'hang-up',
    weight: 4,
    prospectStatus: 'NEW',
    sentiment: 'neutral',
    short: true,
    givesDetails: false,
    turns: (_c, r) => [user(r.pick(['Hello?', 'Hi, um...', 'Hello, is anyone there?']))],
    summary: () => 'The caller hung up right after the greeting.',
    actionItems: () => [],
  },
  {
    key: 'wrong-number',
    weight: 4,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'neutral',
    short: true,
    givesDetails: false,
    turns: (c, r) => [
      user(
        r.pick([
          'Is this the pharmacy?',
          "Hi, is this Dr. Miller's office?",
          'I am trying to reach the pizza place.',
        ]),
      ),
      ai(`No, this is ${c.business.name}. I think you may have the wrong number.`),
      user(r.pick(['Oh, sorry about that.', 'Oops, my mistake. Bye.'])),
      ai('No problem. Have a nice day.'),
    ],
    summary: () => 'Wrong number: the caller was trying to reach another business.',
    actionItems: () => [],
  },
  {
    key: 'spam',
    weight: 4,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'neutral',
    short: true,
    givesDetails: false,
    turns: (_c, r) => [
      user(
        r.pick([
          'Congratulations! Your business has been selected for a free listing upgrade. Press one now.',
          "This is an important message about your car's extended warranty.",
          'We can get you to the top of search results today, guaranteed.',
        ]),
      ),
      ai('Thank you, but we are not interested. Please remove this number from your list.'),
    ],
    summary: () => 'A spam or robocall sales pitch. No action needed.',
    actionItems: () => ['Block the number.'],
  },
  {
    key: 'reschedule',
    weight: 6,
    prospectStatus: 'SCHEDULED_APPOINTMENT_FOR_SERVICE',
    sentiment: 'neutral',
    givesDetails: true,
    turns: (c, r) => [
      user(r.pick(['I need to move my appointment.', 'Can I reschedule my booking?'])),
      ai('Sure, I can help with that. What day works better for you?'),
      user(`Could we do ${c.day} instead?`),
      ai(`${c.day} at ${c.time} is open. Shall I move it?`),
      user('Yes, please.'),
      ...contactTurns(c, r),
      ai(`Done. Your appointment is now on ${c.day} at ${c.time}.`),
    ],
    summary: (c) => `${c.name} moved an existing appointment to ${c.day} at ${c.time}.`,
    actionItems: (c) => [`Update the calendar: ${c.name} now on ${c.day} at ${c.time}.`],
  },
  {
    key: 'cancel',
    weight: 4,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'negative',
    givesDetails: true,
    turns: (c, r) => [
      user(
        r.pick([
          'I want to cancel my appointment.',
          'Please cancel my booking, I found another place.',
        ]),
      ),
      ai('I am sorry to hear that. May I ask why?'),
      user('The wait was too long last time.'),
      ai('Thank you for telling me. I have cancelled it.'),
      ...contactTurns(c, r),
    ],
    summary: (c) => `${c.name} cancelled an appointment because of long waits.`,
    actionItems: (c) => [`Remove ${c.name}'s booking.`, 'Follow up on wait-time feedback.'],
  },
  {
    key: 'quote-request',
    weight: 5,
    prospectStatus: 'SCHEDULED_CALLBACK_WITH_BOT',
    sentiment: 'positive',
    givesDetails: true,
    turns: (c, r) => [
      user(`Could you send me a quote for ${c.service}?`),
      ai('Absolutely. I will prepare a quote and call you back with it.'),
      ...contactTurns(c, r),
      user(r.pick([`You can also email me at ${c.email}.`, 'Email works too.'])),
      ai(`I will send the quote and call you on ${c.day}.`),
      ...bye(r),
    ],
    summary: (c) =>
      `${c.name} requested a quote for ${c.service}; the AI will call back on ${c.day}.`,
    actionItems: (c) => [`Prepare a quote for ${c.service}.`, `Call ${c.name} back on ${c.day}.`],
  },
  {
    key: 'consultation',
    weight: 5,
    prospectStatus: 'SCHEDULED_APPOINTMENT_WITH_PERSON',
    sentiment: 'positive',
    givesDetails: true,
    turns: (c, r) => [
      user(
        r.pick([
          'I have a lot of questions before I decide.',
          'I am comparing a few places, can you tell me more?',
        ]),
      ),
      ai('Happy to help. Ask me anything.'),
      ...c.business.faq.flatMap(([question, answer]) => [user(question), ai(answer)]),
      user('Okay, I would like to meet someone in person.'),
      ai(`I can book you with our team on ${c.day} at ${c.time}.`),
      ...contactTurns(c, r),
      ...bye(r),
    ],
    summary: (c) =>
      `${c.name} asked many questions and booked an in-person consultation on ${c.day}.`,
    actionItems: (c) => [`Prepare a consultation for ${c.name} on ${c.day} at ${c.time}.`],
  },
  {
    key: 'delivery-status',
    weight: 4,
    prospectStatus: 'GENERAL_ENQUIRY',
    sentiment: 'negative',
    givesDetails: true,
    turns: (c, r) => [
      user(r.pick(['My order still has not arrived.', 'Where is my order? It has been an hour.'])),
      ai('I am sorry about the delay. Let me check on that for you.'),
      ...contactTurns(c, r),
      ai(
        'Your order is on its way and should arrive in fifteen minutes. I added a discount for next time.',
      ),
      user('Okay. Thanks, I guess.'),
    ],
    summary: (c) =>
      `${c.name} complained that an order was late; the AI checked the status and offered a discount.`,
    actionItems: (c) => [`Check on ${c.name}'s late order.`, 'Apply a discount to the next order.'],
  },
  {
    key: 'availability-check',
    weight: 5,
    prospectStatus: 'GENERAL_ENQUIRY',
    sentiment: 'positive',
    givesDetails: false,
    turns: (c, r) => [
      user(
        r.pick([
          `Do you have anything free for ${c.service} on ${c.day}?`,
          `Is ${c.day} possible for ${c.service}?`,
        ]),
      ),
      ai(`Yes, ${c.day} at ${c.time} is still free.`),
      user('Great, I will call back to confirm.'),
      ai('Sounds good. Talk soon!'),
    ],
    summary: (c) => `The caller checked availability for ${c.service} on ${c.day} without booking.`,
    actionItems: () => [],
  },
  {
    key: 'referral',
    weight: 3,
    prospectStatus: 'NEW',
    sentiment: 'positive',
    givesDetails: true,
    turns: (c, r) => [
      user(
        r.pick([
          'My sister told me you are amazing!',
          'I saw your reviews online, they are great.',
        ]),
      ),
      ai('That is so kind, thank you! How can I help you today?'),
      user(`I would like to know more about ${c.service}.`),
      ai('I will have someone send you our offers.'),
      ...contactTurns(c, r),
    ],
    summary: (c) => `${c.name} was referred and asked about ${c.service}.`,
    actionItems: (c) => [`Send offers for ${c.service} to ${c.name}.`],
  },
];
