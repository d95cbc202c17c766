// The mail messages, English and Dutch. Keys start with 'mail.'.
import { defineMessages } from './define.ts';

export const mailMessages = defineMessages<never>({}, {});
