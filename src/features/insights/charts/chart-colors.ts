import type { ProspectStatus, Sentiment } from '@contract';

/**
 * Chart colours as CSS variables with the palette's values as fallbacks: a theme redefines the
 * variables, and the charts read them each time they draw.
 */
export interface ChartColor {
  variable: string;
  fallback: string;
}

export const SENTIMENT_COLORS: Record<Sentiment, ChartColor> = {
  positive: { variable: '--color-emerald-500', fallback: '#10b981' },
  neutral: { variable: '--color-slate-400', fallback: '#94a3b8' },
  negative: { variable: '--color-rose-500', fallback: '#f43f5e' },
};

/** The shapes the sentiment badges use, so the legend never rests on colour alone. */
export const SENTIMENT_ICONS: Record<Sentiment, string> = {
  positive: '▲',
  neutral: '●',
  negative: '▼',
};

export const OUTCOME_COLORS: Record<ProspectStatus, ChartColor> = {
  NEW: { variable: '--color-slate-300', fallback: '#cbd5e1' },
  GENERAL_ENQUIRY: { variable: '--color-sky-400', fallback: '#38bdf8' },
  SCHEDULED_CALLBACK_WITH_BOT: { variable: '--color-violet-400', fallback: '#a78bfa' },
  SCHEDULED_APPOINTMENT_WITH_PERSON: { variable: '--color-indigo-600', fallback: '#4f46e5' },
  SCHEDULED_APPOINTMENT_FOR_SERVICE: { variable: '--color-teal-500', fallback: '#14b8a6' },
  NOT_INTERESTED: { variable: '--color-rose-400', fallback: '#fb7185' },
  PRODUCT_ORDER_PLACED: { variable: '--color-emerald-600', fallback: '#059669' },
  SERVICE_ORDER_PLACED: { variable: '--color-amber-500', fallback: '#f59e0b' },
};

export const AXIS_COLOR: ChartColor = { variable: '--color-slate-500', fallback: '#64748b' };
export const GRID_COLOR: ChartColor = { variable: '--color-slate-200', fallback: '#e2e8f0' };

/** The colour's current value on `element` (so a theme's change shows at the next draw). */
export function readColor(element: Element, color: ChartColor): string {
  const value = getComputedStyle(element).getPropertyValue(color.variable).trim();
  return value || color.fallback;
}
