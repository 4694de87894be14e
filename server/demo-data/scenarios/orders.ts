import { ai, contactTurns, goodbye, sentences, user } from '../wording';
import type { Scenario } from './types';

/** Calls that end with something ordered, bought or approved. */
export const ORDER_SCENARIOS: readonly Scenario[] = [
  {
    key: 'food-order',
    stretches: true,
    kind: 'order',
    weight: 12,
    fits: ['restaurant'],
    prospectStatus: 'SERVICE_ORDER_PLACED',
    sentiment: 'positive',
    givesDetails: true,
    script: (c, r) => {
      const delivery = r.chance(0.4);
      return [
        user(r.pick(['Hi. So I want to place an order.', 'Hey, can I order for pickup?'])),
        user(r.pick(['What would you recommend?', 'Something spicy, maybe?'])),
        ai(
          `I would recommend ${c.item.name}. It is one of our most popular dishes, at ${c.item.price}. Would you like that?`,
        ),
        user(r.pick(['Yes, that sounds good.', `Okay, ${c.item.name}, please.`])),
        ai(delivery ? 'Great. What is the delivery address?' : 'Great. Is this for pickup?'),
        user(delivery ? `It is ${c.person.address}.` : 'Yes, I will pick it up.'),
        ...contactTurns(c, r),
        ai(
          `Thank you, ${c.person.firstName}! Your order for ${c.item.name} is confirmed. It will be ${delivery ? 'with you in about forty five minutes' : 'ready for pickup in thirty minutes'}.`,
        ),
        ...goodbye(c, r),
      ];
    },
    summary: (c) =>
      `The caller, ${c.person.name}, ordered ${c.item.name} from ${c.business.name} after asking for a recommendation. The order is confirmed.`,
    actionItems: (c) => [
      `Prepare ${c.item.name} for ${c.person.name}.`,
      `Send a confirmation text to ${c.person.phone.written}.`,
    ],
  },
  {
    key: 'repair-approval',
    stretches: true,
    kind: 'order',
    weight: 4,
    fits: ['auto'],
    prospectStatus: 'SERVICE_ORDER_PLACED',
    sentiment: 'neutral',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          'Hi, Mike called me about my car. He said it needs some work.',
          'You left me a message about the repair estimate for my car.',
        ]),
      ),
      ai(
        `Yes, the estimate is for ${c.item.name}, at ${c.item.price} plus labor. Shall we go ahead?`,
      ),
      user(r.pick(['Yeah, go ahead.', 'Okay. Do it, I need the car back.'])),
      ...contactTurns(c, r),
      ai(`The work is approved. The car should be ready ${c.slot.onDay} at ${c.slot.time}.`),
      ...goodbye(c, r),
    ],
    summary: (c) =>
      `${c.person.name} approved the repair estimate for ${c.item.name}. The car is due ${c.slot.onDay}.`,
    actionItems: (c) => [
      `Order ${c.item.name} and schedule the work.`,
      `Call ${c.person.name} when the car is ready.`,
    ],
  },
  {
    key: 'treatment-go-ahead',
    stretches: true,
    kind: 'order',
    weight: 4,
    fits: ['dental', 'salon', 'realty'],
    prospectStatus: 'SERVICE_ORDER_PLACED',
    sentiment: 'positive',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          `I got the quote for ${c.service}, and I would like to go ahead.`,
          `${c.staff} sent me the plan. Let us do it.`,
        ]),
      ),
      ai(
        `Wonderful. I will set up ${c.service} with ${c.staff} ${c.slot.onDay} at ${c.slot.time}.`,
      ),
      user('Perfect.'),
      ...contactTurns(c, r),
      ai(
        sentences(
          'You are all set.',
          r.pick(['The paperwork will come by email.', 'We will email you the agreement.']),
        ),
      ),
      ...goodbye(c, r),
    ],
    summary: (c) =>
      `${c.person.name} accepted the proposal for ${c.service}; it starts ${c.slot.onDay} with ${c.staff}.`,
    actionItems: (c) => [
      `Email the agreement to ${c.person.name}.`,
      `Confirm ${c.slot.day} at ${c.slot.time} with ${c.staff}.`,
    ],
  },
  {
    key: 'product-order',
    stretches: true,
    kind: 'order',
    weight: 6,
    fits: ['restaurant', 'dental', 'salon', 'auto'],
    prospectStatus: 'PRODUCT_ORDER_PLACED',
    sentiment: 'positive',
    givesDetails: true,
    script: (c, r) => [
      user(
        r.pick([
          `Do you sell ${c.item.name}?`,
          `Can I buy ${c.item.name} over the phone?`,
          `I would like to order ${c.item.name}.`,
        ]),
      ),
      ai(`Yes, ${c.item.name} is ${c.item.price}. Shall I put one aside for you?`),
      user(r.pick(['Yes, please.', 'Sure, I will pick it up this week.'])),
      ...contactTurns(c, r),
      ai(`Your order is placed. We will text you when ${c.item.name} is ready.`),
      ...goodbye(c, r),
    ],
    summary: (c) =>
      `${c.person.name} ordered ${c.item.name} (${c.item.price}) from ${c.business.name}, to be picked up.`,
    actionItems: (c) => [
      `Set aside ${c.item.name} for ${c.person.name}.`,
      `Text ${c.person.phone.written} when it is ready.`,
    ],
  },
  {
    key: 'gift-card',
    stretches: true,
    kind: 'order',
    weight: 3,
    fits: ['restaurant', 'salon', 'dental'],
    prospectStatus: 'PRODUCT_ORDER_PLACED',
    sentiment: 'positive',
    givesDetails: true,
    script: (c, r) => [
      user(r.pick(['Do you sell gift cards?', 'Can I buy a gift card for my mom?'])),
      ai('Yes, we have gift cards of fifty, one hundred and two hundred dollars.'),
      user(r.pick(['I will take one for a hundred.', 'A two hundred dollar one, please.'])),
      ...contactTurns(c, r),
      user(`Can you email it to ${c.person.email}?`),
      ai(`Of course. The gift card will be in your inbox within the hour.`),
      ...goodbye(c, r),
    ],
    summary: (c) =>
      `${c.person.name} bought a gift card from ${c.business.name}, to be emailed to ${c.person.email}.`,
    actionItems: (c) => [
      `Email the gift card to ${c.person.email}.`,
      'Record the payment in the register.',
    ],
  },
];
