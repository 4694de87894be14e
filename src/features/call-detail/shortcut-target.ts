// Shared with the review feature's keys, so both filter key presses by the same rule.
export { isLeftAlone, spaceToggles } from '@/lib/shortcut-target';
