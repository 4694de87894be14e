import { ensure, skip, type Check } from '../check';
import { idOf, listPage } from './list-helpers';

export const pagingChecks: Check[] = [
  {
    area: 'paging',
    level: 'contract',
    title: 'skip and limit page through one order without overlap or gaps',
    async run({ client, total }) {
      if (total !== null && total < 4) skip('fewer than 4 conversations');
      const whole = (await listPage(client, { skip: '0', limit: '8' }, 'skip=0&limit=8')).items.map(
        idOf,
      );
      const first = (await listPage(client, { skip: '0', limit: '4' }, 'skip=0&limit=4')).items.map(
        idOf,
      );
      const second = (
        await listPage(client, { skip: '4', limit: '4' }, 'skip=4&limit=4')
      ).items.map(idOf);
      ensure(
        JSON.stringify([...first, ...second]) === JSON.stringify(whole),
        `pages 0–3 and 4–7 are not the first 8 items (is the default order stable?)`,
      );
      return [`${whole.length} ids agree`];
    },
  },
  {
    area: 'paging',
    level: 'contract',
    title: 'a page past the end is an empty array',
    async run({ client, total }) {
      const skipTo = total ?? 10_000_000;
      const { items } = await listPage(
        client,
        { skip: String(skipTo), limit: '100' },
        `skip=${skipTo}`,
      );
      ensure(items.length === 0, `skip=${skipTo} returned ${items.length} items`);
    },
  },
  {
    area: 'paging',
    level: 'project',
    title: 'walking every page with sort_by=timestampStart returns each conversation once',
    async run({ client, total }) {
      if (total === null) skip('no X-Total-Count to walk against');
      if (total > 2_000) skip(`${total} conversations is more than this check walks`);
      const seen = new Set<string>();
      let duplicates = 0;
      for (let skipAt = 0; skipAt < total + 100; skipAt += 100) {
        const query = {
          sort_by: 'timestampStart',
          sort_order: 'asc',
          skip: String(skipAt),
          limit: '100',
        };
        const { items } = await listPage(client, query, `skip=${skipAt}`);
        for (const id of items.map(idOf)) {
          if (id === null || seen.has(id)) duplicates++;
          else seen.add(id);
        }
        if (items.length < 100) break;
      }
      ensure(duplicates === 0, `${duplicates} ids came twice or without an id`);
      ensure(seen.size === total, `walked ${seen.size} conversations, X-Total-Count says ${total}`);
      return [`${seen.size} conversations, each once`];
    },
  },
];
