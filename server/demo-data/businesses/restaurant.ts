import type { Business } from './types';

/** Like the seed's restaurant, with the seed's own org and agent ids. */
export const restaurant: Business = {
  key: 'restaurant',
  name: 'Cote Korean Steak House',
  agent: 'Sophia',
  orgId: 'org.1726902940.GZChqlpU',
  aiAgentId: 'aia.1726903132.obUuT7vM',
  greetings: [
    'Hi, thanks for calling Cote Korean Steak House. I am Sophia, the restaurant manager powered by AI. How may I assist you today?',
    'Good evening, Cote Korean Steak House, this is Sophia, your AI host. How can I help?',
    'Thank you for calling Cote. This is Sophia, a virtual assistant. Are you calling about a reservation or an order?',
  ],
  hours: [
    'We are open from five to eleven on weekdays, and from noon to midnight on Saturdays and Sundays.',
    'Tonight we are open until eleven, and the kitchen takes its last orders at ten thirty.',
  ],
  booking: 'reservation',
  services: [
    'a table for two',
    'a table for four',
    'a table for six',
    'the private dining room',
    'a table on the patio',
  ],
  items: [
    { name: 'the Spicy Korean Chicken Wings', price: '$18' },
    { name: 'the Spicy Beef Bulgogi', price: '$32' },
    { name: 'the Butcher’s Feast for two', price: '$64' },
    { name: 'a large bibimbap', price: '$22' },
    { name: 'the mushroom japchae', price: '$19' },
    { name: 'the kimchi fried rice', price: '$16' },
  ],
  staff: ['Min-jun', 'Dana', 'Chef Park'],
  complaints: [
    'My order was missing the rice and the wings were cold.',
    'We waited forty minutes for a table we had booked.',
    'The delivery driver went to the wrong address and I never got my food.',
    'I was charged for two orders but only got one.',
  ],
  faq: [
    [
      'Do you have vegetarian options?',
      'Yes, we have a tofu bibimbap, grilled vegetables and a mushroom japchae. All of them can be made without fish sauce.',
    ],
    [
      'Is there parking nearby?',
      'There is a public garage on the next block, and we validate parking for two hours.',
    ],
    [
      'Can you do a birthday cake?',
      'We can. Let us know a day ahead and we will prepare a small cake with a candle for the table.',
    ],
    [
      'Do you deliver to Midtown?',
      'We deliver within three miles, which includes Midtown. Delivery takes about forty minutes.',
    ],
    [
      'Is the meat grilled at the table?',
      'Yes, every table has a built-in grill, and our staff cook the meat for you.',
    ],
    [
      'Do you have gluten free dishes?',
      'Several. Our grilled meats without marinade and the japchae are gluten free, and the menu marks them.',
    ],
    ['Can I bring my own wine?', 'You can. The corkage fee is twenty five dollars a bottle.'],
    [
      'Do you take large groups?',
      'We seat groups of up to twelve in the main room, and up to twenty in the private dining room.',
    ],
  ],
};
