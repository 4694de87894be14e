import type { CallFacets, CallReviewSummary } from '../../contract';
import { compressAnswer } from '../http/compression';
import type { CallJsonPage } from '../store/types';

type Summaries = ReadonlyMap<string, CallReviewSummary>;

const NO_REVIEW: CallReviewSummary = {
  state: 'to_review',
  reviewers: 0,
  averageRating: null,
  comments: 0,
  myRating: null,
  myStatus: null,
};

/**
 * The text of a `GET /api/calls` answer. The rows are spliced in as stored: parsing and
 * serializing a page of rows per request would cost more than the query itself.
 */
export function listBody(page: CallJsonPage, facets: CallFacets, summaries: Summaries | null) {
  const items = summaries
    ? page.itemsJson.map((json, i) => {
        const review = summaries.get(page.ids[i]!) ?? NO_REVIEW;
        return `${json.slice(0, -1)},"review":${JSON.stringify(review)}}`;
      })
    : page.itemsJson;
  return `{"items":[${items.join(',')}],"total":${page.total},"facets":${JSON.stringify(facets)}}`;
}

/** A list answer as bytes, and compressed in each encoding asked for, each made once. */
export interface ListAnswer {
  body: Buffer;
  encoded(encoding: Encoding): Buffer;
}

type Encoding = Parameters<typeof compressAnswer>[1];

function listAnswer(text: string): ListAnswer {
  const body = Buffer.from(text);
  const encoded = new Map<Encoding, Buffer>();
  return {
    body,
    encoded(encoding) {
      let bytes = encoded.get(encoding);
      if (!bytes) encoded.set(encoding, (bytes = compressAnswer(body, encoding)));
      return bytes;
    },
  };
}

/**
 * Keeps each page's last answer. A store that answers a page from memory hands back the very
 * objects it kept, so while the page, its facets and its summaries are those an answer was built
 * from, that answer is sent again as it is: building, encoding and compressing some 30 KB of
 * text per request was most of a replica's work and of its garbage.
 */
export function createListBodies() {
  const kept = new WeakMap<
    CallJsonPage,
    { facets: CallFacets; summaries: Summaries | null; answer: ListAnswer }
  >();
  return (page: CallJsonPage, facets: CallFacets, summaries: Summaries | null): ListAnswer => {
    const hit = kept.get(page);
    if (hit && hit.facets === facets && hit.summaries === summaries) return hit.answer;
    const answer = listAnswer(listBody(page, facets, summaries));
    kept.set(page, { facets, summaries, answer });
    return answer;
  };
}
