// The web messages, English and Dutch. Keys start with 'web.'.
import { defineMessages } from './define.ts';

export const webMessages = defineMessages<never>({}, {});
