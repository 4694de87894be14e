import type { Page } from '@playwright/test';

/**
 * Pixels the waveform has painted: wavesurfer draws on canvases inside its shadow root, which
 * no role or text reaches. A waveform whose peaks never reached the canvas paints none.
 */
export function paintedWaveformPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    let painted = 0;
    for (const host of document.querySelectorAll('*')) {
      for (const canvas of host.shadowRoot?.querySelectorAll('canvas') ?? []) {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0 || canvas.height === 0) continue;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha]! > 0) painted++;
      }
    }
    return painted;
  });
}
