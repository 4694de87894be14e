// The rule lives in the contract: the server counts slow answers per call with it too.
export {
  MERGE_GAP_SECONDS,
  normalizeTranscript,
  type Bubble,
  type Fragment,
  type Speaker,
} from '@contract';
