// The home messages, English and Dutch. Keys start with 'home.'.
import { defineMessages } from './define.ts';

export const homeMessages = defineMessages<never>({}, {});
