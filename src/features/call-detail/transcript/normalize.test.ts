import { describe, expect, it } from 'vitest';
import { conversationSchema, transcriptMessages } from '@contract';
import seed from '../../../../server/demo-data/seed-example.json';
import { findActiveIndex } from './active-bubble';
import { findEvidence } from './evidence';
import { countMatches, splitHighlights } from './highlight';
import { responseLatencies } from './latency';
import { normalizeTranscript } from './normalize';

const call = conversationSchema.parse({ ...seed, id: 'seed' });
const bubbles = normalizeTranscript(transcriptMessages(call), call);

describe('normalizeTranscript on the seed example', () => {
  it('turns 27 raw messages with 3 exact duplicates into the bubbles a person expects', () => {
    expect(call.transcriptText).toHaveLength(27);
    expect(bubbles.map((bubble) => [bubble.speaker, bubble.text])).toEqual([
      [
        'AI',
        'Hi, thanks for calling the Restaurant. I am Sophia, the Restaurant manager powered by AI, how may I assist you today?',
      ],
      ['USER', 'Hey. What do you actually do?'],
      [
        'AI',
        "Hi there! I'm Sophia, your virtual receptionist at Cote Korean Steak House. I'm here to help with table reservations, taking food orders for pickup or delivery, and providing information about our restaurant. How can I assist you today?",
      ],
      ['USER', 'Okay. So I want to book an order. Can you help me with your many options?'],
      [
        'AI',
        "Of course! Let's get started with your order. Could you please tell me which dishes you're interested in ordering from our menu today? This will help me suggest more options or confirm your choices.",
      ],
      ['USER', 'Okay. Can you tell me, like, are the menu options you have?'],
      [
        'AI',
        "Certainly! At Cote Korean Steak House, we offer a variety of delicious Korean-inspired dishes. Could you let me know if you're looking for something specific, or would you like a recommendation?",
      ],
      ['USER', 'Yeah. So recommendation would be helpful, and it has to be, like, spicy.'],
      [
        'AI',
        "I'd recommend trying our Spicy Beef Bulgogi or the Spicy Korean Chicken Wings. Both dishes pack a punch and are quite popular. Would you like to place an order for either of these spicy options?",
      ],
      ['USER', 'Oh, yeah. So, spicy chicken wings that you mentioned.'],
      [
        'AI',
        'Great choice! Our Spicy Korean Chicken Wings are a customer favorite. Would you like to go ahead and place an order for those wings?',
      ],
      ['USER', "Yes. That's right. Go ahead and place the order."],
      [
        'AI',
        "Great! I'll place the order for our Spicy Korean Chicken Wings. Could you please provide your name, phone number, and whether this is for pickup or delivery?",
      ],
      ['USER', "Yes. So I'll pick it up. My phone number is 96260 12778. And my name is Hari."],
      [
        'AI',
        "Thank you, Hari! Your order for our Spicy Korean Chicken Wings is confirmed for pickup. It will be ready in the next 30-45 minutes. You will receive a confirmation text shortly. Is there anything else you'd like to add to your order?",
      ],
      ['USER', 'Nothing. All good. Thank you.'],
      ['AI', 'Thanks for calling us, you have a great one! Bye'],
    ]);
  });

  it("measures offsets from the start and keeps each fragment's own time", () => {
    expect(bubbles[0]!.offset).toBeCloseTo(0.315, 3);
    const phone = bubbles[13]!;
    expect(phone.fragments.map((fragment) => fragment.text)).toEqual([
      "Yes. So I'll pick it up. My phone number is",
      '96260',
      '12778.',
      'And my name is Hari.',
    ]);
    expect(phone.fragments[1]!.offset).toBeCloseTo(106.722, 3);
    expect(bubbles.every((bubble, i) => i === 0 || bubble.offset >= bubbles[i - 1]!.offset)).toBe(
      true,
    );
  });

  it('finds the evidence the caller gave, joining digits across fragments', () => {
    const analytics = call.conversationAnalytics!;
    expect(findEvidence(bubbles, 'phone', analytics.phone_number_of_caller)).toBe(13);
    expect(findEvidence(bubbles, 'name', analytics.name_of_caller)).toBe(13);
    expect(findEvidence(bubbles, 'email', analytics.email_address_of_caller)).toBeNull();
    expect(findEvidence(bubbles, 'address', analytics.address_of_caller)).toBeNull();
  });

  it('joins digits across separate bubbles too', () => {
    const split = normalizeTranscript(
      [
        { speaker: 'USER', message: 'My number is 415 555', timestamp: '2026-01-01T00:00:01' },
        { speaker: 'AI', message: 'Go on.', timestamp: '2026-01-01T00:00:10' },
        { speaker: 'USER', message: '0123.', timestamp: '2026-01-01T00:00:20' },
      ],
      { timestampStart: '2026-01-01T00:00:00' },
    );
    expect(findEvidence(split, 'phone', '+1 (415) 555-0123')).toBe(0);
  });

  it('marks long AI response latencies', () => {
    const latencies = responseLatencies(bubbles);
    expect(latencies.length).toBeGreaterThan(5);
    expect(latencies.every((latency) => latency.to > latency.from)).toBe(true);
  });
});

