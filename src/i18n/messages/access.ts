// The access messages, English and Dutch. Keys start with 'access.'.
import { defineMessages } from './define.ts';

export const accessMessages = defineMessages<never>({}, {});
