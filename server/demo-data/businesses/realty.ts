import type { Business } from './types';

export const realty: Business = {
  key: 'realty',
  name: 'Harbor View Realty',
  agent: 'Olivia',
  orgId: 'org.1727524800.HaRbOrVw',
  aiAgentId: 'aia.1727525190.hOmeAi44',
  greetings: [
    'Harbor View Realty, this is Olivia, the AI assistant for our agents. How can I help you today?',
    'Thank you for calling Harbor View Realty. I am Olivia, a virtual assistant. Are you looking to buy, sell or rent?',
    'Hi, you have reached Harbor View Realty. This is Olivia, an AI assistant. How may I help you?',
  ],
  hours: [
    'The office is open Monday to Saturday from nine to six. Our agents also show homes on Sunday afternoons.',
    'We are open until six today, and showings can be booked into the evening.',
  ],
  booking: 'viewing',
  services: [
    'a showing of the house on Maple Avenue',
    'a viewing of the loft on Harbor Street',
    'a tour of the condo at 12 Bay Road',
    'an open house visit',
    'a home valuation visit',
  ],
  items: [],
  staff: ['Karen Lee', 'Tom Becker', 'Priya Shah'],
  complaints: [
    'Nobody showed up for the viewing I booked.',
    'I applied for the apartment two weeks ago and I have heard nothing.',
    'The listing said parking included, and it is not.',
    'Your agent promised to call me back three times.',
  ],
  faq: [
    [
      'What is the asking price on Maple Avenue?',
      'The house on Maple Avenue is listed at six hundred forty nine thousand dollars. It has three bedrooms and two baths.',
    ],
    [
      'Are pets allowed in the rentals?',
      'Most of our rentals allow cats and small dogs, with a pet deposit of three hundred dollars.',
    ],
    [
      'How long do homes stay on the market?',
      'In this neighborhood homes sell in about twenty three days on average right now.',
    ],
    [
      'Do you help first time buyers?',
      'Yes. Our agents walk first time buyers through pre approval, offers and closing, step by step.',
    ],
    [
      'What is your commission to sell?',
      'Our listing fee is discussed with the agent at the valuation, and it includes photos and staging advice.',
    ],
    [
      'Is the loft on Harbor Street still available?',
      'It is. The loft has two bedrooms, a rooftop terrace and rents for three thousand two hundred a month.',
    ],
    [
      'What are the HOA fees at Bay Road?',
      'The HOA fee at 12 Bay Road is four hundred ten dollars a month and includes water and the gym.',
    ],
    [
      'Can I get pre approved through you?',
      'We work with two local lenders who can pre approve you within forty eight hours.',
    ],
  ],
};