describe('normalizeTranscript with messy data', () => {
  it('tolerates unknown speakers, missing fields, and clamps offsets into the call', () => {
    const result = normalizeTranscript(
      [
        { speaker: 'BOT-2', message: 'Routing you', timestamp: '2026-01-01T00:00:05' },
        { speaker: null, message: null, timestamp: null },
        { speaker: 'USER', message: 'Too early', timestamp: '2025-12-31T23:59:00' },
        { speaker: 'AI', message: 'Too late', timestamp: '2026-01-01T01:00:00' },
        { message: 'no speaker, no time' },
      ],
      { timestampStart: '2026-01-01T00:00:00', timestampEnd: '2026-01-01T00:01:00' },
    );
    expect(result.map((bubble) => [bubble.speaker, bubble.offset, bubble.text])).toEqual([
      ['USER', 0, 'Too early'],
      ['OTHER', 5, 'Routing you'],
      ['AI', 60, 'Too late'],
      ['OTHER', 60, 'no speaker, no time'],
    ]);
    expect(normalizeTranscript(null, { timestampStart: null })).toEqual([]);
  });
});

describe('findActiveIndex', () => {
  const offsets = [0.3, 10, 24.8, 30];
  it.each([
    [0, -1],
    [0.3, 0],
    [9.99, 0],
    [10, 1],
    [29.9, 2],
    [500, 3],
  ])('at %s s is bubble %s', (time, expected) => {
    expect(findActiveIndex(offsets, time)).toBe(expected);
  });
  it('handles no bubbles', () => expect(findActiveIndex([], 5)).toBe(-1));
});

describe('splitHighlights', () => {
  it('splits case-insensitively into text parts, escaping regex characters', () => {
    expect(splitHighlights('Spicy wings? SPICY!', 'spicy')).toEqual([
      { text: 'Spicy', match: true },
      { text: ' wings? ', match: false },
      { text: 'SPICY', match: true },
      { text: '!', match: false },
    ]);
    expect(splitHighlights('Is it (a) test? a.b', '(a)')).toEqual([
      { text: 'Is it ', match: false },
      { text: '(a)', match: true },
      { text: ' test? a.b', match: false },
    ]);
    expect(countMatches('a.b axb', 'a.b')).toBe(1);
    expect(splitHighlights('<img src=x onerror=alert(1)>', 'img')).toEqual([
      { text: '<', match: false },
      { text: 'img', match: true },
      { text: ' src=x onerror=alert(1)>', match: false },
    ]);
    expect(splitHighlights('plain', '  ')).toEqual([{ text: 'plain', match: false }]);
  });
});
