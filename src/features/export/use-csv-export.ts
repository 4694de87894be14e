import { useCallback, useEffect, useRef, useState } from 'react';
import { attachmentFileName } from './export-request';
import type { ExportState } from './export-state';
import { readCsvExport } from './read-csv-export';
import { saveFile } from './save-file';

/** Progress repaints at most this often: a large export arrives in thousands of pieces. */
const PROGRESS_EVERY_MS = 100;
const FALLBACK_NAME = 'callscope-calls.csv';

/** Runs one export at a time: its progress, the download at the end, and a way to cancel. */
export function useCsvExport() {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(async (url: string) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    let rows = 0;
    let shownAt = 0;
    setState({ phase: 'running', rows: 0, total: null });
    try {
      const result = await readCsvExport(url, {
        signal: controller.signal,
        fileName: (header) => attachmentFileName(header, FALLBACK_NAME),
        onProgress: (progress) => {
          rows = progress.rows;
          const now = performance.now();
          if (now - shownAt < PROGRESS_EVERY_MS) return;
          shownAt = now;
          setState({ phase: 'running', ...progress });
        },
      });
      saveFile(result.blob, result.fileName);
      setState({ phase: 'done', ...result });
    } catch (error) {
      if (running.current !== controller) return;
      setState(
        controller.signal.aborted
          ? { phase: 'cancelled', rows }
          : { phase: 'failed', message: error instanceof Error ? error.message : String(error) },
      );
    } finally {
      if (running.current === controller) running.current = null;
    }
  }, []);

  const cancel = useCallback(() => running.current?.abort(), []);
  return { state, start, cancel };
}
