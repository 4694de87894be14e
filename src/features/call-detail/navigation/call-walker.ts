import type { LoadedOrder } from './call-order';
import { walkCalls, type CallStep } from './walk-calls';

/** A call as the list places it: its id and the list URL (`?…`) of the page it is on. */
export interface CallPlace {
  id: string;
  /**
   * Undefined while it is still being found (a call opened from a link), null when the call is
   * in no page of the list: j and k then do nothing.
   */
  listSearch: string | null | undefined;
}

export interface CallWalkerDeps {
  loadOrder(listSearch: string): Promise<LoadedOrder>;
  /** Navigate; `walk` travels with the navigation and comes back through `show` on arrival. */
  go(to: CallPlace & { listSearch: string }, walk: number, replace: boolean): void;
}

/**
 * j/k between calls, so that quick presses never race. A press acts on the call on screen, or
 * on the call a navigation of ours is already heading to, and presses queue in order: the page
 * on screen may lag behind its URL for a while (a route change renders in a transition), and a
 * press in that window must not act on the call that is about to leave.
 */
export class CallWalker {
  private shown: CallPlace | null = null;
  private shownKey: string | null = null;
  /** Where our latest navigation is heading, until that call is on screen. */
  private target: (CallPlace & { listSearch: string }) | null = null;
  private steps: CallStep[] = [];
  private walks = 0;
  private running = false;
  private done: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: CallWalkerDeps) {}

  /**
   * The call on screen, once per rendered location (`key`). `walk` is the number its navigation
   * carried, or undefined when it came from anything else (a link, Back, a new tab).
   */
  show(place: CallPlace, key: string, walk: number | undefined): void {
    const arrived = key !== this.shownKey;
    this.shown = place;
    this.shownKey = key;
    if (arrived) {
      if (walk === undefined) {
        // The reader went somewhere by other means: presses from before no longer apply.
        this.target = null;
        this.steps = [];
      } else if (walk === this.walks) {
        this.target = null;
      }
      // An older walk is a call on the way to the target: keep heading there.
    }
    this.drain();
    this.notify();
  }

  press(step: CallStep): void {
    this.steps.push(step);
    this.drain();
    this.notify();
  }

  /** True from a press until the call it leads to is on screen. */
  readonly isBusy = (): boolean => this.steps.length > 0 || this.target !== null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** The page stops listening: queued presses are dropped and no navigation follows. */
  stop(): void {
    this.stopped = true;
    this.steps = [];
    this.target = null;
    this.notify();
  }

  resume(): void {
    this.stopped = false;
  }

  /** Resolves once every queued press has been acted on (or is waiting for `show`). */
  settled(): Promise<void> {
    return this.done;
  }

  private drain(): void {
    if (!this.running) this.done = this.walk();
  }

  private async walk(): Promise<void> {
    this.running = true;
    try {
      while (this.steps.length > 0 && !this.stopped) {
        const from = this.target ?? this.shown;
        if (!from || from.listSearch === undefined) return; // waits for `show` to place the call
        if (from.listSearch === null) {
          this.steps = [];
          break;
        }
        const order = await this.deps.loadOrder(from.listSearch);
        if (this.stopped) return;
        // A press made during the load is taken here as well, in order.
        const steps = this.steps;
        const { id, unresolved } = walkCalls(order, from.id, steps);
        this.steps = unresolved.length < steps.length || id !== from.id ? unresolved : [];
        if (id === from.id) continue;
        this.walks += 1;
        this.target = { id, listSearch: order.listSearchOf(id) };
        this.deps.go(this.target, this.walks, id === this.shown?.id);
      }
    } catch {
      // The list could not be loaded: the presses are dropped, the call on screen stays.
      this.steps = [];
    } finally {
      this.running = false;
      this.notify();
    }
  }
}
