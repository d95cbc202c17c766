// The bulk messages, English and Dutch. Keys start with 'bulk.'.
import { defineMessages } from './define.ts';

export const bulkMessages = defineMessages<never>({}, {});
