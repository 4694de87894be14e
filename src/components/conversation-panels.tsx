import { createContext, useContext, type ComponentType } from 'react';
import type { Conversation } from '@contract';

export type ConversationPanel = ComponentType<{ conversation: Conversation }>;

const PanelsContext = createContext<readonly ConversationPanel[]>([]);

/**
 * Panels the app layer adds beside a call's insights, so a feature can show something on the
 * call page without importing the call-detail feature (or it importing them). Pass a constant.
 */
export const ConversationPanelsProvider = PanelsContext.Provider;

export function ConversationPanels({ conversation }: { conversation: Conversation }) {
  const panels = useContext(PanelsContext);
  return panels.map((Panel, index) => <Panel key={index} conversation={conversation} />);
}
