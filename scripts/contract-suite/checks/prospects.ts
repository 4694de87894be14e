import { prospectSchema, PROSPECT_NOT_FOUND, PROSPECT_STATUSES } from '../../../contract';
import { ensure, excerpt, skip, type Check } from '../check';

const KNOWN_STATUSES: ReadonlySet<string> = new Set(PROSPECT_STATUSES);

export const prospectChecks: Check[] = [
  {
    area: 'shapes',
    level: 'contract',
    title: 'GET /v1/prospects/{id} answers the Prospect of a conversation',
    async run({ client, sample }) {
      const withProspect = sample.find((item) => item.prospectId);
      if (!withProspect) skip('no conversation with a prospectId');
      const id = withProspect.prospectId!;
      const answer = await client.get(`/v1/prospects/${encodeURIComponent(id)}`);
      ensure(answer.status === 200, `expected 200, got ${answer.status} (${excerpt(answer.text)})`);
      const parsed = prospectSchema.safeParse(answer.json);
      ensure(parsed.success, `not a Prospect: ${excerpt(answer.text)}`);
      ensure(parsed.data.id === id, `asked for ${id}, got ${parsed.data.id}`);
      const status = parsed.data.status;
      return status && !KNOWN_STATUSES.has(status)
        ? [`status outside the documented enum: ${status}`]
        : [];
    },
  },
  {
    area: 'errors',
    level: 'contract',
    title: 'GET /v1/prospects/{id} of an unknown id is a 404',
    async run({ client }) {
      const answer = await client.get('/v1/prospects/callscope-conformance-no-such-prospect');
      ensure(answer.status === 404, `expected 404, got ${answer.status} (${excerpt(answer.text)})`);
      const detail = (answer.json as { detail?: unknown } | undefined)?.detail;
      return detail === PROSPECT_NOT_FOUND ? [] : [`detail: ${excerpt(JSON.stringify(detail))}`];
    },
  },
  {
    area: 'writes',
    level: 'contract',
    title: 'PUT /v1/prospects/{id} with a status outside the enum is a 422',
    async run({ client, sample }) {
      if (!client.allowWrites) skip('read-only run (pass --allow-writes)');
      const withProspect = sample.find((item) => item.prospectId);
      if (!withProspect) skip('no conversation with a prospectId');
      const path = `/v1/prospects/${encodeURIComponent(withProspect.prospectId!)}`;
      const answer = await client.send('PUT', path, { status: 'MAYBE_LATER' });
      ensure(answer.status === 422, `expected 422, got ${answer.status} (${excerpt(answer.text)})`);
    },
  },
];
