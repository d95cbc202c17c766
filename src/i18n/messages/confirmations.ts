// The confirmations messages, English and Dutch. Keys start with 'confirmations.'.
import { defineMessages } from './define.ts';

export const confirmationsMessages = defineMessages<never>({}, {});
