import type { Business } from './types';

export const dental: Business = {
  key: 'dental',
  name: 'Bright Smile Dental Clinic',
  agent: 'Emma',
  orgId: 'org.1727011200.DeNtAlCl',
  aiAgentId: 'aia.1727011532.smIleAI1',
  greetings: [
    'Thank you for calling Bright Smile Dental Clinic. This is Emma, the virtual receptionist. How can I help you today?',
    'Bright Smile Dental, Emma speaking. I am an AI assistant. What can I do for you?',
    'Hello, you have reached Bright Smile Dental Clinic. I am Emma, the clinic’s AI receptionist. How may I help?',
  ],
  hours: [
    'The clinic is open Monday to Friday from eight to six, and on Saturdays from nine to one.',
    'We are open until six today, and we keep two emergency slots every morning.',
  ],
  booking: 'appointment',
  services: [
    'a cleaning',
    'a check-up',
    'teeth whitening',
    'a filling',
    'a consultation for Invisalign',
    'a crown fitting',
  ],
  items: [
    { name: 'an electric toothbrush', price: '$89' },
    { name: 'a take-home whitening kit', price: '$149' },
    { name: 'a custom night guard', price: '$320' },
    { name: 'a pack of replacement brush heads', price: '$24' },
  ],
  staff: ['Dr. Patel', 'Dr. Alvarez', 'Linda'],
  complaints: [
    'My filling fell out two days after the visit.',
    'I was billed for a cleaning my insurance should have covered.',
    'My tooth still hurts a week after the root canal.',
    'I waited an hour past my appointment time.',
  ],
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
    [
      'Do you offer payment plans?',
      'Yes. For treatments over five hundred dollars you can pay in six monthly installments with no interest.',
    ],
    [
      'Do you do sedation?',
      'We offer nitrous oxide for anxious patients, and oral sedation for longer procedures.',
    ],
    [
      'How often should I get an X-ray?',
      'Most adults need bitewing X-rays once a year. The dentist will tell you if you need them more often.',
    ],
    [
      'Is Invisalign covered by insurance?',
      'Some plans cover part of it. We can check your benefits before the consultation.',
    ],
  ],
};
