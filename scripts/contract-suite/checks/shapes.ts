import { LIMIT_DEFAULT, PROSPECT_STATUSES } from '../../../contract';
import { ensure, excerpt, skip, type Check } from '../check';
import { idOf, itemsOf, listPage, schemaProblems } from './list-helpers';

export const shapeChecks: Check[] = [
  {
    area: 'shapes',
    level: 'contract',
    title: 'GET /v1/conversations answers a JSON array of at most 100 conversations',
    async run({ client }) {
      const { items } = await listPage(client, {}, 'default list');
      ensure(items.length <= LIMIT_DEFAULT, `the default page held ${items.length} items`);
      return [`${items.length} items on the default page`];
    },
  },
  {
    area: 'shapes',
    level: 'contract',
    title: 'every listed conversation matches the Conversation schema',
    async run({ client }) {
      const { items } = await listPage(client, { limit: '100' }, 'list');
      if (items.length === 0) skip('the account has no conversations');
      const problems = schemaProblems(items);
      ensure(problems.length === 0, problems.join('\n'));
      const notes = [`${items.length} items checked`];
      const odd = new Set(
        items
          .map(
            (item) =>
              (item as { conversationAnalytics?: { prospectStatus?: unknown } })
                .conversationAnalytics?.prospectStatus,
          )
          .filter(
            (value) =>
              typeof value === 'string' &&
              !(PROSPECT_STATUSES as readonly string[]).includes(value),
          ),
      );
      if (odd.size)
        notes.push(`prospectStatus values outside the documented eight: ${[...odd].join(', ')}`);
      const zoned = items.filter((item) =>
        /Z|[+-]\d\d:?\d\d$/.test(String((item as { timestampStart?: unknown }).timestampStart)),
      );
      notes.push(
        `${zoned.length} of ${items.length} start times carry a zone (zoneless ones are read as UTC)`,
      );
      return notes;
    },
  },
  {
    area: 'shapes',
    level: 'contract',
    title:
      'GET /v1/conversations/{id} answers the conversation, or 404/405 so clients fall back to the list',
    async run({ client, sample }) {
      const first = sample[0];
      if (!first) skip('no conversation to look up');
      const answer = await client.get(`/v1/conversations/${encodeURIComponent(first.id)}`);
      if (answer.status === 404 || answer.status === 405) {
        return [`answered ${answer.status}: no such route, so the dashboard uses search_by=id`];
      }
      ensure(
        answer.status === 200,
        `expected 200, 404 or 405, got ${answer.status} (${excerpt(answer.text)})`,
      );
      ensure(idOf(answer.json) === first.id, `asked for ${first.id}, got ${excerpt(answer.text)}`);
      const problems = schemaProblems([answer.json]);
      ensure(problems.length === 0, problems.join('\n'));
      return ['answered 200 with the conversation'];
    },
  },
  {
    area: 'shapes',
    level: 'contract',
    title: 'an unknown conversation id answers 404 {"detail": …}',
    async run({ client }) {
      const answer = await client.get('/v1/conversations/callscope-conformance-no-such-id');
      ensure(
        answer.status === 404 || answer.status === 405,
        `expected 404, got ${answer.status} (${excerpt(answer.text)})`,
      );
      const detail = (answer.json as { detail?: unknown } | undefined)?.detail;
      ensure(typeof detail === 'string', `expected {"detail": "…"}, got ${excerpt(answer.text)}`);
      return [`${answer.status} ${JSON.stringify(detail)}`];
    },
  },
  {
    area: 'shapes',
    level: 'contract',
    title: "GET /v1/prospects/{id}/conversations answers that caller's conversations",
    async run({ client, sample }) {
      const withProspect = sample.find((item) => item.prospectId);
      if (!withProspect) skip('no conversation with a prospectId');
      const answer = await client.get(
        `/v1/prospects/${encodeURIComponent(withProspect.prospectId!)}/conversations`,
      );
      const items = itemsOf(answer, 'prospect conversations');
      ensure(
        items.some((item) => idOf(item) === withProspect.id),
        `${withProspect.id} is missing from its prospect's list`,
      );
      const others = items.filter(
        (item) => (item as { prospectId?: unknown }).prospectId !== withProspect.prospectId,
      );
      ensure(others.length === 0, `${others.length} items belong to another prospect`);
      const problems = schemaProblems(items);
      ensure(problems.length === 0, problems.join('\n'));
      return [`${items.length} conversations for ${withProspect.prospectId}`];
    },
  },
  {
    area: 'shapes',
    level: 'project',
    title: 'list answers carry X-Total-Count',
    async run({ client }) {
      const { answer, items } = await listPage(client, { limit: '5' }, 'list');
      const total = answer.headers.get('x-total-count');
      ensure(
        total !== null,
        'no X-Total-Count header (the dashboard then shows previous/next only)',
      );
      ensure(/^\d+$/.test(total) && Number(total) >= items.length, `X-Total-Count is ${total}`);
      return [`X-Total-Count: ${total}`];
    },
  },
];
