/** eSpeak NG compiled to WASM: no system binary, nothing downloaded at run time. */
export const SPEECH_SAMPLE_RATE = 22_050;

export interface VoiceSettings {
  /** An eSpeak voice with an optional variant, e.g. `en-us+f3`. */
  voice: string;
  /** Words per minute (eSpeak accepts 80–450). */
  rate: number;
  /** 0–99; 50 is the voice's own pitch. */
  pitch: number;
}

interface EspeakWorker {
  set_voice(name: string): number;
  rate: number;
  pitch: number;
  synthesize(text: string, callback: (samples: Int16Array | null) => boolean): void;
}

interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
}

let workerPromise: Promise<EspeakWorker> | undefined;

/**
 * One WASM instance for the whole process: instantiating costs far more than a sentence. Loaded
 * on first use: parsing the module takes about a second of CPU, which a process that only times
 * calls (the app server, the demo API's main thread) should not pay at start.
 */
function espeak(): Promise<EspeakWorker> {
  workerPromise ??= import('@echogarden/espeak-ng-emscripten')
    .then(({ default: createEspeakModule }) => createEspeakModule() as Promise<EspeakModule>)
    .then((module) => new module.eSpeakNGWorker());
  return workerPromise;
}

/**
 * The speech of `text`, cut after `maxSamples`: eSpeak stops there instead of saying the rest, so
 * a line of a megabyte of text costs no more memory than the cap (a minute of speech is 2.6 MB).
 */
export async function speak(
  text: string,
  settings: VoiceSettings,
  maxSamples = Number.POSITIVE_INFINITY,
): Promise<Int16Array> {
  const worker = await espeak();
  // A voice eSpeak does not know leaves the previous one in place: fail loudly instead.
  if (worker.set_voice(settings.voice) !== 0) throw new Error(`No eSpeak voice ${settings.voice}`);
  worker.rate = settings.rate;
  worker.pitch = settings.pitch;
  const chunks: Int16Array[] = [];
  let collected = 0;
  // Returning true tells eSpeak to stop.
  worker.synthesize(text, (samples) => {
    if (samples && samples.length) {
      chunks.push(samples.subarray(0, Math.max(0, maxSamples - collected)));
      collected += samples.length;
    }
    return collected >= maxSamples;
  });
  const out = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return trimSilence(out);
}

/** eSpeak pads each utterance with silence; trimming it puts the voice right at the offset. */
function trimSilence(samples: Int16Array, threshold = 300): Int16Array {
  let start = 0;
  let end = samples.length;
  while (start < end && Math.abs(samples[start]!) < threshold) start++;
  while (end > start && Math.abs(samples[end - 1]!) < threshold) end--;
  return samples.subarray(Math.max(0, start - 40), Math.min(samples.length, end + 200));
}
