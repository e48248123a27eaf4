import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MessageKey, MessageParams } from '../../shared/i18n/translate.ts';
import { ct, st, type ConsoleMessageKey } from '../messages/index.ts';
import type { ConsoleModel } from '../models/console-model.ts';

export const ConsoleContext = createContext<ConsoleModel | null>(null);

/** The console model and its translators in the chosen language. */
export function useConsole() {
  const model = useContext(ConsoleContext);
  if (!model) throw new Error('useConsole outside ConsoleContext');
  const locale = model.locale.value;
  return {
    model,
    locale,
    t: (key: ConsoleMessageKey, params?: MessageParams) => ct(locale, key, params),
    s: (key: MessageKey, params?: MessageParams) => st(locale, key, params),
  };
}
