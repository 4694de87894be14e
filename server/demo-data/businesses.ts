/** The demo's five businesses, each with its own AI receptionist. */
export interface Business {
  key: 'restaurant' | 'dental' | 'salon' | 'auto' | 'realty';
  name: string;
  agent: string;
  orgId: string;
  aiAgentId: string;
  greetings: readonly string[];
  services: readonly string[];
  /** Questions a caller may ask, each with the AI's answer; long calls loop through them. */
  faq: readonly (readonly [string, string])[];
}

export const BUSINESSES: readonly Business[] = [
  {
    key: 'restaurant',
    name: 'Cote Korean Steak House',
    agent: 'Sophia',
    orgId: 'org.1726902940.GZChqlpU',
    aiAgentId: 'aia.1726903132.obUuT7vM',
    greetings: [
      'Hi, thanks for calling Cote Korean Steak House. I am Sophia, the restaurant manager powered by AI. How may I assist you today?',
      'Good evening, Cote Korean Steak House, this is Sophia, your AI host. How can I help?',
    ],
    services: [
      'a table for four',
      'the Spicy Beef Bulgogi',
      'the Korean Chicken Wings',
      'the butcher feast',
      'a private dining room',
    ],
    faq: [
      [
        'Do you have vegetarian options?',
        'Yes, we have a tofu bibimbap, grilled vegetables and a mushroom japchae. All of them can be made without fish sauce.',
      ],
      [
        'How late are you open tonight?',
        'We are open until eleven tonight, and the kitchen takes its last orders at ten thirty.',
      ],
      [
        'Is there parking nearby?',
        'There is a public garage on the next block, and we validate parking for two hours.',
      ],
      [
        'Can you do a birthday cake?',
        'We can. Let us know a day ahead and we will prepare a small cake with a candle for the table.',
      ],
    ],
  },
  {
    key: 'dental',
    name: 'Bright Smile Dental Clinic',
    agent: 'Emma',
    orgId: 'org.1727011200.DeNtAlCl',
    aiAgentId: 'aia.1727011532.smIleAI1',
    greetings: [
      'Thank you for calling Bright Smile Dental Clinic. This is Emma, the virtual receptionist. How can I help you today?',
      'Bright Smile Dental, Emma speaking, I am an AI assistant. What can I do for you?',
    ],
    services: ['a cleaning', 'a check-up', 'teeth whitening', 'a filling', 'an emergency visit'],
    faq: [
      [
        'Do you take Delta Dental insurance?',
        'Yes, we are in network with Delta Dental, Cigna and MetLife. Please bring your insurance card to the visit.',
      ],
      [
        'How long does a cleaning take?',
        'A regular cleaning takes about forty five minutes, including a short exam with the dentist.',
      ],
      [
        'Does whitening hurt?',
        'Most patients feel nothing at all. Some notice a little sensitivity for a day, and we give you a gel for that.',
      ],
      [
        'Can I bring my kids too?',
        'Of course. Dr. Patel sees children from the age of three, and we can book the visits back to back.',
      ],
    ],
  },
  {
    key: 'salon',
    name: 'Luxe Hair Studio',
    agent: 'Mia',
    orgId: 'org.1727197400.LuXeHaIr',
    aiAgentId: 'aia.1727197811.hAirAi22',
    greetings: [
      'Hello and welcome to Luxe Hair Studio, this is Mia, your AI assistant. How can I help you look great today?',
      'Luxe Hair Studio, Mia here, the studio AI. What can I do for you?',
    ],
    services: ['a haircut', 'balayage', 'a blow dry', 'a keratin treatment', 'a color touch up'],
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
    ],
  },
  {
    key: 'auto',
    name: 'Precision Auto Repair',
    agent: 'Jack',
    orgId: 'org.1727352000.AuToFiXr',
    aiAgentId: 'aia.1727352417.mEchAi33',
    greetings: [
      'Precision Auto Repair, this is Jack, the AI service assistant. How can I help you with your vehicle today?',
      'Thanks for calling Precision Auto Repair. I am Jack, an AI assistant. What is going on with your car?',
    ],
    services: [
      'an oil change',
      'a brake inspection',
      'new tires',
      'a check engine light diagnosis',
      'an AC repair',
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
    ],
  },
  {
    key: 'realty',
    name: 'Harbor View Realty',
    agent: 'Olivia',
    orgId: 'org.1727524800.HaRbOrVw',
    aiAgentId: 'aia.1727525190.hOmeAi44',
    greetings: [
      'Harbor View Realty, this is Olivia, the AI assistant for our agents. How can I help you today?',
      'Thank you for calling Harbor View Realty. I am Olivia, a virtual assistant. Are you looking to buy, sell or rent?',
    ],
    services: [
      'a showing of the house on Maple Avenue',
      'a home valuation',
      'a rental in the harbor district',
      'an open house visit',
      'a listing consultation',
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
    ],
  },
];
