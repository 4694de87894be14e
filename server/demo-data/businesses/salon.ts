import type { Business } from './types';

export const salon: Business = {
  key: 'salon',
  name: 'Luxe Hair Studio',
  agent: 'Mia',
  orgId: 'org.1727197400.LuXeHaIr',
  aiAgentId: 'aia.1727197811.hAirAi22',
  greetings: [
    'Hello and welcome to Luxe Hair Studio, this is Mia, your AI assistant. How can I help you look great today?',
    'Luxe Hair Studio, Mia here, the studio’s AI. What can I do for you?',
    'Hi, thanks for calling Luxe Hair Studio. I am Mia, a virtual assistant. Would you like to book an appointment?',
  ],
  hours: [
    'We are open Tuesday to Saturday from nine to eight, and Sundays from ten to five. We are closed on Mondays.',
    'Today we are open until eight, and the last color appointment starts at six.',
  ],
  booking: 'appointment',
  services: [
    'a haircut',
    'balayage',
    'a blow dry',
    'a keratin treatment',
    'a color touch up',
    'a beard trim',
  ],
  items: [
    { name: 'a bottle of Olaplex No. 3', price: '$30' },
    { name: 'the Davines repair mask', price: '$42' },
    { name: 'a gift card for a cut and style', price: '$85' },
    { name: 'a travel styling kit', price: '$55' },
  ],
  staff: ['Jess', 'Andre', 'Carla'],
  complaints: [
    'My color came out orange, not the ash blonde I asked for.',
    'The stylist cut off way more than I asked.',
    'I was charged for a treatment I never got.',
    'My appointment was given to someone else.',
  ],
  faq: [
    [
      'How much is balayage?',
      'Balayage starts at one hundred eighty dollars and depends on the length of your hair. A consultation is free.',
    ],
    [
      'Do you have anyone free on Saturday?',
      'Saturdays fill up quickly, but Jess has two openings in the afternoon this week.',
    ],
    [
      'Which products do you use?',
      'We use Olaplex and Davines, and everything we use is cruelty free.',
    ],
    [
      'How long does a keratin treatment last?',
      'It usually lasts three to five months, depending on how often you wash your hair.',
    ],
    [
      'Do you cut curly hair?',
      'Yes. Andre is trained in curly cuts, and he cuts curls dry to see how they fall.',
    ],
    [
      'Do I need a patch test for color?',
      'For a first color with us, yes. It takes five minutes, forty eight hours before the appointment.',
    ],
    [
      'Can I bring my daughter for a trim?',
      'Of course. Children’s cuts are thirty dollars for kids under twelve.',
    ],
    [
      'What is your cancellation policy?',
      'Please let us know twenty four hours ahead. Late cancellations are charged half the service.',
    ],
  ],
};
