import { Badge } from './badge';

const SENTIMENT_LOOK = {
  positive: { tone: 'positive', icon: '▲', label: 'Positive' },
  neutral: { tone: 'neutral', icon: '●', label: 'Neutral' },
  negative: { tone: 'negative', icon: '▼', label: 'Negative' },
} as const;

/** Colour plus a shape and a word: sentiment never rests on colour alone. */
export function SentimentBadge({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-slate-400">—</span>;
  const look = SENTIMENT_LOOK[value.toLowerCase() as keyof typeof SENTIMENT_LOOK];
  if (!look) return <Badge tone="neutral">{value}</Badge>;
  return (
    <Badge tone={look.tone}>
      <span aria-hidden="true">{look.icon}</span>
      {look.label}
    </Badge>
  );
}
