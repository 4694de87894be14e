import { parseTrataTimestamp } from '../../../contract';
import { ensure, skip, type Check } from '../check';
import { analyticsField, idOf, listPage } from './list-helpers';

export const parameterChecks: Check[] = [
  {
    area: 'parameters',
    level: 'contract',
    title: 'limit bounds the page size (1, 5 and 100)',
    async run({ client, total }) {
      const notes: string[] = [];
      for (const limit of [1, 5, 100]) {
        const { items } = await listPage(client, { limit: String(limit) }, `limit=${limit}`);
        ensure(items.length <= limit, `limit=${limit} returned ${items.length} items`);
        if (total !== null) {
          const expected = Math.min(limit, total);
          ensure(
            items.length === expected,
            `limit=${limit} returned ${items.length} of ${total} items`,
          );
        }
        notes.push(`limit=${limit}: ${items.length}`);
      }
      return notes;
    },
  },
  {
    area: 'parameters',
    level: 'contract',
    title: 'search_by=id finds a conversation (the dashboard falls back on it)',
    async run({ client, sample }) {
      const first = sample[0];
      if (!first) skip('no conversation to search for');
      const { items } = await listPage(
        client,
        { search_by: 'id', search_value: first.id, limit: '100' },
        'search_by=id',
      );
      ensure(
        items.some((item) => idOf(item) === first.id),
        `search_by=id&search_value=${first.id} did not return it`,
      );
      return [`${items.length} match${items.length === 1 ? '' : 'es'}`];
    },
  },
  {
    area: 'parameters',
    level: 'contract',
    title: 'status filters the list',
    async run({ client, sample }) {
      const status = sample.find((item) => item.status)?.status;
      if (!status) skip('no conversation with a status');
      const { items } = await listPage(client, { status, limit: '100' }, `status=${status}`);
      ensure(items.length > 0, `status=${status} returned nothing, though a conversation has it`);
      const others = items.filter((item) => (item as { status?: unknown }).status !== status);
      ensure(
        others.length === 0,
        `status=${status} returned ${others.length} items with another status`,
      );
      return [`status=${status}: ${items.length} items`];
    },
  },
  {
    area: 'parameters',
    level: 'project',
    title: 'sort_by=timestampStart orders by start time, asc and desc',
    async run({ client }) {
      const notes: string[] = [];
      for (const order of ['asc', 'desc'] as const) {
        const { items } = await listPage(
          client,
          { sort_by: 'timestampStart', sort_order: order, limit: '50' },
          order,
        );
        const times = items.map((item) =>
          parseTrataTimestamp((item as { timestampStart?: string }).timestampStart),
        );
        const broken = times.findIndex(
          (time, i) =>
            i > 0 &&
            time !== null &&
            times[i - 1] != null &&
            (order === 'asc' ? time < times[i - 1]! : time > times[i - 1]!),
        );
        ensure(broken === -1, `sort_order=${order}: item ${broken} is out of order`);
        notes.push(`${order}: ${items.length} items in order`);
      }
      return notes;
    },
  },
  {
    area: 'parameters',
    level: 'project',
    title: 'search_by=name_of_caller matches a case-insensitive substring',
    async run({ client, sample }) {
      const name = sample
        .map((item) => item.name)
        .find((value) => value && value.trim().length >= 4);
      if (!name) skip('no caller name in the sample');
      const part = name.trim().slice(0, 4).toUpperCase();
      const { items } = await listPage(
        client,
        { search_by: 'name_of_caller', search_value: part, limit: '100' },
        'search',
      );
      const misses = items.filter(
        (item) => !(analyticsField(item, 'name_of_caller') ?? '').toUpperCase().includes(part),
      );
      ensure(items.length > 0, `search_value=${part} found nothing, though "${name}" contains it`);
      ensure(misses.length === 0, `${misses.length} results do not contain "${part}"`);
      return [`"${part}": ${items.length} items`];
    },
  },
];
