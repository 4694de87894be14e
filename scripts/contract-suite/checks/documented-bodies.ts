import { ensure, excerpt, skip, type Check, type SampleConversation } from '../check';
import type { SuiteClient } from '../client';
import { DOCUMENTED_CREATE_EXAMPLE, documentedUpdateExample, zoned } from '../documented-examples';

const instant = (value: unknown) => (typeof value === 'string' ? Date.parse(zoned(value)) : NaN);

async function readConversation(client: SuiteClient, id: string) {
  const answer = await client.get(`/v1/conversations/${encodeURIComponent(id)}`);
  return answer.status === 200 ? (answer.json as Record<string, unknown>) : undefined;
}

/** A conversation whose documented update fields are all strings, so they can be put back. */
async function firstWithSourceAndTimes(client: SuiteClient, sample: SampleConversation[]) {
  for (const target of sample) {
    const read = await readConversation(client, target.id);
    const { source, timestampStart, timestampEnd } = read ?? {};
    if (
      typeof source === 'string' &&
      typeof timestampStart === 'string' &&
      typeof timestampEnd === 'string'
    )
      return { target, source, timestampStart, timestampEnd };
  }
  return null;
}

export const documentedBodyChecks: Check[] = [
  {
    area: 'writes',
    level: 'contract',
    title: "PUT accepts the reference's update example (source and timestamps), then restores them",
    async run({ client, sample }) {
      if (!client.allowWrites) skip('read-only run (pass --allow-writes)');
      const found = await firstWithSourceAndTimes(client, sample.slice(0, 20));
      if (!found) skip('no conversation with a source and both timestamps to send back');
      const { target, source, timestampStart, timestampEnd } = found;
      const original = { source, timestampStart, timestampEnd };
      const path = `/v1/conversations/${encodeURIComponent(target.id)}`;
      const body = documentedUpdateExample({
        source: original.source,
        timestampStart: zoned(original.timestampStart),
        timestampEnd: zoned(original.timestampEnd),
      });
      const answer = await client.send('PUT', path, body);
      try {
        ensure(answer.status === 200, `PUT answered ${answer.status} (${excerpt(answer.text)})`);
        const after = await readConversation(client, target.id);
        ensure(
          after?.source === original.source &&
            instant(after.timestampStart) === instant(original.timestampStart) &&
            instant(after.timestampEnd) === instant(original.timestampEnd),
          `the values did not stick: ${excerpt(JSON.stringify(after ?? {}))}`,
        );
      } finally {
        await client.send('PUT', path, original);
      }
      return [`sent ${Object.keys(body).join(', ')} to ${target.id} and put them back`];
    },
  },
  {
    area: 'writes',
    level: 'contract',
    title:
      "POST accepts the reference's create example (agentId, a string transcriptText); leaves one conversation",
    async run({ client }) {
      if (!client.allowWrites) skip('read-only run (pass --allow-writes)');
      const answer = await client.send('POST', '/v1/conversations', DOCUMENTED_CREATE_EXAMPLE);
      ensure(
        answer.status === 200 || answer.status === 201,
        `POST answered ${answer.status} (${excerpt(answer.text)})`,
      );
      const created = answer.json as Record<string, unknown> | undefined;
      const id = typeof created?.id === 'string' ? created.id : null;
      ensure(id, `the answer has no id: ${excerpt(answer.text)}`);
      const read = (await readConversation(client, id)) ?? created!;
      ensure(
        read.aiAgentId === DOCUMENTED_CREATE_EXAMPLE.agentId,
        `agentId did not come back as aiAgentId: ${excerpt(JSON.stringify(read.aiAgentId))}`,
      );
      ensure(
        read.transcriptText === DOCUMENTED_CREATE_EXAMPLE.transcriptText,
        `the string transcriptText did not come back as given: ${excerpt(JSON.stringify(read.transcriptText))}`,
      );
      return [`created ${id} (there is no documented DELETE, so it stays)`];
    },
  },
];
