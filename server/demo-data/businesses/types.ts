export type BusinessKey = 'restaurant' | 'dental' | 'salon' | 'auto' | 'realty';

/** Something a caller can order, with the price the AI quotes. */
export interface Item {
  name: string;
  price: string;
}

/** A caller's question and the AI's answer; long calls loop through many of them. */
export type Qa = readonly [question: string, answer: string];

/** One of the demo's businesses and its AI receptionist. */
export interface Business {
  key: BusinessKey;
  name: string;
  agent: string;
  orgId: string;
  aiAgentId: string;
  greetings: readonly string[];
  /** The AI's answers about opening hours. */
  hours: readonly string[];
  /** What a booking is called here: a reservation, an appointment, a viewing. */
  booking: string;
  /** What a caller books, as a noun phrase ("a table for two", "a cleaning"). */
  services: readonly string[];
  /** What a caller orders; empty where the business sells nothing over the phone. */
  items: readonly Item[];
  /** The people the AI hands a caller over to, by name. */
  staff: readonly string[];
  /** What unhappy callers say went wrong. */
  complaints: readonly string[];
  faq: readonly Qa[];
}
