import { lookUpConversation, searchByIdPath } from '../../../contract';
import type { SuiteClient } from '../client';
import { ensure, excerpt, skip, type Check } from '../check';
import { itemsOf } from './list-helpers';

/** The conversation as the API has it now: by id, or through the list when there is no such route. */
async function readBack(client: SuiteClient, id: string): Promise<unknown> {
  const result = await lookUpConversation(id, async (path) => {
    const answer = await client.get(path);
    return { status: answer.status, body: answer.json };
  });
  if (result.kind === 'list-failed') {
    // Says in words what the list answered.
    itemsOf(await client.get(searchByIdPath(id)), 'read back');
  }
  return result.kind === 'found' ? result.item : undefined;
}

const commentsOf = (value: unknown) =>
  (value as { adminComments?: unknown } | undefined)?.adminComments;

export const writeChecks: Check[] = [
  {
    area: 'writes',
    level: 'contract',
    title: 'PUT /v1/conversations/{id} stores adminComments (then restores them)',
    async run({ client, sample }) {
      if (!client.allowWrites) skip('read-only run (pass --allow-writes)');
      const target = sample[0];
      if (!target) skip('no conversation to update');
      const original = Array.isArray(target.adminComments) ? target.adminComments : [];
      const marker = {
        comment: `callscope conformance check ${new Date().toISOString()}`,
        rating: 5,
      };
      const path = `/v1/conversations/${encodeURIComponent(target.id)}`;
      const updated = await client.send('PUT', path, { adminComments: [...original, marker] });
      try {
        ensure(updated.status === 200, `PUT answered ${updated.status} (${excerpt(updated.text)})`);
        const stored = commentsOf(await readBack(client, target.id));
        ensure(
          Array.isArray(stored) && JSON.stringify(stored.at(-1)) === JSON.stringify(marker),
          `the comment did not stick: ${excerpt(JSON.stringify(stored))}`,
        );
      } finally {
        await client.send('PUT', path, { adminComments: original });
      }
      const restored = commentsOf(await readBack(client, target.id));
      ensure(
        JSON.stringify(restored ?? []) === JSON.stringify(original),
        'the original comments were not restored',
      );
      return [`round trip on ${target.id}, restored ${original.length} comment(s)`];
    },
  },
  {
    area: 'writes',
    level: 'contract',
    title: 'a PUT with an invalid body is a 422 and changes nothing',
    async run({ client, sample }) {
      if (!client.allowWrites) skip('read-only run (pass --allow-writes)');
      const target = sample[0];
      if (!target) skip('no conversation to update');
      const path = `/v1/conversations/${encodeURIComponent(target.id)}`;
      const answer = await client.send('PUT', path, {
        adminComments: [{ comment: 5, rating: 'great' }],
      });
      ensure(answer.status === 422, `expected 422, got ${answer.status} (${excerpt(answer.text)})`);
      const detail = (answer.json as { detail?: unknown } | undefined)?.detail;
      ensure(
        Array.isArray(detail) && detail.length > 0,
        `expected a list of issues, got ${excerpt(answer.text)}`,
      );
      const after = commentsOf(await readBack(client, target.id));
      ensure(
        JSON.stringify(after ?? []) === JSON.stringify(target.adminComments ?? []),
        'the conversation changed',
      );
    },
  },
  {
    area: 'writes',
    level: 'contract',
    title: 'a PUT to an unknown id is a 404',
    async run({ client }) {
      if (!client.allowWrites) skip('read-only run (pass --allow-writes)');
      const answer = await client.send(
        'PUT',
        '/v1/conversations/callscope-conformance-no-such-id',
        {
          adminComments: [],
        },
      );
      ensure(answer.status === 404, `expected 404, got ${answer.status} (${excerpt(answer.text)})`);
    },
  },
];
