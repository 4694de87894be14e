// The rule lives in the contract: the server counts slow answers per call with it too.
export { LONG_LATENCY_SECONDS, responseLatencies, type LatencySegment } from '@contract';
