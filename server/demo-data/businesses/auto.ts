import type { Business } from './types';

export const auto: Business = {
  key: 'auto',
  name: 'Precision Auto Repair',
  agent: 'Jack',
  orgId: 'org.1727352000.AuToFiXr',
  aiAgentId: 'aia.1727352417.mEchAi33',
  greetings: [
    'Precision Auto Repair, this is Jack, the AI service assistant. How can I help you with your vehicle today?',
    'Thanks for calling Precision Auto Repair. I am Jack, an AI assistant. What is going on with your car?',
    'Hi, you have reached Precision Auto Repair. This is Jack, the shop’s virtual assistant. How can I help?',
  ],
  hours: [
    'The shop is open Monday to Friday from seven thirty to six, and Saturdays from eight to two.',
    'We are open until six today. You can drop your keys in the night box after hours.',
  ],
  booking: 'service appointment',
  services: [
    'an oil change',
    'a brake inspection',
    'a tire rotation',
    'a check engine light diagnosis',
    'an AC repair',
    'a state inspection',
  ],
  items: [
    { name: 'a set of four all-season tires', price: '$640' },
    { name: 'a set of front brake pads', price: '$189' },
    { name: 'a replacement battery', price: '$165' },
    { name: 'a pair of wiper blades', price: '$38' },
  ],
  staff: ['Mike', 'Luis', 'Dave'],
  complaints: [
    'The check engine light came back on the day after you fixed it.',
    'You quoted me three hundred and charged me almost six.',
    'My car has been in the shop for a week and nobody calls me back.',
    'There is a new scratch on the door that was not there before.',
  ],
  faq: [
    [
      'How much is an oil change?',
      'A synthetic oil change is sixty nine dollars and includes a free tire rotation and a multi point inspection.',
    ],
    [
      'Do you have a loaner car?',
      'We have two loaner cars for repairs that take longer than a day. They are first come, first served.',
    ],
    [
      'Do you work on hybrids?',
      'Yes, two of our technicians are certified for hybrid and electric vehicles.',
    ],
    [
      'Is there a warranty on repairs?',
      'All repairs come with a twenty four month, twenty four thousand mile warranty on parts and labor.',
    ],
    [
      'How long does a brake job take?',
      'Pads and rotors usually take about two hours, so you can wait in the lounge.',
    ],
    [
      'Can you tow my car in?',
      'We work with a towing partner. Within ten miles the tow is free if we do the repair.',
    ],
    [
      'Do you charge for a diagnosis?',
      'A diagnosis is one hundred twenty dollars, and we take it off the bill if you do the repair with us.',
    ],
    [
      'Do you use original parts?',
      'We use original or equivalent quality parts, and we always ask you first.',
    ],
  ],
};
