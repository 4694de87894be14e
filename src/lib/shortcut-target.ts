/** Where keys are typed or a control uses them, so page shortcuts leave them alone. */
const FIELDS = 'input, select, textarea, [contenteditable=""], [contenteditable="true"], dialog';

/** Fields that take Space for themselves: text is typed, a box is checked, a list opens. */
const SPACE_FIELDS =
  'select, textarea, [contenteditable=""], [contenteditable="true"], dialog, [role=checkbox], [role=switch], input:not([type=button], [type=range], [type=reset], [type=submit], [type=color], [type=file], [type=image])';

function handledOrModified(event: KeyboardEvent): boolean {
  return event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey;
}

function targetOf(event: KeyboardEvent): Element | null {
  return event.target instanceof Element ? event.target : null;
}

/**
 * True when a page shortcut must leave this key press alone: someone else handled it, a
 * modifier is held, or focus is in a field or a dialog.
 */
export function isLeftAlone(event: KeyboardEvent): boolean {
  return handledOrModified(event) || !!targetOf(event)?.closest(FIELDS);
}

/**
 * Space plays and pauses wherever focus is, a clicked bubble or a button included (Enter still
 * presses those), except in a field that takes Space itself: text, a checkbox, a select.
 */
export function spaceToggles(event: KeyboardEvent): boolean {
  return !handledOrModified(event) && !targetOf(event)?.closest(SPACE_FIELDS);
}
