import { ai, user } from '../wording';
import type { Scenario } from './types';

/** Calls that go nowhere: hang-ups, silence, wrong numbers and robocalls. */
export const NUISANCE_SCENARIOS: readonly Scenario[] = [
  {
    key: 'hang-up',
    stretches: false,
    kind: 'hang-up',
    weight: 4,
    prospectStatus: 'NEW',
    sentiment: 'neutral',
    givesDetails: false,
    script: (_c, r) => [
      user(r.pick(['Hello?', 'Hi, um...', 'Oh. Sorry.', 'Hello, is anyone there?'])),
    ],
    summary: () => 'The caller hung up right after the greeting.',
    actionItems: () => [],
  },
  {
    key: 'silent-line',
    stretches: false,
    kind: 'hang-up',
    weight: 2,
    prospectStatus: 'NEW',
    sentiment: 'neutral',
    givesDetails: false,
    script: (_c, r) => [
      {
        ...ai(r.pick(['Hello? Are you still there?', 'Hello? I cannot hear you.'])),
        afterSilence: true,
      },
      {
        ...ai('It seems we have a bad connection. Please call us back. Goodbye.'),
        afterSilence: true,
      },
    ],
    summary: () => 'The line stayed silent and the call ended without a conversation.',
    actionItems: () => [],
  },
  {
    key: 'wrong-number',
    stretches: false,
    kind: 'wrong-number',
    weight: 4,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'neutral',
    givesDetails: false,
    script: (c, r) => [
      user(
        r.pick([
          'Is this the pharmacy?',
          "Hi, is this Dr. Miller's office?",
          'I am trying to reach the pizza place.',
          'Hello, Grandma?',
        ]),
      ),
      ai(`No, this is ${c.business.name}. I think you may have the wrong number.`),
      user(r.pick(['Oh, sorry about that.', 'Oops, my mistake. Bye.'])),
      ai('No problem. Have a nice day.'),
    ],
    summary: () => 'Wrong number: the caller was trying to reach someone else.',
    actionItems: () => [],
  },
  {
    key: 'spam',
    stretches: false,
    kind: 'spam',
    weight: 4,
    prospectStatus: 'NOT_INTERESTED',
    sentiment: 'neutral',
    givesDetails: false,
    script: (_c, r) => [
      user(
        r.pick([
          'Congratulations! Your business has been selected for a free listing upgrade. Press one now.',
          "This is an important message about your car's extended warranty.",
          'We can get you to the top of search results today, guaranteed.',
          'Hello, this is Sarah from Merchant Services. Are you the business owner?',
        ]),
      ),
      ai('Thank you, but we are not interested. Please remove this number from your list.'),
    ],
    summary: () => 'A spam or robocall sales pitch. No action needed.',
    actionItems: () => ['Block the number.'],
  },
];
