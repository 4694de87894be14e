/**
 * The request bodies of Trata's reference examples, shaped exactly as documented: the create
 * example names the agent `agentId` and sends `transcriptText` as a string (a reference to a
 * transcript kept elsewhere); the update example sends `source`, `timestampStart` and
 * `timestampEnd` (zoned, as the reference writes date-times). Values a test fills in are functions.
 */
export const DOCUMENTED_CREATE_EXAMPLE = {
  source: '35.191.28.74',
  sourceType: 'BROWSER',
  agentId: 'aia.1726903132.obUuT7vM',
  transcriptText: 'gs://trata-transcripts/org.1726902940.GZChqlpU/tra.1731301754.8FQUmNBJ.json',
  transcriptSummary: 'The caller asked for a table for two on Friday evening.',
  transcriptRecordingUrl:
    'https://storage.googleapis.com/trata-staging-recordings-storage/org.1726902940.GZChqlpU/fil.1731301754.8FQUmNBJ.mp3',
  timestampStart: '2023-11-07T05:31:56Z',
  timestampEnd: '2023-11-07T05:33:12Z',
  conversationAnalytics: {
    summary: 'The caller asked for a table for two on Friday evening.',
    action_items: ['Hold a table for two on Friday at 7 PM.'],
    is_audio_consent_given: true,
    email_address_of_caller: 'hari@gmail.com',
    name_of_caller: 'Hari',
    phone_number_of_caller: '96260-12778',
    address_of_caller: '123, Main Street, New York, NY, 10001',
    sentiment_of_caller: 'positive',
    prospectStatus: 'GENERAL_ENQUIRY',
  },
  adminComments: [{ comment: 'good', rating: 5 }],
} as const;

/** The update example's keys, with the values of the conversation it is sent to. */
export function documentedUpdateExample(values: {
  source: string;
  timestampStart: string;
  timestampEnd: string;
}) {
  return {
    source: values.source,
    timestampStart: values.timestampStart,
    timestampEnd: values.timestampEnd,
  };
}

/** The reference writes date-times with a `Z`; a zoneless Trata time is UTC. */
export function zoned(timestamp: string): string {
  return /(?:Z|[+-]\d{2}:?\d{2})$/i.test(timestamp) ? timestamp : `${timestamp}Z`;
}
