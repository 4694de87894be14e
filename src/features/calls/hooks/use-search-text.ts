import { useState } from 'react';
import { useNavigationType } from 'react-router';

/**
 * The search box's text. The URL is the list's state, but while the user types in the box the
 * box is theirs: the URL catching up with what they typed a moment ago (or a request landing)
 * must never rewrite it. A URL change the box did not cause (Back/Forward, a chip's ×, a quick
 * filter) brings the URL's text into the box; such a change happens while the box has no focus,
 * or is a history step.
 */
export function useSearchText(urlText: string) {
  const [text, setText] = useState(urlText);
  const [seenUrlText, setSeenUrlText] = useState(urlText);
  const [focused, setFocused] = useState(false);
  const navigationType = useNavigationType();
  if (urlText !== seenUrlText) {
    setSeenUrlText(urlText);
    if (!focused || navigationType === 'POP') setText(urlText);
  }
  return {
    text,
    setText,
    focusHandlers: { onFocus: () => setFocused(true), onBlur: () => setFocused(false) },
  };
}
